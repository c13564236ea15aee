// The guard's window moves as one: change `windowDays` and the search's `after`, the skip's `nextAllowedAt`, the
// ledger's TTL, the ledger's own verdict and the moment a number may be texted again all follow it.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../src/redis/index.js';
import { BIZ, harness } from '../../support/harness.js';

const DAY = 86_400_000;
const T = Date.parse('2026-11-30T00:00:00.000Z');
const input = { businessId: BIZ, targetPhone: '+33601020304' };

/** A ledger that keeps what it is told, and the TTL each entry came with. */
function recordingLedger() {
  const entries = new Map<string, LedgerEntry>();
  const ttls: number[] = [];
  return {
    ttls,
    entries,
    get: (key: string) => entries.get(key),
    set: (key: string, entry: LedgerEntry, ttlMs: number) => void (entries.set(key, entry), ttls.push(ttlMs)),
  };
}

describe.each([1, 3, 10, 30])('a window of %i days', (days) => {
  const windowMs = days * DAY;

  it('sets the search, the skip, the ledger TTL and the next allowed send from the same window', async () => {
    let now = T;
    const ledger = recordingLedger();
    const h = await harness({ partoo: { now: () => new Date(now), guard: { windowDays: days, ledger } } });
    const rb = h.partoo.reviewBooster;
    const sent = await rb.sendInvitation(input);
    expect(sent.status).toBe('sent');
    // The deciding search looks back one window, in whole seconds.
    expect(h.requests[0].query.get('after')).toBe(String((T - windowMs) / 1000));
    // The ledger keeps the send for exactly one window.
    expect(ledger.ttls).toEqual([windowMs]);

    // One millisecond before the window ends: the ledger skips it, naming when the next send is allowed.
    now = T + windowMs - 1;
    const before = h.requests.length;
    const skipped = await rb.sendInvitation(input);
    expect(skipped).toMatchObject({ status: 'skipped', nextAllowedAt: new Date(T + windowMs) });
    expect(h.requests.length).toBe(before);

    // Once it ends, the ledger no longer decides: Partoo's search does, looking back one window from now.
    now = T + windowMs;
    await rb.checkInvitation(input);
    expect(h.requests.slice(before).map((r) => [r.method, r.query.get('after')])).toEqual([['GET', String(T / 1000)]]);
  });

  it('skips from the search for as long as the window, and not a millisecond more', async () => {
    const h = await harness({ partoo: { guard: { windowDays: days, ledger: false } } });
    const elsewhere = await h.sendElsewhere(input.targetPhone);
    const sentAt = h.mocks.partooState.invitations.get(elsewhere)!.sentAtMs;
    const skip = await h.partoo.reviewBooster.checkInvitation(input);
    expect(skip).toMatchObject({ status: 'skipped', lastInvitation: { id: elsewhere } });
    expect(skip.status === 'skipped' && skip.nextAllowedAt.getTime() - sentAt).toBe(windowMs);
  });
});
