// What the guard does after each kind of failed send: which errors it hands back untouched (never searched, never
// sent again), which it treats as "maybe sent" (search, then at most one more POST), and concurrent callers.
import { describe, expect, it } from 'vitest';
import { ApiError, AuthenticationError, BadRequestError, ConnectionError } from '../../../src/index.js';
import { BIZ, harness } from '../../support/harness.js';

const PHONE = '+33601020304';
const input = { businessId: BIZ, targetPhone: PHONE };
type H = Awaited<ReturnType<typeof harness>>;
const searches = (h: H) => h.requests.filter((r) => r.method === 'GET');
/** Answers the first POST with `status`, forwarding everything else. */
const firstPostAnswered = (h: H, status: number, forwardFirst = false) => {
  let posts = 0;
  h.setFault(async (req, forward) => {
    if (req.method !== 'POST' || posts++ > 0) return forward(req);
    if (forwardFirst) await forward(req);
    return new Response('{"errors":{"json":"refused"}}', { status });
  });
};

describe('a send refused with a status that says nothing was sent', () => {
  for (const [status, cls] of [
    [401, AuthenticationError],
    [403, ApiError],
    [404, ApiError],
    [422, ApiError],
  ] as const) {
    it(`a ${status} is thrown as is: never searched after, never sent again`, async () => {
      const h = await harness();
      firstPostAnswered(h, status);
      const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
      expect(error).toBeInstanceOf(cls);
      expect(error.status).toBe(status);
      expect(error).not.toBeInstanceOf(ConnectionError);
      expect(h.posts()).toHaveLength(1);
      // Only the search before the POST: none after it.
      expect(h.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
      expect(h.sleeps).toEqual([]);
    });
  }
});

describe('a send whose outcome is unknown', () => {
  it('a 408 that Partoo did act on: the search finds it, one POST, sent with its id', async () => {
    const h = await harness();
    firstPostAnswered(h, 408, true);
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'sent', targetPhone: PHONE });
    expect(h.posts()).toHaveLength(1);
    expect(searches(h)).toHaveLength(2);
  });

  it('a 408 that Partoo did not act on: checked after the settle time, then sent once more', async () => {
    const h = await harness();
    firstPostAnswered(h, 408);
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'sent' });
    expect(h.posts()).toHaveLength(2);
    // The settle wait (30 s by default) before the deciding search.
    expect(h.sleeps).toContain(30_000);
  });

  it('a 503 on every POST: each retry checked first, then the ServerError once retries are spent', async () => {
    const h = await harness({ partoo: { maxRetries: 1 } });
    h.setFault(async (req, forward) => (req.method === 'POST' ? new Response('{}', { status: 503 }) : forward(req)));
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error.status).toBe(503);
    expect(h.posts()).toHaveLength(2);
    // search, POST, settle + search, POST, search (the last one may still find it)
    expect(h.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'POST', 'GET']);
    expect(h.sleeps).toEqual([30_000]);
  });

  it('the deciding search looks back from the failed attempt, with two minutes of clock slack', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    const attemptAt = h.mocks.clock.now().getTime();
    firstPostAnswered(h, 503);
    await h.partoo.reviewBooster.sendInvitation(input).catch(() => undefined);
    const after = Number(searches(h)[1].query.get('after'));
    expect(after).toBe(Math.floor((attemptAt - 120_000) / 1000));
  });
});

describe('a 400 on a send', () => {
  it('with the guard off: thrown, no search at all', async () => {
    const h = await harness({ partoo: { guard: false } });
    firstPostAnswered(h, 400);
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(h.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('forced: thrown, no search at all (force never turns into a skip)', async () => {
    const h = await harness();
    firstPostAnswered(h, 400);
    const error = await h.partoo.reviewBooster.sendInvitation({ ...input, force: true }).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(h.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('when the search after it fails too: the BadRequestError, not the search failure', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    let gets = 0;
    h.setFault(async (req, forward) => {
      if (req.method === 'POST') return new Response('{}', { status: 400 });
      return gets++ === 0 ? forward(req) : new Response('{}', { status: 500 });
    });
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestError);
  });
});

describe('concurrent sends to one number', () => {
  it('when the first caller was skipped, every caller gets that skip, with the invitation that caused it', async () => {
    const h = await harness();
    const id = await h.sendElsewhere(PHONE);
    const results = await Promise.all([1, 2, 3].map(() => h.partoo.reviewBooster.sendInvitation(input)));
    for (const r of results) {
      expect(r).toMatchObject({ status: 'skipped', reason: 'recently_invited', lastInvitation: { id } });
    }
    expect(h.posts()).toHaveLength(0);
    expect(searches(h)).toHaveLength(1);
  });

  it('when the first caller sent, the others are skipped with its invitation, allowed again one window later', async () => {
    const h = await harness();
    const [first, second] = await Promise.all([
      h.partoo.reviewBooster.sendInvitation(input),
      h.partoo.reviewBooster.sendInvitation(input),
    ]);
    expect(first.status).toBe('sent');
    if (first.status !== 'sent' || second.status !== 'skipped') throw new Error('expected sent, then skipped');
    expect(second.lastInvitation.id).toBe(first.invitationId);
    const window = second.nextAllowedAt.getTime() - second.lastInvitation.sentAt.getTime();
    expect(window).toBe(10 * 86_400_000);
    // The next caller, after both finished, is not coalesced: the ledger answers.
    const third = await h.partoo.reviewBooster.sendInvitation(input);
    expect(third).toMatchObject({ status: 'skipped', lastInvitation: { id: first.invitationId } });
    expect(h.posts()).toHaveLength(1);
  });
});
