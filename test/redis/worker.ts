// One worker process of the multi-process tests: its own Redis connection (configured as README says), its own
// Partoo client, a shuffled list of sends run CONCURRENCY at a time, taking no new send after UNTIL (epoch ms) if set.
// Prints one JSON line: its tally, its slowest send and the numbers whose send ended sent or skipped.
// CRASH=after-post|before-post kills it mid-send.
import { Redis } from 'ioredis';
import { createPartooClient, type SendInvitationInput } from 'partoo-argyle-sdk';
import { redisGuardStore } from 'partoo-argyle-sdk/redis';
import { methodOf } from '../support/request.js';

const env = process.env;
const { REDIS_URL, PARTOO_URL, PARTOO_KEY, PHONES, SENDS, SEED, CRASH, LOCK_TTL_MS, STORE_TIMEOUT_MS } = env;
// README's options: no offline queue, no retries of its own, a quick reconnect; the guard's deadline decides.
const redis = new Redis(REDIS_URL!, {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  retryStrategy: (times) => Math.min(times * 20, 200),
});
redis.on('error', () => {});
const phones = PHONES!.split(',');
let seed = Number(SEED ?? 1);
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const crashingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const post = methodOf(input, init) === 'POST';
  if (CRASH === 'before-post' && post) process.kill(process.pid, 'SIGKILL');
  const res = await fetch(input, init);
  if (CRASH === 'after-post' && post) process.kill(process.pid, 'SIGKILL');
  return res;
}) as typeof fetch;

const client = createPartooClient({
  apiKey: PARTOO_KEY,
  baseUrl: PARTOO_URL,
  rateLimit: false,
  fetch: crashingFetch,
  timeoutMs: Number(env.TIMEOUT_MS ?? 30_000),
  guard: {
    store: redisGuardStore(redis, { prefix: env.PREFIX ?? 'mp-test:' }),
    lockTtlMs: Number(LOCK_TTL_MS ?? 60_000),
    ...(STORE_TIMEOUT_MS && { storeTimeoutMs: Number(STORE_TIMEOUT_MS) }),
  },
});

const count = Number(SENDS);
const inputs: SendInvitationInput[] = Array.from({ length: count }, (_, i) => ({
  businessId: 'biz',
  targetPhone: phones[i < phones.length ? i : Math.floor(random() * phones.length)],
}));
inputs.sort(() => random() - 0.5);
const tally = { sent: 0, skipped: 0, failed: 0, errors: [] as string[], slowestMs: 0, done: [] as string[] };
const until = Number(env.UNTIL ?? Infinity);
let next = 0;
async function lane() {
  while (next < inputs.length && Date.now() < until) {
    const input = inputs[next++];
    const started = Date.now();
    try {
      tally[(await client.reviewBooster.sendInvitation(input)).status]++;
      tally.done.push(input.targetPhone);
    } catch (e) {
      tally.failed++;
      tally.errors.push((e as Error).message);
    }
    tally.slowestMs = Math.max(tally.slowestMs, Date.now() - started);
  }
}
await Promise.all(Array.from({ length: Number(env.CONCURRENCY ?? 8) }, lane));
console.log(JSON.stringify(tally));
redis.disconnect();
