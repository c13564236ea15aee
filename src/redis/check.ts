// What the store can see of the Redis it runs on, for start-up and health endpoints, and the eviction policy the
// store checks before its first call (a policy that may evict a held lock is refused).
import type { GuardStore } from '../partoo/guard/lock-loop.js';
import type { RedisStoreClient } from './client.js';
import { misconfiguration } from './errors.js';
import type { Runtime } from '../core/runtime.js';

export interface StoreCheck {
  /** every script ran on a probe key and the store may be used */
  ready: boolean;
  /** the server's role, or 'not visible' (a client that cannot send ROLE or INFO, or a user refused them) */
  role: 'primary' | 'replica' | 'not visible';
  cluster: boolean | 'not visible';
  /** maxmemory-policy, or 'not visible' (CONFIG GET and INFO refused, as on many managed Redis) */
  evictionPolicy: string;
  /** 'ok', or what the server said when a script ran */
  scripts: string;
  /** what stops the store from being used, each with its fix; empty when ready */
  problems: string[];
}

const NOT_VISIBLE = 'not visible';

async function ask(client: RedisStoreClient, args: string[]): Promise<unknown> {
  if (!client.command) throw new Error(`${NOT_VISIBLE}: this client sends no raw command`);
  return client.command(args);
}

// A refused command (NOPERM, unknown or renamed command) hides the answer; an outage is thrown on.
async function visible<T>(work: () => Promise<T>): Promise<T | typeof NOT_VISIBLE> {
  try {
    return await work();
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    if (message.startsWith(NOT_VISIBLE) || misconfiguration(error, false) !== undefined) return NOT_VISIBLE;
    throw error;
  }
}

const infoField = (info: unknown, name: string) => new RegExp(`^${name}:(\\S+)`, 'm').exec(String(info))?.[1];

/** CONFIG GET maxmemory-policy, else INFO memory, else 'not visible'. */
export async function evictionPolicy(client: RedisStoreClient): Promise<string> {
  const config = await visible(async () => {
    const reply = await ask(client, ['CONFIG', 'GET', 'maxmemory-policy']);
    // RESP2 gives [name, value]; RESP3 clients a map or an object.
    if (Array.isArray(reply)) return reply[1] === undefined ? undefined : String(reply[1]);
    if (reply instanceof Map) return reply.get('maxmemory-policy') as string | undefined;
    return (reply as Record<string, string> | null)?.['maxmemory-policy'];
  });
  if (config !== NOT_VISIBLE && config) return config;
  const info = await visible(async () => infoField(await ask(client, ['INFO', 'memory']), 'maxmemory_policy'));
  return info === NOT_VISIBLE || !info ? NOT_VISIBLE : info;
}

async function role(client: RedisStoreClient): Promise<StoreCheck['role']> {
  const found = await visible(async () => {
    const reply = await ask(client, ['ROLE']);
    return Array.isArray(reply) ? String(reply[0]) : infoField(await ask(client, ['INFO', 'replication']), 'role');
  });
  if (found === 'master') return 'primary';
  if (found === 'slave') return 'replica';
  return NOT_VISIBLE;
}

async function clusterMode(client: RedisStoreClient): Promise<StoreCheck['cluster']> {
  if (client.cluster !== undefined) return client.cluster;
  const enabled = await visible(async () => infoField(await ask(client, ['INFO', 'cluster']), 'cluster_enabled'));
  return enabled === NOT_VISIBLE || enabled === undefined ? NOT_VISIBLE : enabled === '1';
}

/** Runs every script once on a probe key of its own (its lock released, its entry expiring within a second). */
async function probe(store: GuardStore, runtime: Runtime): Promise<void> {
  const key = `check:${runtime.uuid()}`;
  const owner = `check-${key}`;
  await store.get(key);
  await store.acquire(key, owner, 1_000);
  await store.extend?.(key, owner, 1_000);
  const entry = { invitationId: 'check', sentAt: new Date(runtime.now()) };
  await store.set(key, entry, 1_000);
  await store.recordAndRelease?.(key, entry, 1_000, owner);
  await store.release(key, owner);
}

export async function storeCheck(client: RedisStoreClient, store: GuardStore, runtime: Runtime): Promise<StoreCheck> {
  const problems: string[] = [];
  const settle = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      problems.push(String((error as Error)?.message ?? error));
      return fallback;
    }
  };
  const [r, cluster, policy] = [
    await settle(() => role(client), NOT_VISIBLE as StoreCheck['role']),
    await settle(() => clusterMode(client), NOT_VISIBLE as StoreCheck['cluster']),
    await settle(() => evictionPolicy(client), NOT_VISIBLE),
  ];
  const before = problems.length;
  await settle(() => probe(store, runtime), undefined);
  const scripts = problems.length > before ? problems[problems.length - 1] : 'ok';
  if (r === 'replica') problems.push('the store is a replica: pass the primary');
  return { ready: problems.length === 0, role: r, cluster, evictionPolicy: policy, scripts, problems };
}
