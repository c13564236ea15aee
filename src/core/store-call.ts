// Every call to the guard's store runs under its own deadline, whatever the client library's retry settings
// (ioredis retries a command 20 times by default while Redis is down, for minutes):
// - a call that fails is tried again within its deadline, so a store restarting faster than the deadline is
//   ridden out (the store's operations are idempotent for this: see GuardStore);
// - past the deadline the send goes on with Partoo's search alone ("degraded"), and says so once;
// - while degraded, one call at a time probes the store and the others do not wait on it, so sends keep their
//   normal speed; only a probe of the operation that failed ends it (a GET answering says nothing of a script);
// - a misconfiguration (a ConfigurationError from the store: a missing permission, a replica, keys in two slots)
//   is thrown at once: no wait cures it, and answering it with the search alone would hide it.
// Time comes from the client's Runtime: the deadline, the pause between tries and the timer race its clock.
import { systemRuntime, type Runtime } from './runtime.js';

export type StoreCall = <T>(work: () => Promise<T> | T, fallback: T) => Promise<T>;

/** What the warnings call the store, and what happens while it does not answer and once it does. */
export interface StoreTexts {
  name: string;
  degraded: string;
  back: string;
}

const GUARD_TEXTS: StoreTexts = {
  name: 'guard store',
  degraded: "checking with Partoo's search alone until it answers again",
  back: 'locks and the shared ledger are back in use',
};

/** Told when the store stops answering, and when it answers again. */
export type StoreWarn = (message: string, state: 'degraded' | 'back') => void;

/** Between two tries of a failed store call. */
const RETRY_PAUSE_MS = 25;

class StoreDeadline extends Error {}

/** The clock a store call reads: the deadline, the pause between two tries, the timer that ends a call. */
type Clock = Pick<Runtime, 'now' | 'sleep' | 'timer'>;

/**
 * Runs store calls for one client: the fallback on a failure or past `timeoutMs`, a warning when that starts and
 * ends. `warn` must redact: a store's error message may quote whatever it was given.
 */
export function storeCaller(
  timeoutMs: number,
  warn: StoreWarn,
  texts: StoreTexts = GUARD_TEXTS,
  clock: Clock = systemRuntime,
): StoreCall {
  let degraded = false;
  let probing = false;
  // The call site that failed, by its source text: each call site of the guard is one store operation.
  let failed = '';
  return async function safely<T>(work: () => Promise<T> | T, fallback: T): Promise<T> {
    if (degraded && probing) return fallback;
    const probe = degraded;
    probing ||= probe;
    try {
      const result = await tryUntil(work, clock.now() + timeoutMs, !probe, clock);
      if (degraded && String(work) === failed) {
        degraded = false;
        warn(`the ${texts.name} answers again; ${texts.back}`, 'back');
      }
      return result;
    } catch (e) {
      if (isMisconfiguration(e)) throw e;
      if (!degraded) {
        degraded = true;
        failed = String(work);
        const why =
          e instanceof StoreDeadline ? `no answer within ${timeoutMs} ms` : String((e as Error)?.message ?? e);
        warn(`the ${texts.name} failed (${why}); ${texts.degraded}`, 'degraded');
      }
      return fallback;
    } finally {
      if (probe) probing = false;
    }
  };
}

async function tryUntil<T>(work: () => Promise<T> | T, deadline: number, retry: boolean, clock: Clock): Promise<T> {
  for (;;) {
    try {
      return await withDeadline(work, deadline, clock);
    } catch (e) {
      if (e instanceof StoreDeadline || isMisconfiguration(e) || !retry || clock.now() + RETRY_PAUSE_MS >= deadline) {
        throw e;
      }
      await clock.sleep(RETRY_PAUSE_MS);
    }
  }
}

async function withDeadline<T>(work: () => Promise<T> | T, deadline: number, clock: Clock): Promise<T> {
  const pending = work();
  // An in-memory ledger answers synchronously: no timer for it.
  // Stryker disable next-line ConditionalExpression,BlockStatement: a fast path; racing the deadline gives the same
  if (!isThenable(pending)) return pending;
  const call = Promise.resolve(pending);
  let cancel = () => {};
  const expiry = new Promise<never>((_, reject) => {
    cancel = clock.timer(() => reject(new StoreDeadline()), Math.max(0, deadline - clock.now()));
  });
  // The call may still fail after its deadline: that late failure is already accounted for.
  call.catch(() => {});
  try {
    return await Promise.race([call, expiry]);
  } finally {
    cancel();
  }
}

// By name: a second copy of the package (its ESM and CJS builds side by side) throws its own class.
const isMisconfiguration = (e: unknown) => (e as Error | undefined)?.name === 'ConfigurationError';

// Stryker disable next-line all: only chooses the fast path above; either path returns the same value
const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown })?.then === 'function';
