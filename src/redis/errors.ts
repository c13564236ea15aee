// What a Redis error means for a send. Waiting cures an outage (a refused or reset connection, a timeout, a server
// loading its data, a failover in progress): the guard tries again within its deadline, then goes on with Partoo's
// search. Waiting never cures a misconfiguration (a missing permission, keys in two slots, a full Redis that may
// not evict, a script the server rejects, a replica given as the store): that fails the send before any SMS.
import { ConfigurationError } from '../core/errors.js';

/** Redis error codes that pass by waiting. */
const TRANSIENT = new Set(['LOADING', 'MASTERDOWN', 'CLUSTERDOWN', 'TRYAGAIN', 'BUSY', 'NOREPLICAS', 'UNBLOCKED']);

const FIXES: Record<string, string> = {
  NOPERM:
    'grant the Redis user the commands and keys it needs (ACL SETUSER <user> +eval +evalsha +get +set ' +
    '+pexpire +del +exists +time +config|get +info ~<prefix>*)',
  CROSSSLOT: 'keep every key of one store in one hash slot: a prefix with a {hash tag}, as the default has',
  OOM:
    'Redis is full and may not evict (maxmemory-policy noeviction): raise maxmemory, or give the guard a Redis ' +
    'of its own',
  READONLY: 'pass the primary, not a replica (on a managed Redis, its primary or configuration endpoint)',
  MOVED: 'this node is part of a Redis Cluster: pass a cluster client (ioredis Cluster, node-redis createCluster)',
  ASK: 'this node is part of a Redis Cluster: pass a cluster client (ioredis Cluster, node-redis createCluster)',
  NOSCRIPT: 'the server refuses scripts: the guard needs EVAL (Lua scripting) on this Redis',
  WRONGPASS:
    'the password or token was refused: check the credentials the client was given (for @upstash/redis, the ' +
    'REST token, UPSTASH_REDIS_REST_TOKEN, not the database password)',
  NOAUTH: 'Redis asks for a password: give the client the user and password of the store',
  WRONGTYPE: "another program writes the store's keys: give the store a prefix of its own",
};

/** The fix for a Redis error code that no wait cures, or undefined for an outage. */
export function misconfiguration(error: unknown, seenPrimary: boolean): string | undefined {
  const message = String((error as Error)?.message ?? error);
  // Reply errors start with their code in capitals; network errors (ECONNREFUSED, "Connection is closed",
  // "Stream isn't writeable", fetch failures) do not, and are outages.
  const code = /^([A-Z]{2,})\b/.exec(message)?.[1];
  if (!code || TRANSIENT.has(code)) return undefined;
  // After the store has answered as a primary, READONLY is a failover under way: it passes once one is promoted.
  if (code === 'READONLY' && seenPrimary) return undefined;
  if (code === 'ERR' && /max number of clients|timeout|connection/i.test(message)) return undefined;
  if (FIXES[code]) return FIXES[code];
  if (/unknown command|script|lua|user_script/i.test(message)) return FIXES.NOSCRIPT.replace('refuses', 'rejects');
  return 'fix what the server says; waiting does not change it';
}

/** A typed error naming the command, Redis's own words (redacted by the log like every message) and the fix. */
export function storeMisconfigured(what: string, error: unknown, fix: string, after: string): ConfigurationError {
  const message = String((error as Error)?.message ?? error).slice(0, 300);
  return new ConfigurationError(`${what} failed on Redis: ${message}. ${after}: ${fix}`, { cause: error });
}

/**
 * CROSSSLOT where the store's own keys share one tag: a single node never answers it, so a client that is not a
 * cluster client was given a node of a Cluster (its earlier, untagged names land in other slots); a cluster client
 * meets it only when told to keep those names too.
 */
export function crossSlotFix(error: unknown, cluster: boolean | undefined, legacy: boolean): string | undefined {
  if (!/^CROSSSLOT\b/.test(String((error as Error)?.message ?? error))) return undefined;
  if (cluster !== true) return FIXES.MOVED;
  return legacy
    ? 'the untagged names that legacyKeys keeps are in other slots: a Cluster needs legacyKeys: false'
    : undefined;
}
