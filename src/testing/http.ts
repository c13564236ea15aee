import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Handler } from './stateful/respond.js';

export interface HttpServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a fetch-style handler on a real socket; port 0 picks a free one. */
export function serve(handler: Handler, host: string, port: number): Promise<HttpServer> {
  const server: Server = createServer(async (req, res) => {
    try {
      const response = await handler(await toRequest(req, host));
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => (headers[k] = v));
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
      res.end(body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `mock failure: ${(e as Error).message}` }));
    }
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new Error(`port ${port} on ${host} is already in use; pick another or pass 0 for a free one`) : e),
    );
    server.listen(port, host, () => {
      const address = server.address() as { port: number };
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
        close: () =>
          (closing ??= new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          })),
      });
    });
  });
}

async function toRequest(req: IncomingMessage, host: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const method = req.method ?? 'GET';
  return new Request(`http://${req.headers.host ?? host}${req.url}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks),
  });
}
