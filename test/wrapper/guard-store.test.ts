// The lock loop with a scripted store: interleavings that a real Redis only produces by chance.
import { describe, expect, it } from 'vitest';
import type { GuardStore, LedgerEntry } from '../../src/redis/index.js';
import { BIZ, harness } from '../support/harness.js';

const input = { businessId: BIZ, targetPhone: '+33601020304' };

describe('the guard with a shared store', () => {
  it('checks the ledger again once it gets a lock it waited for: the owner may have sent just before releasing', async () => {
    let reads = 0;
    let acquires = 0;
    // Another worker holds the number; it records its send and releases right after our second ledger read.
    const store: GuardStore = {
      get: async (): Promise<LedgerEntry | undefined> => (++reads > 2 ? { invitationId: 'sent-by-another-worker', sentAt: h.mocks.clock.now() } : undefined),
      set: async () => {},
      acquire: async () => ++acquires > 1,
      release: async () => {},
    };
    const h = await harness({ partoo: { guard: { store } } });
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'skipped', lastInvitation: { id: 'sent-by-another-worker' } });
    expect(h.requests).toHaveLength(0);
  });
});
