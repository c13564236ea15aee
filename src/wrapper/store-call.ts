// Every call to the guard's store runs under its own deadline. A client library's own retries (ioredis retries a
// command 20 times by default while Redis is down, for minutes) must never decide how long a send waits: past the
// deadline the guard goes on with Partoo's search alone, and comes back to the store when it answers again.
import { redactText } from './redact.js';

export type StoreCall = <T>(work: () => Promise<T> | T, fallback: T) => Promise<T>;

class StoreDeadline extends Error {}

/** Runs store calls for one client: the fallback on a failure or past `timeoutMs`, a warning when that starts and ends. */
export function storeCaller(timeoutMs: number, warn: (message: string) => void = console.warn): StoreCall {
  let degraded = false;
  return async function safely<T>(work: () => Promise<T> | T, fallback: T): Promise<T> {
    try {
      const result = await withDeadline(work, timeoutMs);
      if (degraded) {
        degraded = false;
        warn('partoo-argyle-sdk: the guard store answers again; locks and the shared ledger are back in use');
      }
      return result;
    } catch (e) {
      if (!degraded) {
        degraded = true;
        const why = e instanceof StoreDeadline ? `no answer within ${timeoutMs} ms` : String((e as Error)?.message ?? e);
        warn(`partoo-argyle-sdk: the guard store failed (${redactText(why)}); checking with Partoo's search alone until it answers again`);
      }
      return fallback;
    }
  };
}

async function withDeadline<T>(work: () => Promise<T> | T, timeoutMs: number): Promise<T> {
  const pending = work();
  // An in-memory ledger answers synchronously: no timer for it.
  if (!(pending instanceof Promise) && !isThenable(pending)) return pending;
  const call = Promise.resolve(pending);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreDeadline()), timeoutMs);
  });
  // The call may still fail after its deadline: that late failure is already accounted for.
  call.catch(() => {});
  try {
    return await Promise.race([call, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown })?.then === 'function';
