// The search that decides whether a number was invited within the window, and the ledger entries a send leaves:
// what counts as recent, which invitation a skip names, and how long the entry is kept.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/index.js';
import type { LedgerEntry } from '../../../src/redis/index.js';
import { BIZ, harness } from '../../support/harness.js';

const PHONE = '+33601020304';
const input = { businessId: BIZ, targetPhone: PHONE };
const DAY = 86_400_000;
type H = Awaited<ReturnType<typeof harness>>;
/** A client clock that stands still, so windows and TTLs can be checked to the millisecond. */
const T = Date.parse('2026-11-30T00:00:00.000Z');
const frozen = () => new Date(T);
/** Partoo's format: a space for the T, microseconds, an offset. */
const partooTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '000+00:00');

/** Answers the search with these invitations, ignoring its `after` (as a server may). */
const searchAnswers = (h: H, invitations: { id: string; sent_time?: string }[]) =>
  h.setFault(async (req, forward) =>
    req.method === 'GET'
      ? new Response(
          JSON.stringify({ review_invitations: invitations, count: invitations.length, page: 1, max_page: 1 }),
          {
            status: 200,
            headers: { 'content-type': 'application/json' },
          },
        )
      : forward(req),
  );

describe('the deciding search', () => {
  it('asks for invitations after the window start, in whole seconds', async () => {
    const h = await harness({ partoo: { now: () => new Date(T + 999) } });
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(h.requests[0].query.get('after')).toBe(String((T - 10 * DAY) / 1000));
    expect(h.requests[0].query.get('target_phone')).toBe(PHONE);
    expect(h.requests[0].query.get('business_id')).toBe(BIZ);
  });

  it('skips naming the newest invitation within the window, whatever order the server lists them in', async () => {
    const h = await harness();
    const now = h.mocks.clock.now().getTime();
    searchAnswers(h, [
      { id: 'older', sent_time: partooTime(new Date(now - 3 * DAY)) },
      { id: 'newest', sent_time: partooTime(new Date(now - DAY)) },
      { id: 'middle', sent_time: partooTime(new Date(now - 2 * DAY)) },
    ]);
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'skipped', lastInvitation: { id: 'newest' } });
    if (result.status !== 'skipped') return;
    expect(result.lastInvitation.sentAt.getTime()).toBe(now - DAY);
    expect(result.nextAllowedAt.getTime()).toBe(now + 9 * DAY);
  });

  it('an invitation older than the window does not count, even when the server returns it', async () => {
    const h = await harness();
    const now = h.mocks.clock.now().getTime();
    searchAnswers(h, [{ id: 'old', sent_time: partooTime(new Date(now - 10 * DAY - 1_000)) }]);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(h.posts()).toHaveLength(1);
  });

  it(
    'an invitation without a readable time is not read ' + 'as "nothing recent": no POST, the body in the error',
    async () => {
      const h = await harness();
      searchAnswers(h, [{ id: 'no-time' }]);
      const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error.message).toContain('invitation no-time with no readable sent_time');
      expect(h.posts()).toHaveLength(0);
      // force skips the search, so it still sends.
      expect((await h.partoo.reviewBooster.sendInvitation({ ...input, force: true })).status).toBe('sent');
    },
  );
});

describe('what a send leaves in the ledger', () => {
  const capturing = () => {
    const sets: { key: string; entry: LedgerEntry; ttlMs: number }[] = [];
    const entries = new Map<string, LedgerEntry>();
    const ledger = {
      get: (key: string) => entries.get(key),
      set: (key: string, entry: LedgerEntry, ttlMs: number) =>
        void (sets.push({ key, entry, ttlMs }), entries.set(key, entry)),
    };
    return { ledger, sets, entries };
  };

  it('the send, under the business and number, kept exactly until the window ends', async () => {
    const { ledger, sets } = capturing();
    const h = await harness({ partoo: { now: frozen, guard: { ledger } } });
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    if (result.status !== 'sent') throw new Error('expected a send');
    expect(sets).toHaveLength(1);
    expect(sets[0].key).toBe(`${BIZ}:${PHONE}`);
    expect(sets[0].entry.invitationId).toBe(result.invitationId);
    expect(sets[0].ttlMs).toBe(10 * DAY);
  });

  it('a business id with characters a store key would trip on is escaped in the key', async () => {
    const { ledger, sets } = capturing();
    const h = await harness({ partoo: { guard: { ledger } } });
    await h.partoo.reviewBooster.sendInvitation({ ...input, businessId: 'biz:1 2' }).catch(() => undefined);
    expect(sets.map((s) => s.key)).toEqual([`biz%3A1%202:${PHONE}`]);
  });

  it('a skip from the search is recorded with the invitation that caused it, for the rest of its window', async () => {
    const { ledger, sets } = capturing();
    const h = await harness({ partoo: { now: frozen, guard: { ledger } } });
    const now = T;
    searchAnswers(h, [{ id: 'theirs', sent_time: partooTime(new Date(now - 4 * DAY)) }]);
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(sets).toEqual([
      { key: `${BIZ}:${PHONE}`, entry: { invitationId: 'theirs', sentAt: new Date(now - 4 * DAY) }, ttlMs: 6 * DAY },
    ]);
  });

  it('an entry whose window has ended is not a skip: the search decides, and a send follows', async () => {
    const { ledger, entries } = capturing();
    const h = await harness({ partoo: { now: frozen, guard: { ledger } } });
    const now = T;
    entries.set(`${BIZ}:${PHONE}`, { invitationId: 'stale', sentAt: new Date(now - 10 * DAY) });
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    entries.set(`${BIZ}:${PHONE}`, { invitationId: 'fresh', sentAt: new Date(now - 10 * DAY + 1) });
    expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({ lastInvitation: { id: 'fresh' } });
  });

  it('with ledger: false, every send asks the search', async () => {
    const h = await harness({ partoo: { guard: { ledger: false } } });
    await h.partoo.reviewBooster.sendInvitation(input);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('skipped');
    expect(h.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
  });
});

describe('checkInvitation', () => {
  it('says would_send without any request when forced or with the guard off', async () => {
    const h = await harness();
    await h.sendElsewhere(PHONE);
    expect(await h.partoo.reviewBooster.checkInvitation({ ...input, force: true })).toEqual({
      status: 'would_send',
      targetPhone: PHONE,
    });
    const off = await harness({ partoo: { guard: false } });
    expect(await off.partoo.reviewBooster.checkInvitation(input)).toEqual({ status: 'would_send', targetPhone: PHONE });
    expect([...h.requests, ...off.requests]).toHaveLength(0);
  });

  it('answers from the ledger with no request, else from the search, and never POSTs', async () => {
    const h = await harness();
    expect(await h.partoo.reviewBooster.checkInvitation(input)).toEqual({ status: 'would_send', targetPhone: PHONE });
    const id = await h.sendElsewhere(PHONE);
    expect(await h.partoo.reviewBooster.checkInvitation(input)).toMatchObject({
      status: 'skipped',
      lastInvitation: { id },
    });
    const sent = await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020305' });
    const before = h.requests.length;
    expect(await h.partoo.reviewBooster.checkInvitation({ ...input, targetPhone: '+33601020305' })).toMatchObject({
      status: 'skipped',
      lastInvitation: { id: sent.status === 'sent' ? sent.invitationId : '' },
    });
    expect(h.requests.length).toBe(before);
    expect(h.posts()).toHaveLength(1);
  });
});
