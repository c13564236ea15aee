// Scripted guard stores for interleavings a real Redis only produces by chance.
import type { GuardStore, LedgerEntry } from '../../src/redis/index.js';

/**
 * Another worker holds the number: this worker's first lock attempt fails, and the other records its send and
 * releases right after this worker's second ledger read, so the third read (after the lock) shows it.
 */
export function anotherWorkerSendsDuringLockWait(now: () => Date): GuardStore {
  let reads = 0;
  let acquires = 0;
  return {
    get: async (): Promise<LedgerEntry | undefined> =>
      ++reads > 2 ? { invitationId: 'sent-by-another-worker', sentAt: now() } : undefined,
    set: async () => {},
    acquire: async () => ++acquires > 1,
    release: async () => {},
  };
}
