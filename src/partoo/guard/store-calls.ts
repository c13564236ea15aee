// How the guard calls its ledger and store, and which ledger it uses when the caller gives none.
import type { Runtime } from '../../core/runtime.js';
import { storeCaller, type StoreCall, type StoreWarn } from '../../core/store-call.js';
import { MemoryLedger, type GuardLedger } from './ledger.js';

export function defaultLedger(option: GuardLedger | false | undefined, nowMs: () => number): GuardLedger | undefined {
  if (option === false) return undefined;
  return option ?? new MemoryLedger(undefined, nowMs);
}

/**
 * One of your own (a shared store, a custom ledger) gets a deadline per call and degrades to the search; the
 * default in-memory ledger answers at once.
 */
export function storeCalls(external: boolean, timeoutMs: number, warn: StoreWarn, runtime?: Runtime): StoreCall {
  // Stryker disable next-line ConditionalExpression,BlockStatement: only skips the deadlines; same answers
  if (!external) {
    return async (work, fallback) => {
      try {
        return await work();
        // Stryker disable next-line BlockStatement: the default in-memory ledger never throws
      } catch {
        return fallback;
      }
    };
  }
  return storeCaller(timeoutMs, warn, undefined, runtime);
}
