// One rate limit for a fleet: every client of every process that uses the same Redis and key draws from one budget,
// so workers joining or leaving change nothing for the others. Partoo counts its limit per organization, not per
// process; dividing it by hand is wrong as soon as the fleet changes size.
import { storeClient, type AnyRedisClient } from './client.js';
import { misconfiguration } from './errors.js';
import { ConfigurationError } from '../core/errors.js';
import { checkLogOptions, createLog, type Log, type LogOptions } from '../core/log.js';
import { limitShape, TokenBucket, type RateLimiter } from '../core/rate-limit.js';
import { systemRuntime, type Runtime } from '../core/runtime.js';
import { storeCaller } from '../core/store-call.js';

/** How a client lends its logger to a limiter given none (Symbol.for: the same key across copies of the package). */
const LEND_LOG = Symbol.for('partoo-argyle-sdk.lendLog');

export interface RedisRateLimiterOptions {
  /** the fleet's limit; Partoo's is 300 a minute per organization */
  requestsPerMinute: number;
  /** one budget per key: use one per Partoo organization (API key), default 'partoo' */
  key?: string;
  /** prepended to the key, default 'partoo-argyle-sdk:' */
  prefix?: string;
  /**
   * While Redis does not answer, each worker falls back to a bucket of its own at `requestsPerMinute / expectedWorkers`
   * (default 4): the fleet stays within the limit as long as it has no more workers than that.
   */
  expectedWorkers?: number;
  /** a deadline for each call to Redis, default 500 ms (as the guard store's); past it, the fallback bucket */
  timeoutMs?: number;
  /**
   * Where its warnings go (Redis failing, answering again), as a client's `logger` and `logLevel`; default: those
   * of the first client it is handed to, else `console` at `'warn'`.
   */
  logger?: LogOptions['logger'];
  logLevel?: LogOptions['logLevel'];
}

// GCRA with reservation, on Redis's own clock (TIME), so workers' clocks do not matter: each request takes the next
// slot in arrival order and is told how long to wait for it. `tat` is the theoretical arrival time of the next slot;
// a burst of B slots may be taken ahead of it. The wait is rounded up: a request never goes before its slot.
const GCRA = `
if redis.replicate_commands then pcall(redis.replicate_commands) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local go = tat - interval * (tonumber(ARGV[2]) - 1)
local nextTat = tat + interval
redis.call('SET', KEYS[1], string.format('%.3f', nextTat), 'PX', math.ceil(nextTat - now) + 1000)
if go <= now then return 0 end
return math.ceil(go - now)`;

/** A limiter for `createPartooClient({ rateLimit })` shared through Redis: one round trip a request. */
export function redisRateLimiter(redis: AnyRedisClient, options: RedisRateLimiterOptions): RateLimiter {
  return redisRateLimiterWith(redis, options, systemRuntime);
}

/** @internal The limiter on a given clock: its waits and its fallback bucket run on `runtime`. */
export function redisRateLimiterWith(
  redis: AnyRedisClient,
  options: RedisRateLimiterOptions,
  runtime: Runtime,
): RateLimiter {
  const client = storeClient(redis, 'redisRateLimiter');
  const { requestsPerMinute: rpm, expectedWorkers = 4, timeoutMs = 500 } = options;
  check(rpm, 'requestsPerMinute', 1, 1_000_000);
  check(expectedWorkers, 'expectedWorkers', 1, 10_000);
  check(timeoutMs, 'timeoutMs', 1, 60_000);
  const key = `${options.prefix ?? 'partoo-argyle-sdk:'}ratelimit:${options.key ?? 'partoo'}`;
  const { burst, intervalMs } = limitShape(rpm);
  const own = options.logger !== undefined || options.logLevel !== undefined;
  if (own) checkLogOptions(options);
  let log: Log | undefined;
  let lent: LogOptions | undefined = own ? { logger: options.logger, logLevel: options.logLevel } : undefined;
  // The log's records are redacted: a store's error message may quote whatever it was given.
  const warn = (message: string, state: string) =>
    (log ??= createLog(lent ?? {}))('warn', message, { event: `ratelimit.store.${state}` });
  const safely = storeCaller(timeoutMs, warn, {
    name: 'shared rate limit on Redis',
    degraded: `each worker keeps to requestsPerMinute / expectedWorkers (${rpm} / ${expectedWorkers}) until it answers`,
    back: 'the fleet shares one limit again',
  });
  let fallback: TokenBucket | undefined;
  const local = () => (fallback ??= new TokenBucket(rpm / expectedWorkers, runtime, true));
  const limiter: RateLimiter & { [LEND_LOG](options: LogOptions): void } = {
    async take(signal) {
      if (signal?.aborted) throw signal.reason;
      const wait = await safely(() => gcra(client.eval(GCRA, [key], [String(intervalMs), String(burst)]), key), null);
      if (wait === null) return local().take(signal);
      // Back on Redis: a later outage starts its own bucket empty again.
      fallback = undefined;
      if (wait > 0) await runtime.sleep(Number(wait), signal);
    },
    // The first client it is handed to lends its own; a logger of its own, or one lent before, is kept.
    [LEND_LOG](options: LogOptions) {
      lent ??= options;
    },
  };
  return limiter;
}

// The limiter falls back to its own bucket whatever the cause (that never sends twice); its warning says what the
// script needs, so a Redis refusing it is fixed rather than lived with.
async function gcra(reply: Promise<unknown>, key: string): Promise<number> {
  try {
    return Number(await reply);
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    if (misconfiguration(error, true) === undefined) throw error;
    throw new Error(`${message}; the shared limit runs one Lua script (EVAL) calling TIME, GET and SET on ${key}`, {
      cause: error,
    });
  }
}

function check(value: unknown, name: string, min: number, max: number) {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    throw new ConfigurationError(
      `redisRateLimiter: ${name} must be a number from ${min} to ${max}, not ${String(value)}`,
    );
  }
}
