import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApiErrors } from './api-errors.js';
import type { Handler } from './stateful/respond.js';

export interface HttpServer {
  url: string;
  close(): Promise<void>;
}

/** Request bodies past this get 413 before they are read: one 400 MB body once took a mock to 1.7 GB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface ServeOptions {
  host: string;
  /** 0 picks a free one */
  port: number;
  /** the API's error shapes, for what this layer refuses itself */
  errors: ApiErrors;
  maxBodyBytes?: number;
}

class TooLarge extends Error {}

/** Serves a fetch-style handler on a real socket. */
export function serve(handler: Handler, options: ServeOptions): Promise<HttpServer> {
  const server: Server = createServer(listener(handler, options));
  // A request line or header Node cannot parse never reaches the handler: answer it in the API's shape too.
  server.on('clientError', (_e, socket) => {
    if (!socket.writable) return void socket.destroy();
    const text = JSON.stringify(options.errors.invalid('Malformed request.'));
    const head = `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close`;
    socket.end(`HTTP/1.1 400 Bad Request\r\n${head}\r\n\r\n${text}`);
  });
  server.keepAliveTimeout = 5_000;
  return listen(server, options.host, options.port);
}

/** Answers `status` with `body` and closes: the request body, if any, is left unread. */
function refuse(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    connection: 'close',
  });
  res.end(text);
}

/** Node's request listener around the handler: what this layer refuses itself, then the handler's answer. */
function listener(handler: Handler, { host, errors, maxBodyBytes }: ServeOptions) {
  const limit = maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
      if (!req.url?.startsWith('/')) throw new Error('not an origin-form request target');
    } catch {
      return refuse(res, 400, errors.invalid('Malformed Host header or request target.'));
    }
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      return refuse(res, 413, errors.invalid(`Request body larger than ${limit} bytes.`));
    }
    try {
      const response = await handler(await toRequest(req, url, limit));
      // A fault that drops the connection (reset, timeout): no status line at all, as a crashed upstream gives.
      if (response.type === 'error') return void res.destroy();
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => (headers[k] = v));
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
      res.end(body);
    } catch (e) {
      if (e instanceof TooLarge) return refuse(res, 413, errors.invalid(`Request body larger than ${limit} bytes.`));
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(errors.fixed(500)));
    }
  };
}

function listen(server: Server, host: string, port: number): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is already in use; pick another or pass 0 for a free one`)
          : e,
      ),
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

/** The request as a fetch Request; a chunked body is counted as it arrives and refused past the limit. */
async function toRequest(req: IncomingMessage, url: URL, limit: number): Promise<Request> {
  const chunks: Buffer[] = await new Promise((resolve, reject) => {
    const got: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return; // already refused: the rest is read and dropped, so the 413 can be sent
      size += chunk.length;
      if (size > limit) return reject(new TooLarge());
      got.push(chunk);
    });
    req.once('end', () => resolve(got));
    req.once('error', reject);
  });
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const method = req.method ?? 'GET';
  return new Request(url, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks),
  });
}
