// One worker process of the multi-process test: its own Redis connection, its own Partoo client, a shuffled
// list of sends. Prints one JSON line with its tally. CRASH=after-post|before-post kills it mid-send.
import { Redis } from 'ioredis';
import { createPartooClient } from 'partoo-argyle-sdk';
import { redisGuardStore } from 'partoo-argyle-sdk/redis';

const { REDIS_URL, PARTOO_URL, PARTOO_KEY, PHONES, SENDS, SEED, CRASH, LOCK_TTL_MS } = process.env;
const redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: 1 });
const phones = PHONES!.split(',');
let seed = Number(SEED ?? 1);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const crashingFetch = (async (input: Request, init?: RequestInit) => {
  if (CRASH === 'before-post' && input.method === 'POST') process.kill(process.pid, 'SIGKILL');
  const res = await fetch(input, init);
  if (CRASH === 'after-post' && input.method === 'POST') process.kill(process.pid, 'SIGKILL');
  return res;
}) as typeof fetch;

const client = createPartooClient({
  apiKey: PARTOO_KEY,
  baseUrl: PARTOO_URL,
  rateLimit: false,
  fetch: crashingFetch,
  guard: { store: redisGuardStore(redis, { prefix: 'mp-test:' }), lockTtlMs: Number(LOCK_TTL_MS ?? 60_000) },
});

const inputs = Array.from({ length: Number(SENDS) }, (_, i) => ({ businessId: 'biz', targetPhone: phones[i < phones.length ? i : Math.floor(random() * phones.length)] }));
inputs.sort(() => random() - 0.5);
const tally = { sent: 0, skipped: 0, failed: 0, errors: [] as string[] };
for await (const o of client.reviewBooster.sendInvitations(inputs, { concurrency: 8 })) {
  tally[o.status]++;
  if (o.status === 'failed') tally.errors.push(o.error.message);
}
console.log(JSON.stringify(tally));
await redis.quit();
