// Where the guard keeps what must be shared between workers: the ledger of recent sends and a short lock per
// (business, number). In memory by default; `partoo-argyle-sdk/redis` shares it across processes.
import { MemoryLedger, type GuardLedger } from './ledger.js';

export interface GuardStore extends GuardLedger {
  /** Takes the lock on `key` for `owner` during `ttlMs`; false while another owner holds it. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean> | boolean;
  /** Releases the lock if, and only if, `owner` still holds it. */
  release(key: string, owner: string): Promise<void> | void;
}

export class MemoryGuardStore extends MemoryLedger implements GuardStore {
  private readonly locks = new Map<string, { owner: string; expiresAt: number }>();
  constructor(
    maxEntries?: number,
    private readonly clock: () => number = Date.now,
  ) {
    super(maxEntries, clock);
  }
  acquire(key: string, owner: string, ttlMs: number): boolean {
    const held = this.locks.get(key);
    if (held && held.expiresAt > this.clock() && held.owner !== owner) return false;
    this.locks.set(key, { owner, expiresAt: this.clock() + ttlMs });
    return true;
  }
  release(key: string, owner: string) {
    if (this.locks.get(key)?.owner === owner) this.locks.delete(key);
  }
}

export const isGuardStore = (x: GuardLedger): x is GuardStore => typeof (x as GuardStore).acquire === 'function' && typeof (x as GuardStore).release === 'function';
