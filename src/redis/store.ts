// The guard's ledger and locks on Redis, so workers in separate processes send one SMS per number. Takes the
// client users already have (ioredis, iovalkey, node-redis, @upstash/redis; single node or Cluster); imports none.
import type { GuardStore } from '../partoo/guard/lock-loop.js';
import type { LedgerEntry } from '../partoo/guard/ledger.js';
import { storeClient, type AnyRedisClient, type RedisStoreClient } from './client.js';
import { crossSlotFix, misconfiguration, storeMisconfigured } from './errors.js';
import { keyLayout } from './keys.js';
import { systemRuntime, type Runtime } from '../core/runtime.js';
import { evictionPolicy, storeCheck, type StoreCheck } from './check.js';
import { ACQUIRE, EXTEND, GET, RECORD_AND_RELEASE, RELEASE, SET } from './scripts.js';

export interface RedisGuardStoreOptions {
  /** prepended to every key inside a `{hash tag}` (one Cluster slot), default 'partoo-argyle-sdk:' */
  prefix?: string;
  /**
   * Also keep the keys under the untagged names of versions before the hash tag, so workers of both versions
   * running side by side on one node never both send. Default: on for an ioredis or iovalkey client on a single
   * node (where earlier versions ran), off elsewhere; turn it off once every worker is upgraded.
   */
  legacyKeys?: boolean;
  /**
   * Accept a Redis whose `maxmemory-policy` is `allkeys-*`, which may evict a lock while its owner sends. Refused
   * by default: use `noeviction` or a `volatile-*` policy.
   */
  allowEviction?: boolean;
}

/** A GuardStore on Redis, with a check for start-up or a health endpoint. */
export interface RedisGuardStore extends GuardStore {
  recordAndRelease: NonNullable<GuardStore['recordAndRelease']>;
  extend: NonNullable<GuardStore['extend']>;
  /** Runs each script once on a probe key; reports role, cluster mode, eviction policy, scripts and readiness. */
  check(): Promise<StoreCheck>;
}

export function redisGuardStore(redis: AnyRedisClient, options: RedisGuardStoreOptions = {}): RedisGuardStore {
  return redisGuardStoreWith(redis, options, systemRuntime);
}

/** @internal The store on a given clock: the times it writes and its check's probe read `runtime`. */
export function redisGuardStoreWith(
  redis: AnyRedisClient,
  options: RedisGuardStoreOptions,
  runtime: Runtime,
): RedisGuardStore {
  const client = storeClient(redis, 'redisGuardStore');
  const legacy = options.legacyKeys ?? (client.kind === 'ioredis' && client.cluster === false);
  const keys = keyLayout(options.prefix ?? 'partoo-argyle-sdk:', legacy);
  const ttl = (ms: number) => String(Math.max(1, Math.ceil(ms)));
  const serialize = (entry: LedgerEntry) =>
    JSON.stringify({ invitationId: entry.invitationId, sentAt: entry.sentAt.toISOString() });
  const run = runner(client, options.allowEviction === true, legacy);
  const store: RedisGuardStore = {
    async get(key) {
      const raw = await run('reading the ledger (EVAL of GET)', GET, keys.ledger(key), [], true);
      if (raw === null || raw === undefined || raw === false) return undefined;
      // @upstash/redis parses a JSON reply itself; the others hand back the string.
      const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { invitationId: string; sentAt: string };
      return { invitationId: parsed.invitationId, sentAt: new Date(parsed.sentAt) } satisfies LedgerEntry;
    },
    async set(key, entry, ttlMs) {
      // Expires when the window ends: Redis forgets the number exactly when it may be texted again.
      await run('recording the send (EVAL of SET PX)', SET, keys.ledger(key), [serialize(entry), ttl(ttlMs)], false);
    },
    async acquire(key, owner, ttlMs) {
      const [lock, legacyLock] = keys.lock(key);
      const [epoch, fence, legacyEpoch] = keys.epoch;
      const names = legacyLock ? [lock, epoch, fence, legacyLock, legacyEpoch] : [lock, epoch, fence];
      const since = new Date(runtime.now()).toISOString();
      const got = await run('taking the lock (EVAL of SET NX PX)', ACQUIRE, names, [owner, ttl(ttlMs), since], true);
      return Number(got) === 1;
    },
    async recordAndRelease(key, entry, ttlMs, owner) {
      const [ledger, legacyLedger] = keys.ledger(key);
      const [lock, legacyLock] = keys.lock(key);
      const names = legacyLock ? [ledger, lock, legacyLedger, legacyLock] : [ledger, lock];
      await run(
        'recording the send (EVAL of SET PX, DEL)',
        RECORD_AND_RELEASE,
        names,
        [serialize(entry), ttl(ttlMs), owner],
        false,
      );
    },
    async release(key, owner) {
      await run('releasing the lock (EVAL of GET, DEL)', RELEASE, keys.lock(key), [owner], true);
    },
    async extend(key, owner, ttlMs) {
      const ok = await run('renewing the lock (EVAL of PEXPIRE)', EXTEND, keys.lock(key), [owner, ttl(ttlMs)], true);
      return Number(ok) === 1;
    },
    check: () => storeCheck(client, store, runtime),
  };
  return store;
}

type Run = (what: string, script: string, keys: string[], args: string[], before: boolean) => Promise<unknown>;

/**
 * Runs one script: the eviction policy checked once first, an error no wait cures turned into a ConfigurationError
 * (which the guard never retries and never answers with the search alone), any other left to the guard's retries.
 */
function runner(client: RedisStoreClient, allowEviction: boolean, legacy: boolean): Run {
  // Whether the store has answered a write, as only a primary does.
  let seenPrimary = false;
  let policyChecked: Promise<void> | undefined;
  const checkPolicy = async () => {
    const found = await evictionPolicy(client);
    if (found.startsWith('allkeys-') && !allowEviction) {
      throw storeMisconfigured(
        'checking the eviction policy (CONFIG GET maxmemory-policy)',
        `maxmemory-policy is ${found}, which may evict a lock while its owner sends`,
        'set maxmemory-policy to noeviction or a volatile-* policy, or pass allowEviction: true if you accept it',
        'Nothing was sent',
      );
    }
  };
  return async (what, script, keys, args, before) => {
    try {
      // A failed check is not remembered: an outage during it is tried again with the next call.
      await (policyChecked ??= checkPolicy().catch((e) => {
        policyChecked = undefined;
        throw e;
      }));
      const result = await client.eval(script, keys, args);
      // A replica runs a script that only reads: only a write shows the store answered as a primary.
      if (script !== GET) seenPrimary = true;
      return result;
    } catch (error) {
      if ((error as Error)?.name === 'ConfigurationError') throw error;
      const fix = crossSlotFix(error, client.cluster, legacy) ?? misconfiguration(error, seenPrimary);
      if (fix === undefined) throw error;
      const after = before ? 'Nothing was sent' : 'The SMS was sent, but it is not recorded in the shared ledger';
      throw storeMisconfigured(what, error, fix, after);
    }
  };
}
