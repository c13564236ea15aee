// The guard store as the version before the {hash tag} shipped it (untagged keys), kept verbatim so a test can run
// a worker of that version beside one of this: a rolling upgrade.

// `import { redisGuardStore } from 'partoo-argyle-sdk/redis'`: the guard's ledger and locks on Redis, so
// workers in separate processes send one SMS per number. Takes any ioredis-compatible client; imports none.
import type { GuardStore } from '../../src/partoo/guard/lock-loop.js';
import type { LedgerEntry } from '../../src/partoo/guard/ledger.js';

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
// A Redis that restarted without persistence (or was flushed) has forgotten every lock, while their owners' POSTs
// may still be in flight. The epoch key is what tells: written once and never expiring, it is missing only from
// a Redis that lost its memory. Then no lock is granted for one lock TTL (the "delayed restart" of Redis's own
// distributed-lock notes): the owners that were sending finish and record first. A call tried again after a lost
// answer finds the lock already its own. Returns 1 locked, 0 held by another, -1 fenced.
const ACQUIRE = `
if redis.call('exists', KEYS[2]) == 0 then
  redis.call('set', KEYS[2], ARGV[3])
  redis.call('set', KEYS[3], ARGV[3], 'PX', ARGV[2])
  return -1
end
if redis.call('exists', KEYS[3]) == 1 then return -1 end
if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('pexpire', KEYS[1], ARGV[2])
  return 1
end
if redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
return 0`;
// Record and release in one round trip; the release stays owner-only.
const RECORD_AND_RELEASE = `
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
if redis.call('get', KEYS[2]) == ARGV[3] then redis.call('del', KEYS[2]) end
return 1`;
// Likewise for renewal: a worker whose lock expired and went to another must not extend the new owner's.
const EXTEND =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export function previousRedisGuardStore(redis: RedisLike, options: RedisGuardStoreOptions = {}): GuardStore {
  const prefix = options.prefix ?? 'partoo-argyle-sdk:';
  const ledgerKey = (key: string) => `${prefix}ledger:${key}`;
  const lockKey = (key: string) => `${prefix}lock:${key}`;
  const ttl = (ms: number) => Math.max(1, Math.ceil(ms));
  const serialize = (entry: LedgerEntry) =>
    JSON.stringify({ invitationId: entry.invitationId, sentAt: entry.sentAt.toISOString() });
  return {
    async get(key) {
      const raw = await redis.get(ledgerKey(key));
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as { invitationId: string; sentAt: string };
      return { invitationId: parsed.invitationId, sentAt: new Date(parsed.sentAt) } satisfies LedgerEntry;
    },
    async set(key, entry, ttlMs) {
      // Expires when the window ends: Redis forgets the number exactly when it may be texted again.
      await redis.set(ledgerKey(key), serialize(entry), 'PX', ttl(ttlMs));
    },
    async acquire(key, owner, ttlMs) {
      const since = new Date().toISOString();
      return (
        (await redis.eval(ACQUIRE, 3, lockKey(key), `${prefix}epoch`, `${prefix}fence`, owner, ttl(ttlMs), since)) === 1
      );
    },
    async recordAndRelease(key, entry, ttlMs, owner) {
      await redis.eval(RECORD_AND_RELEASE, 2, ledgerKey(key), lockKey(key), serialize(entry), ttl(ttlMs), owner);
    },
    async release(key, owner) {
      await redis.eval(RELEASE, 1, lockKey(key), owner);
    },
    async extend(key, owner, ttlMs) {
      return (await redis.eval(EXTEND, 1, lockKey(key), owner, ttl(ttlMs))) === 1;
    },
  };
}
