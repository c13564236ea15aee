// The lock over a shared store (GuardStore, in types.ts): one worker at a time per (business, number), renewed while
// its send runs, given back with the send recorded. Within one process no lock is needed (concurrent sends already
// share one check and one POST). This module is loaded only by clients given a store, so single-process users never
// pay for it.
import type { Runtime } from '../../core/runtime.js';
import type { GuardStore, LedgerEntry } from './types.js';

export type { GuardStore };

/** What a locked send yields: its result, and what to record in the ledger before the lock is released. */
export interface Locked<R> {
  result: R;
  record?: { entry: LedgerEntry; ttlMs: number };
}

export interface LockContext<R> {
  store: GuardStore;
  lockTtlMs: number;
  /** the clock of the lock rounds, renewals and waits, and the owner ids */
  runtime: Runtime;
  /** Runs a store call; a failing store yields the fallback instead (the search still guards). */
  safely<T>(work: () => Promise<T> | T, fallback: T): Promise<T>;
  /** A skip once another worker's send shows in the shared ledger. */
  ledgerSkip(): Promise<R | undefined>;
  /** A typed error for a send given up before any POST (the caller's class: this chunk imports no errors). */
  nothingSent(message: string): Error;
}

export type LockedSend<R> = (stillHeld: () => Promise<void>) => Promise<Locked<R>>;

/** Thrown by `stillHeld` when the lock was lost; withLock starts over from the lock. */
class LockLost extends Error {}
// Each round that loses its lock sent nothing, so starting over is safe; a Redis restarting every few hundred ms
// (tested) can take a lock from a few rounds in a row.
const MAX_ROUNDS = 5;

/**
 * Across processes: one worker at a time per number; the others wait, and skip once the ledger shows the send.
 * `send` calls `stillHeld()` right before each POST: a worker that paused past the lock's TTL (a long GC, a
 * frozen container) learns there that another may have taken the number, and starts over instead of sending.
 */
export async function withLock<R>(key: string, ctx: LockContext<R>, send: LockedSend<R>): Promise<R> {
  for (let round = 1; ; round++) {
    try {
      return await lockedRound(key, ctx, round > 1, send);
    } catch (error) {
      if (!(error instanceof LockLost)) throw error;
      if (round >= MAX_ROUNDS) {
        throw ctx.nothingSent(
          `sendReviewInvitation: lost the lock on this number ${MAX_ROUNDS} times before sending (a process pausing ` +
            'longer than guard.lockTtlMs, or a store restarting and forgetting its locks); nothing was sent',
        );
      }
    }
  }
}

async function lockedRound<R>(key: string, ctx: LockContext<R>, startedOver: boolean, send: LockedSend<R>): Promise<R> {
  const { store, lockTtlMs, safely, runtime } = ctx;
  const owner = runtime.uuid();
  const deadline = runtime.now() + lockTtlMs + 5_000;
  let held = false;
  for (let waited = startedOver; ; waited = true) {
    const got = await safely(() => store.acquire(key, owner, lockTtlMs), null);
    if (got === null) break;
    if (got) {
      // The owner we waited for may have recorded its send and released since our last look at the ledger.
      const skip = waited ? await ctx.ledgerSkip() : undefined;
      if (skip) {
        await safely(() => store.release(key, owner), undefined);
        return skip;
      }
      held = true;
      break;
    }
    await runtime.sleep(100 + Math.floor(runtime.random() * 150));
    const skip = await ctx.ledgerSkip();
    if (skip) return skip;
    // With renewals, a lock held this long has a live owner still sending: keep waiting. Without them, a lock
    // held past its TTL and a margin is not one to wait on: the search below still guards.
    if (!store.extend && runtime.now() > deadline) break;
  }
  let confirmedAt = runtime.now();
  // A renewal the store answers with a clear "not yours" (the lock expired and went to another worker, or the
  // store restarted and forgot it) means the lock is lost whatever the clock says.
  let lost = false;
  const renew = async () => {
    const ok = await safely(() => store.extend!(key, owner, lockTtlMs), null);
    if (ok) confirmedAt = runtime.now();
    if (ok === false) lost = true;
    return ok;
  };
  // Local time since the lock was last confirmed decides whether to ask the store: a send that ran on time costs
  // no extra round trip; one that paused (timers could not fire) confirms before it sends.
  const stillHeld = async () => {
    if (!held) return;
    if (lost) throw new LockLost();
    if (runtime.now() - confirmedAt < lockTtlMs / 2) return;
    // A store that fails leaves the search as the guard (degraded, as everywhere else); only a clear "no" stops.
    const ok = store.extend ? await renew() : runtime.now() - confirmedAt < lockTtlMs;
    if (ok === false) throw new LockLost();
  };
  // Renewed at a third of the TTL, so two missed renewals still leave it held.
  const stopRenewing = held && store.extend ? every(runtime, lockTtlMs / 3, () => void renew()) : undefined;
  let outcome: Locked<R> | undefined;
  try {
    outcome = await send(stillHeld);
    return outcome.result;
  } finally {
    stopRenewing?.();
    await settle(key, owner, held, outcome?.record, ctx);
  }
}

/** Records the send (when there is one) and gives the lock back: one round trip where the store can merge them. */
async function settle<R>(key: string, owner: string, held: boolean, record: Locked<R>['record'], ctx: LockContext<R>) {
  const { store, safely } = ctx;
  if (held && record && store.recordAndRelease) {
    await safely(() => store.recordAndRelease!(key, record.entry, record.ttlMs, owner), undefined);
    return;
  }
  // Recorded before the release, so a worker waiting on the lock finds the send in the ledger.
  if (record) await safely(() => store.set(key, record.entry, record.ttlMs), undefined);
  if (held) await safely(() => store.release(key, owner), undefined);
}

/** Runs `fn` every `ms` on the runtime's timer until the returned function is called. */
function every(runtime: Runtime, ms: number, fn: () => void): () => void {
  let cancel = runtime.timer(function tick() {
    cancel = runtime.timer(tick, ms);
    fn();
  }, ms);
  return () => cancel();
}
