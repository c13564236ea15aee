// `import { redisGuardStore } from 'partoo-argyle-sdk/redis'`: the guard's ledger and locks on Redis, so
// workers in separate processes send one SMS per number. Takes any ioredis-compatible client; imports none.
import type { GuardStore } from '../wrapper/guard-store.js';
import type { LedgerEntry } from '../wrapper/ledger.js';

/** The commands used, as ioredis (and compatible clients) spell them. */
export interface RedisLike {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, px: 'PX', milliseconds: number): Promise<unknown>;
  set(key: string, value: string, px: 'PX', milliseconds: number, nx: 'NX'): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisGuardStoreOptions {
  /** prepended to every key, default 'partoo-argyle-sdk:' */
  prefix?: string;
}

// Only the owner may release: compare and delete in one step, so a lock that expired and was taken by
// another worker is never released by the first.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
// Likewise for renewal: a worker whose lock expired and went to another must not extend the new owner's.
const EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export function redisGuardStore(redis: RedisLike, options: RedisGuardStoreOptions = {}): GuardStore {
  const prefix = options.prefix ?? 'partoo-argyle-sdk:';
  const ledgerKey = (key: string) => `${prefix}ledger:${key}`;
  const lockKey = (key: string) => `${prefix}lock:${key}`;
  return {
    async get(key) {
      const raw = await redis.get(ledgerKey(key));
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as { invitationId: string; sentAt: string };
      return { invitationId: parsed.invitationId, sentAt: new Date(parsed.sentAt) } satisfies LedgerEntry;
    },
    async set(key, entry, ttlMs) {
      // Expires when the window ends: Redis forgets the number exactly when it may be texted again.
      await redis.set(ledgerKey(key), JSON.stringify({ invitationId: entry.invitationId, sentAt: entry.sentAt.toISOString() }), 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async acquire(key, owner, ttlMs) {
      return (await redis.set(lockKey(key), owner, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
    },
    async release(key, owner) {
      await redis.eval(RELEASE, 1, lockKey(key), owner);
    },
    async extend(key, owner, ttlMs) {
      return (await redis.eval(EXTEND, 1, lockKey(key), owner, Math.max(1, Math.ceil(ttlMs)))) === 1;
    },
  };
}

export type { GuardStore } from '../wrapper/guard-store.js';
export type { LedgerEntry } from '../wrapper/ledger.js';
