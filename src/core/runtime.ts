// Time and randomness in one place. The send path's correctness depends on waits (backoff, settle time, lock
// rounds, renewals, rate limits); tests drive them with a controlled clock through this seam instead of busy-waiting
// or racing the wall clock. Production code reads time, sleeps, draws random numbers and ids only through a Runtime.

/** @internal The clock, timers and randomness the SDK uses; `systemRuntime` outside tests. */
export interface Runtime {
  /** milliseconds since the epoch */
  now(): number;
  /** resolves after `ms`; rejects with the signal's reason once it aborts, and then holds no timer */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** a number in [0, 1) */
  random(): number;
  /** a random UUID (lock owners) */
  uuid(): string;
  /** runs `fn` after `ms`; the returned function cancels it */
  timer(fn: () => void, ms: number): () => void;
}

/** An abortable `setTimeout`: the timer is cleared and the listener removed whichever way it ends. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** @internal The real clock: `Date.now`, `setTimeout`, `Math.random`, `crypto.randomUUID`. */
export const systemRuntime: Runtime = {
  now: () => Date.now(),
  sleep: abortableSleep,
  random: () => Math.random(),
  uuid: () => globalThis.crypto.randomUUID(),
  timer(fn, ms) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};
