// One worker of the 4-worker throughput benchmark: its own Redis connection and Partoo client drawing from the
// organization's rate limit shared on Redis, sending to fresh numbers from START_AT until START_AT + DURATION_MS.
// Prints one JSON line: its outcomes and the 429s it was answered (absorbed by retries or not).
import { Redis } from 'ioredis';
import { createPartooClient, RateLimitError } from '../src/index.js';
import { redisGuardStore, redisRateLimiter } from '../src/redis/index.js';

const { REDIS_URL, PARTOO_URL, PARTOO_KEY, RPM, START_AT, DURATION_MS, WORKER } = process.env;
const redis = new Redis(REDIS_URL!, {
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
  apiKey: PARTOO_KEY,
  baseUrl: PARTOO_URL,
  fetch: counting,
  rateLimit: redisRateLimiter(redis, { requestsPerMinute: Number(RPM), key: 'bench-workers' }),
  guard: { store: redisGuardStore(redis, { prefix: 'bench-workers:' }) },
});
const startAt = Number(START_AT);
const end = startAt + Number(DURATION_MS);
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
async function* inputs() {
  for (let i = 0; Date.now() < end; i++)
    yield { businessId: 'bench', targetPhone: `+336${String(30_000_000 + Number(WORKER) * 1_000_000 + i)}` };
}
const tally = { sent: 0, skipped: 0, failed: 0, rateLimitedToCaller: 0, answered429: 0, endedAt: 0 };
for await (const o of client.reviewBooster.sendInvitations(inputs(), { concurrency: 4 })) {
  tally[o.status]++;
  if (o.status === 'failed' && o.error instanceof RateLimitError) tally.rateLimitedToCaller++;
}
tally.answered429 = answered429;
// Sends in flight at the deadline finish after it: the rate is taken over the time actually spent.
tally.endedAt = Date.now();
console.log(JSON.stringify(tally));
redis.disconnect();
