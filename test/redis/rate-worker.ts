// One worker of the fleet rate-limit test: a Partoo client drawing from redisRateLimiter, sending to fresh numbers
// (a search and a POST each) CONCURRENCY at a time from START_AT until UNTIL (epoch ms). Prints one JSON line:
// its outcomes, the 429s it was answered, its slowest send and when each send ended.
import { Redis } from 'ioredis';
import { createPartooClient } from 'partoo-argyle-sdk';
import { redisRateLimiter } from 'partoo-argyle-sdk/redis';

const env = process.env;
const redis = new Redis(env.REDIS_URL!, {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  retryStrategy: (n) => Math.min(n * 20, 200),
});
redis.on('error', () => {});
let answered429 = 0;
const counting = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const res = await fetch(input, init);
  if (res.status === 429) answered429++;
  return res;
}) as typeof fetch;
const client = createPartooClient({
  apiKey: env.PARTOO_KEY,
  baseUrl: env.PARTOO_URL,
  fetch: counting,
  guard: { ledger: false },
  rateLimit: redisRateLimiter(redis, {
    requestsPerMinute: Number(env.RPM),
    key: env.KEY,
    expectedWorkers: Number(env.EXPECTED_WORKERS ?? 4),
  }),
});
const until = Number(env.UNTIL);
const tally = {
  sent: 0,
  skipped: 0,
  failed: 0,
  answered429: 0,
  slowestMs: 0,
  startedAt: 0,
  ended: [] as number[],
  errors: [] as string[],
};
let next = 0;
async function lane() {
  while (Date.now() < until) {
    const phone = `+336${String(40_000_000 + Number(env.WORKER) * 1_000_000 + next++)}`;
    const started = Date.now();
    try {
      tally[(await client.reviewBooster.sendInvitation({ businessId: 'fleet', targetPhone: phone })).status]++;
    } catch (e) {
      tally.failed++;
      tally.errors.push((e as Error).message);
    }
    tally.slowestMs = Math.max(tally.slowestMs, Date.now() - started);
    tally.ended.push(Date.now());
  }
}
await new Promise((r) => setTimeout(r, Math.max(0, Number(env.START_AT) - Date.now())));
// Later than START_AT when the machine was too loaded to start the worker in time.
tally.startedAt = Date.now();
await Promise.all(Array.from({ length: Number(env.CONCURRENCY ?? 3) }, lane));
tally.answered429 = answered429;
console.log(JSON.stringify(tally));
redis.disconnect();
