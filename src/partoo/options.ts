// The checks a Partoo client makes of its options at construction, so that a wrong option fails at
// `createPartooClient` and not at the first send: the guard's numbers, its store and ledger, the rate limit.
import { ConfigurationError } from '../core/errors.js';
import type { LogOptions } from '../core/log.js';
import type { RateLimiter, RateLimitOptions } from '../core/rate-limit.js';
import type { Runtime } from '../core/runtime.js';
import type { GuardCheck, GuardLedger, GuardOptions, GuardStore } from './guard/types.js';
import { DAY_MS } from './guard/window.js';

/** What the duplicate guard runs with, every number checked. */
export interface GuardSettings {
  /** undefined: the guard is off */
  windowMs: number | undefined;
  /** the order for a number the ledger does not know */
  check: GuardCheck;
  settleMs: number;
  resendUnknown: boolean;
  store: GuardStore | undefined;
  /** a ledger of the caller's own; undefined: the default in memory; false: none */
  ledger: GuardLedger | false | undefined;
  lockTtlMs: number;
  storeTimeoutMs: number;
}

/** The guard's clock: the caller's `now`, else the runtime's. */
export function guardClock(now: unknown, runtime: Runtime): () => Date {
  if (now === undefined) return () => new Date(runtime.now());
  if (typeof now !== 'function') throw new ConfigurationError('now must be a function returning a Date');
  return now as () => Date;
}

export function checkDefaultCountry(country: string | undefined): void {
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    throw new ConfigurationError(
      `defaultCountry must be an ISO 3166-1 alpha-2 code such as "FR", not ${JSON.stringify(country)}`,
    );
  }
}

/** The guard's window in ms; undefined when the guard is off. */
export function guardWindow(guard: GuardOptions | false | undefined): number | undefined {
  if (guard === false) return undefined;
  const days = guard?.windowDays ?? 10;
  if (typeof days !== 'number' || !(days > 0) || days > 365)
    throw new ConfigurationError(`guard.windowDays must be a number of days from 0 to 365, not ${String(days)}`);
  return days * DAY_MS;
}

export function guardSettings(
  guard: GuardOptions | false | undefined,
  windowMs: number | undefined,
  timeoutMs: number,
): GuardSettings {
  const options = guard === false ? undefined : guard;
  const lockTtlMs = options?.lockTtlMs ?? 60_000;
  if (!(lockTtlMs >= 100 && lockTtlMs <= 3_600_000))
    throw new ConfigurationError(`guard.lockTtlMs must be from 100 to 3600000 ms, not ${String(lockTtlMs)}`);
  const resendUnknown = options?.resendUnknown ?? false;
  if (typeof resendUnknown !== 'boolean') throw new ConfigurationError('guard.resendUnknown must be true or false');
  return {
    windowMs,
    check: guardCheck(options?.check),
    settleMs: settleMs(options?.settleMs, timeoutMs),
    resendUnknown,
    // A store serves the guard only: with the guard off it is not even checked.
    store: resolveStore(options?.store, windowMs),
    ledger: resolveLedger(options?.ledger),
    lockTtlMs,
    storeTimeoutMs: guardNumber(options?.storeTimeoutMs, 'storeTimeoutMs', 1, 60_000) ?? 500,
  };
}

/** How a client lends its logger to a limiter given none (`redisRateLimiter`); Symbol.for: one key across copies. */
const LEND_LOG = Symbol.for('partoo-argyle-sdk.lendLog');

/**
 * The client-wide limit, checked: the caller's limiter, a number of requests a minute, or none. A limiter that
 * logs and was given no logger of its own is lent the client's.
 */
export function rateLimit(
  option: RateLimitOptions | RateLimiter | false | undefined,
  log: LogOptions = {},
): RateLimiter | number | undefined {
  if (option === false) return undefined;
  if (typeof (option as RateLimiter | undefined)?.take === 'function') {
    const lend = (option as { [LEND_LOG]?: unknown })[LEND_LOG];
    // A copy of the two fields: the limiter keeps nothing else of the client's options (its key among them).
    if (typeof lend === 'function') lend.call(option, { logger: log.logger, logLevel: log.logLevel });
    return option as RateLimiter;
  }
  const rpm = (option as RateLimitOptions | undefined)?.requestsPerMinute ?? 300;
  if (typeof rpm !== 'number' || !(rpm >= 1) || rpm > 1_000_000)
    throw new ConfigurationError(`rateLimit.requestsPerMinute must be a number from 1 to 1000000, not ${String(rpm)}`);
  return rpm;
}

/** Long enough for a POST the client gave up on to land: at least the attempt's timeout. */
const settleMs = (value: unknown, timeoutMs: number) =>
  guardNumber(value, 'settleMs', 0, 600_000) ?? Math.max(timeoutMs, 30_000);

function guardCheck(check: unknown): GuardCheck {
  if (check === undefined || check === 'search-first' || check === 'send-first') return check ?? 'search-first';
  throw new ConfigurationError(`guard.check must be 'search-first' or 'send-first', not ${JSON.stringify(check)}`);
}

function resolveStore(option: GuardStore | undefined, windowMs: number | undefined): GuardStore | undefined {
  if (option === undefined || windowMs === undefined) return undefined;
  for (const m of ['get', 'set', 'acquire', 'release'] as const) {
    if (typeof option?.[m] !== 'function')
      throw new ConfigurationError(`guard.store must have get, set, acquire and release; ${m} is missing`);
  }
  return option;
}

function resolveLedger(option: GuardLedger | false | undefined): GuardLedger | false | undefined {
  if (option === undefined || option === false) return option;
  if (typeof option.get !== 'function' || typeof option.set !== 'function')
    throw new ConfigurationError('guard.ledger must have get(key) and set(key, entry, ttlMs)');
  return option;
}

function guardNumber(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(
      `guard.${name} must be a whole number of ms from ${min} to ${max}, not ${String(value)}`,
    );
  }
  return value;
}
