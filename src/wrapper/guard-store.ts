// Where the guard keeps what must be shared between workers: the ledger of recent sends and a short lock per
// (business, number). Within one process the default needs no lock (concurrent sends already share one
// check and one POST) and keeps its ledger in memory; `partoo-argyle-sdk/redis` shares both across processes.
import type { GuardLedger } from './ledger.js';

export interface GuardStore extends GuardLedger {
  /** Takes the lock on `key` for `owner` during `ttlMs`; false while another owner holds it. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean> | boolean;
  /** Releases the lock if, and only if, `owner` still holds it. */
  release(key: string, owner: string): Promise<void> | void;
}
