// What one client's guard runs with, resolved once when its send path loads: the window rule, the check order,
// where it remembers sends, how it calls its store, and its sends in flight.
import type { Log } from '../../core/log.js';
import type { Runtime } from '../../core/runtime.js';
import type { StoreCall } from '../../core/store-call.js';
import type { PartooRequests } from '../api.js';
import type { GuardSettings } from '../options.js';
import { InFlight } from './in-flight.js';
import { defaultLedger, storeCalls } from './store-calls.js';
import type { GuardCheck, GuardLedger, GuardStore } from './types.js';
import { guardWindow, type GuardWindow } from './window.js';

/** The client's parts the guard needs, beside its checked settings. */
export interface GuardInput extends GuardSettings {
  api: PartooRequests;
  now: () => Date;
  log: Log;
  runtime: Runtime;
  maxRetries: number;
}

export interface Guard {
  api: PartooRequests;
  now: () => Date;
  runtime: Runtime;
  maxRetries: number;
  /** undefined: the guard is off, every call POSTs */
  window: GuardWindow | undefined;
  check: GuardCheck;
  settleMs: number;
  resendUnknown: boolean;
  store: GuardStore | undefined;
  lockTtlMs: number;
  /** the shared store, the caller's ledger or the default one; undefined with the guard or the ledger off */
  ledger: GuardLedger | undefined;
  /** every call to the ledger or store goes through it: a deadline, and the fallback when it fails */
  safely: StoreCall;
  inFlight: InFlight;
  /**
   * Numbers whose last send in this process ended with its outcome unknown: send-first searches before their next
   * POST, as the error told the caller to (Partoo's rule alone would then decide a resend).
   */
  unsettled: Set<string>;
}

export function createGuard(input: GuardInput): Guard {
  const { windowMs, store, now } = input;
  const window = windowMs === undefined ? undefined : guardWindow(windowMs);
  const external = store !== undefined || (input.ledger !== undefined && input.ledger !== false);
  return {
    api: input.api,
    now,
    runtime: input.runtime,
    maxRetries: input.maxRetries,
    window,
    check: input.check,
    settleMs: input.settleMs,
    resendUnknown: input.resendUnknown,
    store,
    lockTtlMs: input.lockTtlMs,
    // Stryker disable next-line ArrowFunction: its clock only evicts; the pipeline checks the window itself
    ledger: window && (store ?? defaultLedger(input.ledger, () => now().getTime())),
    safely: storeCalls(
      external,
      input.storeTimeoutMs,
      (message, event) => input.log('warn', message, { event: `guard.store.${event}` }),
      input.runtime,
    ),
    inFlight: new InFlight(now, window ?? guardWindow(0)),
    unsettled: new Set(),
  };
}
