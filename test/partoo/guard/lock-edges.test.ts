// The lock over a shared store at its edges, on a controlled clock: a lock lost and taken back, a pause of exactly
// half the TTL or exactly the TTL, a send that failed while holding the lock, a send that went on with no lock, and
// renewals that keep a slow send's lock confirmed.
import { describe, expect, it } from 'vitest';
import type { GuardStore, LedgerEntry } from '../../../src/redis/index.js';
import { BadRequestError, ConnectionError } from '../../../src/index.js';
import { BIZ, harness } from '../../support/harness.js';
import { ManualClock } from '../../support/manual-clock.js';

const input = { businessId: BIZ, targetPhone: '+33601020304' };
type H = Awaited<ReturnType<typeof harness>>;

/** A store with expiry and renewal like Redis, on the clock given: every call is logged by its name. */
function expiringStore(clock: ManualClock, opts: { extend?: boolean; recordAndRelease?: boolean } = {}) {
  const calls: string[] = [];
  const locks = new Map<string, { owner: string; at: number }>();
  const ledger = new Map<string, LedgerEntry>();
  const live = (key: string) => {
    const lock = locks.get(key);
    return lock && lock.at > clock.now() ? lock : undefined;
  };
  const take = (key: string, owner: string, ttlMs: number) =>
    live(key) && live(key)!.owner !== owner ? false : (locks.set(key, { owner, at: clock.now() + ttlMs }), true);
  const release = (key: string, owner: string) => void (live(key)?.owner === owner && locks.delete(key));
  const store: GuardStore = {
    get: async (key) => (calls.push('get'), ledger.get(key)),
    set: async (key, entry) => void (calls.push('set'), ledger.set(key, entry)),
    acquire: async (key, owner, ttlMs) => (calls.push('acquire'), take(key, owner, ttlMs)),
    release: async (key, owner) => (calls.push('release'), release(key, owner)),
  };
  if (opts.extend) {
    store.extend = async (key, owner, ttlMs) => {
      calls.push('extend');
      return live(key)?.owner === owner ? (locks.set(key, { owner, at: clock.now() + ttlMs }), true) : false;
    };
  }
  if (opts.recordAndRelease) {
    store.recordAndRelease = async (key, entry, _ttlMs, owner) => {
      calls.push('recordAndRelease');
      ledger.set(key, entry);
      release(key, owner);
    };
  }
  const count = (name: string) => calls.filter((c) => c === name).length;
  return { store, calls, locks, ledger, take, release, count };
}

/** Runs `work` on `clock`, moving it in steps (timers fire) until it ends. */
async function onClock<T>(clock: ManualClock, work: () => Promise<T>): Promise<T> {
  let done: { value: T } | { error: unknown } | undefined;
  work().then(
    (value) => (done = { value }),
    (error) => (done = { error }),
  );
  await clock.until(() => done !== undefined, 120_000, 25);
  if ('error' in done!) throw done.error;
  return done!.value;
}

/** The first deciding search pauses the process for `ms` (time jumps, no timer fires), then `meanwhile` runs. */
function pauseInSearch(h: H, clock: ManualClock, ms: number, meanwhile: () => void | Promise<void> = () => {}) {
  let paused = false;
  h.setFault(async (request, forward) => {
    const response = await forward(request);
    if (request.method === 'GET' && !paused) {
      paused = true;
      clock.jump(ms);
      await meanwhile();
    }
    return response;
  });
}

describe('a lock lost before the POST', () => {
  it('is taken back only after reading the ledger: a send another worker recorded meanwhile is a skip', async () => {
    const clock = new ManualClock();
    const s = expiringStore(clock);
    const h = await harness({ partoo: { guard: { store: s.store, lockTtlMs: 100 } }, runtime: clock });
    // Paused past the TTL; another worker takes the number, records its send (not yet in Partoo's search) and
    // releases. The lock is free again when this worker starts over: only the ledger knows.
    pauseInSearch(h, clock, 250, () => {
      const [key] = s.locks.keys();
      expect(s.take(key, 'other-worker', 100)).toBe(true);
      s.ledger.set(key, { invitationId: 'theirs', sentAt: h.mocks.clock.now() });
      s.release(key, 'other-worker');
    });
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'skipped', lastInvitation: { id: 'theirs' } });
    expect(h.posts()).toHaveLength(0);
    // One deciding search: the second round stopped at the ledger.
    expect(h.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
  });

  it('on every round: a ConnectionError saying so and why, nothing sent, outcome known', async () => {
    const clock = new ManualClock();
    const s = expiringStore(clock);
    const h = await harness({ partoo: { guard: { store: s.store, lockTtlMs: 100 } }, runtime: clock });
    h.setFault(async (request, forward) => {
      clock.jump(120);
      return forward(request);
    });
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).toBe(
      'sendReviewInvitation: lost the lock on this number 5 times before sending (a process pausing longer than ' +
        'guard.lockTtlMs, or a store restarting and forgetting its locks); nothing was sent',
    );
    expect(s.count('acquire')).toBe(5);
    expect(h.posts()).toHaveLength(0);
  });
});

describe('a pause at the edge of the TTL', () => {
  it('of exactly half the TTL, on a store with renewals: confirmed with the store before the POST', async () => {
    const clock = new ManualClock();
    const s = expiringStore(clock, { extend: true });
    const h = await harness({ partoo: { guard: { store: s.store, lockTtlMs: 1_000 } }, runtime: clock });
    pauseInSearch(h, clock, 500);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(s.count('extend')).toBe(1);
    expect(s.count('acquire')).toBe(1);
  });

  it('of exactly the TTL, on a store without renewals: the lock counts as lost, starts over, sends once', async () => {
    const clock = new ManualClock();
    const s = expiringStore(clock);
    const h = await harness({ partoo: { guard: { store: s.store, lockTtlMs: 1_000 } }, runtime: clock });
    pauseInSearch(h, clock, 1_000);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(s.count('acquire')).toBe(2);
    expect(h.posts()).toHaveLength(1);
  });

  it('just under the TTL, on a store without renewals: the lock still counts, one round', async () => {
    const clock = new ManualClock();
    const s = expiringStore(clock);
    const h = await harness({ partoo: { guard: { store: s.store, lockTtlMs: 1_000 } }, runtime: clock });
    pauseInSearch(h, clock, 999);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(s.count('acquire')).toBe(1);
  });
});

describe('a slow search while the lock is held', () => {
  it('is kept confirmed by the renewals: no extra round trip before the POST, one round', async () => {
    const clock = new ManualClock();
    const s = expiringStore(clock, { extend: true });
    const h = await harness({ partoo: { guard: { store: s.store, lockTtlMs: 3_000 } }, runtime: clock });
    // The search takes 2.1 s of clock time, timers firing: renewals at 1 s and 2 s, each answered "yours".
    h.setFault(async (request, forward) => {
      if (request.method === 'GET') await clock.sleep(2_100);
      return forward(request);
    });
    const result = await onClock(clock, () => h.partoo.reviewBooster.sendInvitation(input));
    expect(result.status).toBe('sent');
    expect(s.count('extend')).toBe(2);
    expect(s.count('acquire')).toBe(1);
    expect(h.posts()).toHaveLength(1);
  });
});

describe('a send that fails while holding the lock', () => {
  it('is thrown once, never tried again in a new round, and the lock is given back', async () => {
    const clock = new ManualClock();
    const s = expiringStore(clock, { extend: true, recordAndRelease: true });
    const h = await harness({ partoo: { guard: { store: s.store }, maxRetries: 0 }, runtime: clock });
    h.setFault(async (request, forward) =>
      request.method === 'POST' ? new Response('{"errors":"refused"}', { status: 400 }) : forward(request),
    );
    const error = await onClock(clock, () => h.partoo.reviewBooster.sendInvitation(input)).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(h.posts()).toHaveLength(1);
    expect(s.count('acquire')).toBe(1);
    // Nothing to record: released on its own, so the next worker need not wait out the TTL.
    expect(s.count('recordAndRelease')).toBe(0);
    expect(s.count('release')).toBe(1);
    expect(s.locks.size).toBe(0);
  });
});

describe('a send that went on without the lock (the store failed when asked for it)', () => {
  it('never renews, confirms or releases a lock, and records its send with a plain set', async () => {
    const clock = new ManualClock();
    const s = expiringStore(clock, { extend: true, recordAndRelease: true });
    s.store.acquire = async () => {
      s.calls.push('acquire');
      throw new Error('store down');
    };
    const h = await harness({
      partoo: { guard: { store: s.store, lockTtlMs: 3_000, storeTimeoutMs: 50 }, logLevel: 'off' },
      runtime: clock,
    });
    // A slow search: long enough for renewals to fall due and for the POST to need a confirmation, had it a lock.
    h.setFault(async (request, forward) => {
      if (request.method === 'GET') await clock.sleep(2_100);
      return forward(request);
    });
    const result = await onClock(clock, () => h.partoo.reviewBooster.sendInvitation(input));
    expect(result.status).toBe('sent');
    expect(h.posts()).toHaveLength(1);
    expect(s.count('extend')).toBe(0);
    expect(s.count('release')).toBe(0);
    expect(s.count('recordAndRelease')).toBe(0);
    expect(s.count('set')).toBe(1);
  });
});

describe('a lock nobody renews', () => {
  it('is waited on until the clock is past its TTL and 5 s more, not when it reaches it', async () => {
    const clock = new ManualClock();
    const s = expiringStore(clock);
    s.store.acquire = async () => (s.calls.push('acquire'), false);
    // A draw of 0: every wait is exactly 100 ms, so the clock lands on the deadline itself after 51 waits.
    const h = await harness({ partoo: { guard: { store: s.store, lockTtlMs: 100 } }, runtime: clock, random: () => 0 });
    expect((await onClock(clock, () => h.partoo.reviewBooster.sendInvitation(input))).status).toBe('sent');
    expect(h.sleeps).toEqual(Array(52).fill(100));
  });
});
