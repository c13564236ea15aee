// The lock loop with a scripted store: interleavings that a real Redis only produces by chance.
import { describe, expect, it } from 'vitest';
import type { GuardStore, LedgerEntry } from '../../src/redis/index.js';
import { ConnectionError } from '../../src/index.js';
import { BIZ, harness } from '../support/harness.js';

const input = { businessId: BIZ, targetPhone: '+33601020304' };

describe('the guard with a shared store', () => {
  it('checks the ledger again once it gets a lock it waited for: the owner may have sent just before releasing', async () => {
    let reads = 0;
    let acquires = 0;
    // Another worker holds the number; it records its send and releases right after our second ledger read.
    const store: GuardStore = {
      get: async (): Promise<LedgerEntry | undefined> =>
        ++reads > 2 ? { invitationId: 'sent-by-another-worker', sentAt: h.mocks.clock.now() } : undefined,
      set: async () => {},
      acquire: async () => ++acquires > 1,
      release: async () => {},
    };
    const h = await harness({ partoo: { guard: { store } } });
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'skipped', lastInvitation: { id: 'sent-by-another-worker' } });
    expect(h.requests).toHaveLength(0);
  });

  it('a worker that paused past its lock TTL before sending confirms the lock, finds it lost, and sends nothing', async () => {
    // A store with real expiry and renewal, like Redis: `at` is each lock's expiry.
    const locks = new Map<string, { owner: string; at: number }>();
    const ledger = new Map<string, LedgerEntry>();
    const live = (key: string) => {
      const lock = locks.get(key);
      return lock && lock.at > Date.now() ? lock : undefined;
    };
    const store: GuardStore = {
      get: async (key) => ledger.get(key),
      set: async (key, entry) => void ledger.set(key, entry),
      acquire: async (key, owner, ttlMs) =>
        live(key) ? false : (locks.set(key, { owner, at: Date.now() + ttlMs }), true),
      release: async (key, owner) => void (live(key)?.owner === owner && locks.delete(key)),
      extend: async (key, owner, ttlMs) =>
        live(key)?.owner === owner ? (locks.set(key, { owner, at: Date.now() + ttlMs }), true) : false,
    };
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 100 } } });
    let paused = false;
    h.setFault(async (request, forward) => {
      const response = await forward(request);
      if (request.method === 'GET' && !paused) {
        paused = true;
        // The event loop freezes past the TTL (no renewal can run); meanwhile another worker takes the lock,
        // sends, records it and releases.
        const until = Date.now() + 250;
        while (Date.now() < until);
        const [key] = locks.keys();
        expect(await store.acquire(key, 'other-worker', 100)).toBe(true);
        const id = await h.sendElsewhere(input.targetPhone);
        await store.set(key, { invitationId: id, sentAt: h.mocks.clock.now() }, 60_000);
        await store.release(key, 'other-worker');
      }
      return response;
    });
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(paused).toBe(true);
    expect(result).toMatchObject({ status: 'skipped' });
    expect(h.posts()).toHaveLength(0);
    expect(h.mocks.partooState.sentCount(BIZ, input.targetPhone)).toBe(1);
  });

  it('gives up with a typed error, nothing sent, when the lock is lost on every round', async () => {
    const store: GuardStore = {
      get: async () => undefined,
      set: async () => {},
      acquire: async () => true,
      release: async () => {},
    };
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 100 } } });
    h.setFault(async (request, forward) => {
      const until = Date.now() + 120;
      while (Date.now() < until);
      return forward(request);
    });
    const error = await h.partoo.reviewBooster.sendInvitation(input).then(
      () => undefined,
      (e) => e,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ outcomeUnknown: false, message: expect.stringContaining('nothing was sent') });
    expect(h.requests.filter((r) => r.method === 'GET')).toHaveLength(5);
    expect(h.posts()).toHaveLength(0);
  });
});
