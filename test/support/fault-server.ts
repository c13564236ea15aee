// A real HTTP server on 127.0.0.1 in front of the stateful mock, misbehaving on cue: each request takes the
// next fault from the plan. The mock behind it counts the SMS actually sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Handler } from '../../src/testing/stateful/respond.js';

export const FAULTS = [
  'none',
  'reset-before', // the socket dies before the server does anything
  'reset-after', // the server acts, then the socket dies before the answer
  'slow', // the server acts, then answers after the client's timeout
  '500',
  '502',
  '503',
  '429-seconds',
  '429-date',
  'malformed-json', // the server acts, then answers 200 with broken JSON
  'wrong-content-type', // the server acts, then answers 200 text/html
  'truncated', // the server acts, then the body stops halfway
] as const;
/**
 * The request is held in the network: the server receives it only after the client gave up on it (`late` options:
 * how long from arrival), then acts; the answer goes nowhere. Kept apart from FAULTS, since how it ends depends
 * on the guard's settle time, not only on the request.
 */
export const LATE_FAULTS = ['late-short', 'late-long'] as const;
export type FaultName = (typeof FAULTS)[number] | (typeof LATE_FAULTS)[number];

export interface FaultServerOptions {
  slowMs: number;
  /** for the late faults: how long the request is held before the server acts on it */
  late?: { shortMs: number; longMs: number };
}

export interface FaultServer {
  url: string;
  plan(faults: FaultName[]): void;
  /** requests seen, with the fault each got */
  log: { method: string; path: string; fault: FaultName }[];
  /** resolves once every held (late) request has reached the server behind */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultServer(handler: Handler, options: FaultServerOptions): Promise<FaultServer> {
  let queue: FaultName[] = [];
  const held = new Set<Promise<unknown>>();
  const log: FaultServer['log'] = [];
  const forward = async (req: IncomingMessage, body: Buffer) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    return handler(
      new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body: body.length ? new Uint8Array(body) : undefined,
      }),
    );
  };
  const send = async (res: ServerResponse, response: Response) => {
    const text = await response.text();
    if (res.destroyed) return;
    res.writeHead(response.status, {
      'content-type': response.headers.get('content-type') ?? 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const fault = queue.shift() ?? 'none';
    log.push({ method: req.method!, path: req.url!, fault });
    const json = (status: number, payload: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(payload);
    };
    switch (fault) {
      case 'none':
        return send(res, await forward(req, body));
      case 'reset-before':
        return req.socket.destroy();
      case 'reset-after':
        await forward(req, body);
        return req.socket.destroy();
      case 'slow': {
        const response = await forward(req, body);
        await new Promise((r) => setTimeout(r, options.slowMs));
        return send(res, response);
      }
      case '500':
      case '502':
      case '503':
        return json(Number(fault), '{"errors":{"json":"injected"}}');
      case '429-seconds':
        return json(429, '{"errors":{"json":"Too many requests"}}', { 'retry-after': '0' });
      case '429-date':
        return json(429, '{"errors":{"json":"Too many requests"}}', {
          'retry-after': new Date(Date.now() - 1000).toUTCString(),
        });
      case 'malformed-json':
        await forward(req, body);
        return json(200, '{"invitation_id": "abc", "page": 1,');
      case 'wrong-content-type':
        await forward(req, body);
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html><body>Bad gateway</body></html>');
      case 'late-short':
      case 'late-long': {
        if (!options.late) throw new Error('late faults need the late option');
        const holdMs = fault === 'late-short' ? options.late.shortMs : options.late.longMs;
        const landing = new Promise((r) => setTimeout(r, holdMs)).then(() => forward(req, body));
        held.add(landing);
        await landing.finally(() => held.delete(landing));
        return req.socket.destroy();
      }
      case 'truncated': {
        await forward(req, body);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
        res.write('{"invitation_id": "d3d8c966-0356-4ec0');
        return setTimeout(() => req.socket.destroy(), 5);
      }
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    plan: (faults) => void (queue = [...faults]),
    log,
    idle: async () => {
      while (held.size) await Promise.allSettled([...held]);
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
