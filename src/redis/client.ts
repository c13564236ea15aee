// The Redis clients users bring, each spoken to as it spells its commands. Every guard and limiter command is a
// Lua script with its keys named, so one adapter method covers them; `command` is for the read-only checks
// (CONFIG GET, INFO, ROLE) and is absent where a client cannot send a raw command.
import { ConfigurationError } from '../core/errors.js';

/** A client as the store and the limiter use it; made by `fromNodeRedis`, `fromUpstash`, or found from ioredis. */
export interface RedisStoreClient {
  readonly [STORE_CLIENT]: true;
  /** which library it speaks to, for messages */
  readonly kind: 'ioredis' | 'node-redis' | 'upstash';
  /** true on a Redis Cluster client, false on a single node, undefined where the client cannot tell */
  readonly cluster: boolean | undefined;
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
  command?(args: string[]): Promise<unknown>;
}

/** Marks an adapter, so it is never taken for a client of its own. */
export const STORE_CLIENT = Symbol.for('partoo-argyle-sdk.redisStoreClient');

/** The commands used, as ioredis and iovalkey (standalone and `Cluster`) spell them. */
export interface RedisLike {
  get(key: string): Promise<string | null>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
  defineCommand(name: string, definition: { lua: string; numberOfKeys?: number }): void;
  readonly status?: string;
  readonly isCluster?: boolean;
  connect?(): Promise<unknown>;
}

/** node-redis (the `redis` package) v4 and later: a client from `createClient`, or a cluster from `createCluster`. */
export interface NodeRedisLike {
  eval(script: string, options: { keys?: string[]; arguments?: string[] }): Promise<unknown>;
  readonly isOpen: boolean;
  sendCommand(...args: never[]): Promise<unknown>;
}

/** `@upstash/redis`: REST, the Redis a Worker or a serverless function can reach. */
export interface UpstashLike {
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
  createScript(...args: never[]): unknown;
}

/** Any client `redisGuardStore` and `redisRateLimiter` take. */
export type AnyRedisClient = RedisLike | RedisStoreClient | NodeRedisLike | UpstashLike;

const fn = (c: unknown, name: string) => typeof (c as Record<string, unknown>)?.[name] === 'function';
const isCluster = (c: unknown) => fn(c, 'getSlotMaster') || (c as { masters?: unknown }).masters !== undefined;

/** Wraps a node-redis client or cluster: `set(k, v, { PX })`, `eval(s, { keys, arguments })`. */
export function fromNodeRedis(client: NodeRedisLike): RedisStoreClient {
  if (!fn(client, 'eval') || !fn(client, 'sendCommand') || typeof client.isOpen !== 'boolean') {
    throw new ConfigurationError(
      'fromNodeRedis: expected a node-redis client (createClient) or cluster (createCluster), with eval, ' +
        `sendCommand and isOpen; ${missing(client, ['eval', 'sendCommand'])}`,
    );
  }
  const cluster = isCluster(client);
  const send = client.sendCommand.bind(client) as (...a: unknown[]) => Promise<unknown>;
  return {
    [STORE_CLIENT]: true,
    kind: 'node-redis',
    cluster,
    eval: (script, keys, args) => client.eval(script, { keys, arguments: args }),
    // A cluster routes a raw command by a key of its own choosing: no key, so any master answers.
    command: (args) => (cluster ? send(undefined, true, args) : send(args)),
  };
}

/** Wraps an `@upstash/redis` client: `eval(s, keys, args)` over REST; results parsed by the client itself. */
export function fromUpstash(client: UpstashLike): RedisStoreClient {
  if (!fn(client, 'eval')) {
    throw new ConfigurationError('fromUpstash: expected an @upstash/redis client (new Redis({ url, token })); no eval');
  }
  return {
    [STORE_CLIENT]: true,
    kind: 'upstash',
    cluster: undefined,
    eval: (script, keys, args) => Promise.resolve(client.eval(script, keys, args)).catch(upstashReply),
  };
}

/**
 * @upstash/redis wraps Redis's reply in words of its own: `Command failed: NOPERM …` from its automatic pipeline
 * (on by default), `NOPERM …, command was: [the script and its arguments]` otherwise, and a refused token is
 * `Unauthorized`. Redis's own reply is put back first, so a permission or script error is read as the
 * misconfiguration it is, not as an outage; the script and its arguments are left out of the message.
 */
function upstashReply(error: unknown): never {
  if (!(error instanceof Error)) throw error;
  const reply = error.message
    .replace(/^Command (?:\d+ \[ \S+ \] )?failed: /, '')
    .replace(/, command was: [\s\S]*$/, '')
    .replace(/^Unauthorized\b/, 'WRONGPASS the REST token was refused (Unauthorized)');
  if (reply === error.message) throw error;
  throw Object.assign(new Error(reply, { cause: error }), { name: error.name });
}

function fromIoredis(client: RedisLike): RedisStoreClient {
  return {
    [STORE_CLIENT]: true,
    kind: 'ioredis',
    cluster: client.isCluster === true,
    eval: (script, keys, args) => {
      // A client built with lazyConnect waits for a first command to connect; without an offline queue that
      // command fails instead, so connect it here and let the store's retries wait for it.
      if (client.status === 'wait' && client.connect) client.connect().catch(() => {});
      return client.eval(script, keys.length, ...keys, ...args);
    },
    command: ([name, ...args]) => client.call(name, ...args),
  };
}

/**
 * The client as the store speaks to it, found only where its shape is certain: an adapter, ioredis or iovalkey
 * (`defineCommand` and `call`, which node-redis and Upstash lack), node-redis (`sendCommand` and `isOpen`),
 * Upstash (`createScript`, and no `sendCommand`). Anything else is refused here, before any send.
 */
export function storeClient(client: unknown, who: string): RedisStoreClient {
  if ((client as RedisStoreClient)?.[STORE_CLIENT] === true) return client as RedisStoreClient;
  const io = fn(client, 'defineCommand') && fn(client, 'call') && fn(client, 'eval');
  const node = fn(client, 'sendCommand') && typeof (client as NodeRedisLike)?.isOpen === 'boolean';
  const upstash = fn(client, 'createScript') && fn(client, 'eval') && !fn(client, 'sendCommand');
  if ([io, node, upstash].filter(Boolean).length === 1) {
    if (io) return fromIoredis(client as RedisLike);
    if (node) return fromNodeRedis(client as NodeRedisLike);
    return fromUpstash(client as UpstashLike);
  }
  const why = io || node || upstash ? 'it could be read as more than one client' : missing(client, ['eval', 'call']);
  throw new ConfigurationError(
    `${who}: cannot tell which Redis client this is (${why}). Pass an ioredis or iovalkey client, or wrap yours: ` +
      'fromNodeRedis(client) for node-redis, fromUpstash(client) for @upstash/redis',
  );
}

function missing(client: unknown, names: string[]): string {
  if (client === null || typeof client !== 'object') return `got ${client === null ? 'null' : typeof client}`;
  const absent = names.filter((n) => !fn(client, n));
  return absent.length ? `no ${absent.join(', no ')}` : 'an unknown shape';
}
