// A small server speaking Upstash's REST protocol over a real redis-server, for @upstash/redis as users run it:
// POST / with a command as a JSON array, POST /pipeline with an array of them (run in order, not atomically),
// POST /multi-exec with an array run as one transaction, a Bearer token, `{ result }` or `{ error }` (HTTP 400)
// back, strings base64-encoded when the client asks with `Upstash-Encoding: base64`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

export interface UpstashStandIn {
  url: string;
  token: string;
  /** commands received, by name, in order */
  commands: string[];
  /** the endpoint of each request, in order: '/', '/pipeline' or '/multi-exec' */
  endpoints: string[];
  close(): Promise<void>;
}

type Reply = { result: unknown } | { error: string };

const encode = (value: unknown, base64: boolean): unknown => {
  if (!base64) return value;
  if (typeof value === 'string') return value === 'OK' ? value : Buffer.from(value, 'utf8').toString('base64');
  if (Array.isArray(value)) return value.map((v) => encode(v, base64));
  return value;
};

// EXEC answers each command's own error inside its array (a command that fails as it runs does not undo the
// others, as in Redis); a command refused while queued discards the whole transaction (EXECABORT).
const replyOf = (value: unknown, base64: boolean): Reply =>
  value instanceof Error ? { error: value.message } : { result: encode(value, base64) };

/** `redisUrl` may carry a user and password (redis://user:pw@host:port): every command runs as that user. */
export async function upstashStandIn(redisUrl: string, token = 'upstash-test-token'): Promise<UpstashStandIn> {
  const redis = new Redis(redisUrl);
  const commands: string[] = [];
  const endpoints: string[] = [];
  const run = async ([name, ...args]: string[], base64: boolean): Promise<Reply> => {
    commands.push(String(name).toLowerCase());
    try {
      return replyOf(await redis.call(String(name), ...args.map(String)), base64);
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  // A connection of its own for each transaction: a command another request sends on the shared connection while
  // MULTI is open would be queued into this transaction.
  const transaction = async (body: string[][], base64: boolean): Promise<[number, Reply | Reply[]]> => {
    const tx = redis.duplicate();
    try {
      await tx.call('MULTI');
      for (const [name, ...args] of body) {
        commands.push(String(name).toLowerCase());
        await tx.call(String(name), ...args.map(String)).catch(() => {});
      }
      const results = (await tx.call('EXEC')) as unknown[];
      return [200, results.map((r) => replyOf(r, base64))];
    } catch (e) {
      return [400, { error: (e as Error).message }];
    } finally {
      tx.disconnect();
    }
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${token}`) return reply(401, { error: 'Unauthorized' });
    const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as string[] | string[][];
    const endpoint = new URL(req.url ?? '/', 'http://stand-in').pathname.replace(/\/+$/, '') || '/';
    endpoints.push(endpoint);
    if (endpoint === '/multi-exec') return reply(...(await transaction(body as string[][], base64)));
    if (endpoint === '/pipeline') {
      const replies: Reply[] = [];
      for (const command of body as string[][]) replies.push(await run(command, base64));
      return reply(200, replies);
    }
    const out = await run(body as string[], base64);
    reply('error' in out ? 400 : 200, out);
  };
  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    commands,
    endpoints,
    close: async () => {
      await new Promise((r) => server.close(r));
      redis.disconnect();
    },
  };
}
