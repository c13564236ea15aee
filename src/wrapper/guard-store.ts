// Where the guard keeps what must be shared between workers: the ledger of recent sends and a short lock per
// (business, number). Within one process the default needs no lock (concurrent sends already share one
// check and one POST) and keeps its ledger in memory; `partoo-argyle-sdk/redis` shares both across processes.
// The lock loop below is loaded only by clients given a store, so single-process users never pay for it.
import { randomUUID } from 'node:crypto';
import type { GuardLedger } from './ledger.js';

export interface GuardStore extends GuardLedger {
  /** Takes the lock on `key` for `owner` during `ttlMs`; false while another owner holds it. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean> | boolean;
  /** Releases the lock if, and only if, `owner` still holds it. */
  release(key: string, owner: string): Promise<void> | void;
}

export interface LockContext<R> {
  store: GuardStore;
  lockTtlMs: number;
  sleep(ms: number): Promise<void>;
  /** Runs a store call; a failing store yields the fallback instead (the search still guards). */
  safely<T>(work: () => Promise<T> | T, fallback: T): Promise<T>;
  /** A skip once another worker's send shows in the shared ledger. */
  ledgerSkip(): Promise<R | undefined>;
}

/** Across processes: one worker at a time per number; the others wait, and skip once the ledger shows the send. */
export async function withLock<R>(key: string, ctx: LockContext<R>, send: () => Promise<R>): Promise<R> {
  const { store, lockTtlMs, safely } = ctx;
  const owner = randomUUID();
  const deadline = Date.now() + lockTtlMs + 5_000;
  let held = false;
  for (;;) {
    const got = await safely(() => store.acquire(key, owner, lockTtlMs), null);
    if (got === null) break;
    if (got) {
      held = true;
      break;
    }
    await ctx.sleep(100 + Math.floor(Math.random() * 150));
    const skip = await ctx.ledgerSkip();
    if (skip) return skip;
    // A lock still held past its TTL and the margin is not one to wait on: the search below still guards.
    if (Date.now() > deadline) break;
  }
  try {
    return await send();
  } finally {
    if (held) await safely(() => store.release(key, owner), undefined);
  }
}
