// A small server speaking Upstash's REST protocol over a real redis-server, for @upstash/redis as users run it:
// POST / with a command as a JSON array, POST /pipeline with an array of them, a Bearer token, `{ result }` or
// `{ error }` (HTTP 400) back, strings base64-encoded when the client asks with `Upstash-Encoding: base64`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

export interface UpstashStandIn {
  url: string;
  token: string;
  /** commands received, by name, in order */
  commands: string[];
  close(): Promise<void>;
}

const encode = (value: unknown, base64: boolean): unknown => {
  if (!base64) return value;
  if (typeof value === 'string') return value === 'OK' ? value : Buffer.from(value, 'utf8').toString('base64');
  if (Array.isArray(value)) return value.map((v) => encode(v, base64));
  return value;
};

export async function upstashStandIn(redisUrl: string, token = 'upstash-test-token'): Promise<UpstashStandIn> {
  const redis = new Redis(redisUrl);
  const commands: string[] = [];
  const run = async ([name, ...args]: string[], base64: boolean) => {
    commands.push(String(name).toLowerCase());
    try {
      return { result: encode(await redis.call(String(name), ...args.map(String)), base64) };
    } catch (e) {
      return { error: (e as Error).message };
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
    if (req.url?.startsWith('/pipeline') || req.url?.startsWith('/multi-exec')) {
      return reply(200, await Promise.all((body as string[][]).map((c) => run(c, base64))));
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
    close: async () => {
      await new Promise((r) => server.close(r));
      redis.disconnect();
    },
  };
}
