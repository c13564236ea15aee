// Waiting on another worker's lock, as a worker with a shared store sees it: how long it waits between looks, when it
// stops waiting on a lock nobody renews, and what a pause shorter or longer than the lock's TTL does to a send.
import { describe, expect, it } from 'vitest';
import type { GuardStore, LedgerEntry } from '../../../src/redis/index.js';
import { BIZ, harness } from '../../support/harness.js';
import { ManualClock } from '../../support/manual-clock.js';

const input = { businessId: BIZ, targetPhone: '+33601020304' };

/** Runs `work` on `clock`, moving it in steps until it ends; its result, and how much clock time it took. */
async function onClock<T>(clock: ManualClock, work: () => Promise<T>) {
  let settled: { value: T } | undefined;
  let failed: { error: unknown } | undefined;
  work().then(
    (value) => (settled = { value }),
    (error) => (failed = { error }),
  );
  const tookMs = await clock.until(() => settled !== undefined || failed !== undefined, 60_000, 25);
  if (failed) throw failed.error;
  return { value: settled!.value, tookMs };
}

/** A store whose lock is held by another worker for the first `busyFor` acquires; calls logged. */
function busyStore(busyFor: number) {
  const calls: string[] = [];
  const ledger = new Map<string, LedgerEntry>();
  let acquires = 0;
  const store: GuardStore = {
    get: async (key) => ledger.get(key),
    set: async (key, entry) => void ledger.set(key, entry),
    acquire: async (_key, owner) => (calls.push(`acquire ${owner}`), ++acquires > busyFor),
    release: async (_key, owner) => void calls.push(`release ${owner}`),
  };
  return { store, calls, ledger };
}

describe('waiting on a lock another worker holds', () => {
  it.each([
    [0.999, 249],
    [0.5, 175],
    [0, 100],
  ])('waits 100 to 250 ms between looks, spread at random (a draw of %s: %s ms)', async (draw, waitMs) => {
    const { store } = busyStore(2);
    const h = await harness({ partoo: { guard: { store } }, random: () => draw });
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    // Two looks at a held lock, each followed by one wait of 100 ms plus the draw's share of 150.
    expect(h.sleeps).toEqual([waitMs, waitMs]);
  });

  it('once it gets the lock and the ledger shows the other worker sent: skips, and gives its lock back', async () => {
    const { store, calls, ledger } = busyStore(1);
    const h = await harness({ partoo: { guard: { store } } });
    const acquire = store.acquire;
    store.acquire = async (key, owner, ttlMs) => {
      const got = await acquire(key, owner, ttlMs);
      // The other worker recorded its send just before releasing.
      if (got) ledger.set(key, { invitationId: 'theirs', sentAt: h.mocks.clock.now() });
      return got;
    };
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'skipped', lastInvitation: { id: 'theirs' } });
    expect(h.requests).toHaveLength(0);
    const owner = calls[1].split(' ')[1];
    expect(calls).toEqual([expect.stringMatching(/^acquire /), `acquire ${owner}`, `release ${owner}`]);
  });

  it('a lock nobody renews is waited on for its TTL and 5 s more, then the search decides', async () => {
    const { store } = busyStore(Infinity);
    const clock = new ManualClock();
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 100 } }, runtime: clock });
    const { value: result, tookMs } = await onClock(clock, () => h.partoo.reviewBooster.sendInvitation(input));
    expect(result.status).toBe('sent');
    // Looks until the clock is past the TTL and its 5 s margin, each wait at most 250 ms: no later than one more.
    const waited = h.sleeps.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThan(5_100);
    expect(waited).toBeLessThanOrEqual(5_100 + 250);
    expect(tookMs).toBeGreaterThanOrEqual(waited);
    expect(h.posts()).toHaveLength(1);
  });
});

describe('a pause before the POST', () => {
  /**
   * A process paused once for `ms` while the deciding search runs (a long GC, a frozen container): its clock jumps,
   * and no timer fires meanwhile.
   */
  const pauseOnce = (h: Awaited<ReturnType<typeof harness>>, clock: ManualClock, ms: number) => {
    let paused = false;
    h.setFault(async (request, forward) => {
      if (request.method === 'GET' && !paused) {
        paused = true;
        clock.jump(ms);
      }
      return forward(request);
    });
  };

  it('shorter than the TTL, on a store without renewals: the lock still counts, the send goes', async () => {
    const { store, calls } = busyStore(0);
    const clock = new ManualClock();
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 1_000 } }, runtime: clock });
    pauseOnce(h, clock, 600);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(calls.filter((c) => c.startsWith('acquire'))).toHaveLength(1);
  });

  it('past half the TTL, on a store with renewals: confirmed with the store before the POST', async () => {
    const { store, calls } = busyStore(0);
    store.extend = async (_key, owner) => (calls.push(`extend ${owner}`), true);
    const clock = new ManualClock();
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 1_000 } }, runtime: clock });
    pauseOnce(h, clock, 600);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(calls.some((c) => c.startsWith('extend'))).toBe(true);
    expect(calls.filter((c) => c.startsWith('acquire'))).toHaveLength(1);
  });

  it('past half the TTL, and the store says the lock is no longer ours: starts over, sends once', async () => {
    const { store, calls } = busyStore(0);
    let extends_ = 0;
    store.extend = async () => ++extends_ > 1;
    const clock = new ManualClock();
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 1_000 } }, runtime: clock });
    pauseOnce(h, clock, 600);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(calls.filter((c) => c.startsWith('acquire'))).toHaveLength(2);
    expect(h.posts()).toHaveLength(1);
  });

  it('under half the TTL: no round trip to the store before the POST', async () => {
    const { store } = busyStore(0);
    let extends_ = 0;
    store.extend = async () => (extends_++, true);
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 60_000 } } });
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(extends_).toBe(0);
  });

  it(
    'a background renewal told "not yours" stops the send ' + 'before its POST, even early in the TTL: starts over',
    async () => {
      const { store, calls } = busyStore(0);
      let renewals = 0;
      let renewed: () => void = () => {};
      const firstRenewal = new Promise<void>((r) => (renewed = r));
      // The first renewal (a third into the TTL, from the timer) hears the lock was lost; later ones succeed.
      store.extend = async () => {
        renewals++;
        renewed();
        return renewals > 1;
      };
      const h = await harness({ partoo: { guard: { store, lockTtlMs: 3_000 } } });
      let searches = 0;
      h.setFault(async (request, forward) => {
        // The first deciding search is still running when the renewal comes back: well before half the TTL.
        if (request.method === 'GET' && searches++ === 0) await firstRenewal;
        return forward(request);
      });
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
      expect(calls.filter((c) => c.startsWith('acquire'))).toHaveLength(2);
      expect(h.posts()).toHaveLength(1);
    },
  );
});
