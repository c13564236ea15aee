// What the guard does after each kind of failed send: which errors it hands back untouched (never searched, never
// sent again), which it treats as "maybe sent" (search, then at most one more POST), and concurrent callers.
import { describe, expect, it } from 'vitest';
import { ApiError, AuthenticationError, BadRequestError, ConnectionError } from '../../../src/index.js';
import { BIZ, connectionReset, harness } from '../../support/harness.js';

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

  it('the first caller sent: the others are skipped with its invitation, allowed again a window later', async () => {
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

describe('what each decision is called in the log', () => {
  /** The reason field of each guard decision the client logs at info. */
  const decisions = async (setup: (h: H) => Promise<void> | void, send = input) => {
    const reasons: unknown[] = [];
    const logger = {
      error: () => {},
      warn: () => {},
      debug: () => {},
      // pino's order, which the client keeps for every logger: fields first, then the message.
      info: (fields?: { event?: string; reason?: unknown }) =>
        void (fields?.event === 'guard.decision' && reasons.push(fields.reason)),
    };
    const h = await harness({ partoo: { logger, logLevel: 'info' } });
    await setup(h);
    const result = await h.partoo.reviewBooster.sendInvitation(send).catch((e) => e);
    return { reasons, result };
  };

  it('posted; posted after checking; found by the search after an unknown outcome; refused by Partoo', async () => {
    expect((await decisions(() => {})).reasons).toEqual(['posted']);
    const resetOnce = (h: H) => {
      let posts = 0;
      h.setFault(async (req, forward) => {
        if (req.method === 'POST' && posts++ === 0) throw connectionReset();
        return forward(req);
      });
    };
    expect((await decisions(resetOnce)).reasons).toEqual(['posted_again_after_checking']);
    const landedThenReset = (h: H) => {
      h.setFault(async (req, forward) => {
        if (req.method !== 'POST') return forward(req);
        await forward(req);
        throw connectionReset();
      });
    };
    expect((await decisions(landedThenReset)).reasons).toEqual(['unknown_outcome_found_by_search']);
    // Another worker sends between our search and our POST: Partoo's 400, and the search shows theirs.
    const raced = (h: H) => {
      h.setFault(async (req, forward) => {
        if (req.method !== 'POST') return forward(req);
        await h.sendElsewhere(PHONE);
        return new Response('{"errors":{"json":"already invited"}}', { status: 400 });
      });
    };
    expect((await decisions(raced)).reasons).toEqual(['partoo_rule']);
  });
});

describe('the error when an outcome stays unknown', () => {
  it('a 2xx without an id the search does not show yet: says so, keeps the API error as its cause', async () => {
    const h = await harness();
    h.setFault(async (req, forward) => (req.method === 'POST' ? new Response('{}', { status: 200 }) : forward(req)));
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain("the send's outcome is unknown");
    expect(error.message).toContain('and a search does not show it yet; search before sending again');
    expect(error.cause).toBeInstanceOf(ApiError);
    expect(error.cause.status).toBe(200);
    expect(h.posts()).toHaveLength(1);
  });

  it('a reset whose check fails too: says the check failed and why', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    let gets = 0;
    h.setFault(async (req, forward) => {
      if (req.method === 'POST') throw connectionReset();
      return gets++ === 0 ? forward(req) : new Response('{"errors":"search down"}', { status: 500 });
    });
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/and checking it failed \(checkDuplicatedReviewInvitation: HTTP 500: search down\)/);
  });

  it('forced, and nothing shows after the settle time: says why it was not sent again', async () => {
    const h = await harness({ partoo: { guard: { settleMs: 1_234 } } });
    h.setFault(async (req, forward) => {
      if (req.method === 'POST') throw connectionReset();
      return forward(req);
    });
    const error = await h.partoo.reviewBooster.sendInvitation({ ...input, force: true }).catch((e) => e);
    expect(error.message).toContain(
      "and a search 1234 ms later does not show it; not sent again, as force bypasses Partoo's own rule",
    );
    expect(h.posts()).toHaveLength(1);
  });
});
