// The lock loop with a scripted store: interleavings that a real Redis only produces by chance. A pause (a long GC,
// a frozen container) is a jump of the controlled clock: time moves, no timer fires.
import { describe, expect, it } from 'vitest';
import type { GuardStore, LedgerEntry } from '../../src/redis/index.js';
import { ConnectionError } from '../../src/index.js';
import { BIZ, harness } from '../support/harness.js';
import { ManualClock } from '../support/manual-clock.js';
import { anotherWorkerSendsDuringLockWait } from '../support/guard-stores.js';

const input = { businessId: BIZ, targetPhone: '+33601020304' };

describe('the guard with a shared store', () => {
  it('checks the ledger again once it gets a lock it waited for: its owner may have sent just before', async () => {
    const store = anotherWorkerSendsDuringLockWait(() => h.mocks.clock.now());
    const h = await harness({ partoo: { guard: { store } } });
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'skipped', lastInvitation: { id: 'sent-by-another-worker' } });
    expect(h.requests).toHaveLength(0);
  });

  it('a worker paused past its lock TTL before sending confirms the lock, finds it lost, sends nothing', async () => {
    // A store with expiry and renewal, like Redis, on the client's clock: `at` is each lock's expiry.
    const clock = new ManualClock();
    const locks = new Map<string, { owner: string; at: number }>();
    const ledger = new Map<string, LedgerEntry>();
    const live = (key: string) => {
      const lock = locks.get(key);
      return lock && lock.at > clock.now() ? lock : undefined;
    };
    const store: GuardStore = {
      get: async (key) => ledger.get(key),
      set: async (key, entry) => void ledger.set(key, entry),
      acquire: async (key, owner, ttlMs) =>
        live(key) ? false : (locks.set(key, { owner, at: clock.now() + ttlMs }), true),
      release: async (key, owner) => void (live(key)?.owner === owner && locks.delete(key)),
      extend: async (key, owner, ttlMs) =>
        live(key)?.owner === owner ? (locks.set(key, { owner, at: clock.now() + ttlMs }), true) : false,
    };
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 100 } }, runtime: clock });
    let paused = false;
    h.setFault(async (request, forward) => {
      const response = await forward(request);
      if (request.method === 'GET' && !paused) {
        paused = true;
        // The process pauses past the TTL (no renewal can run); meanwhile another worker takes the lock,
        // sends, records it and releases.
        clock.jump(250);
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
    const clock = new ManualClock();
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 100 } }, runtime: clock });
    // Every request comes back after a pause longer than the lock's TTL.
    h.setFault(async (request, forward) => {
      clock.jump(120);
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
