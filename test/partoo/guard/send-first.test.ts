// guard: { check: 'send-first' }: a number the ledger does not know is POSTed at once, and Partoo's own 10-day rule
// answers whether it was texted recently; the search runs only after a refusal or an unknown outcome. A window over
// Partoo's 10 days, or force, keeps the search-first order.
import { describe, expect, it } from 'vitest';
import { BadRequestError, ConfigurationError, ConnectionError } from '../../../src/index.js';
import { BIZ, connectionReset, harness } from '../../support/harness.js';

const PHONE = '+33601020304';
const input = { businessId: BIZ, targetPhone: PHONE };
const DAY = 86_400_000;
type H = Awaited<ReturnType<typeof harness>>;
const sendFirst = (guard: object = {}) => harness({ partoo: { guard: { check: 'send-first', ...guard } } });
const methods = (h: H) => h.requests.map((r) => r.method);

describe('send-first', () => {
  it('a new number costs one request: the POST, no search', async () => {
    const h = await sendFirst();
    expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({ status: 'sent', targetPhone: PHONE });
    expect(methods(h)).toEqual(['POST']);
  });

  it('a number the ledger knows costs none', async () => {
    const h = await sendFirst();
    const sent = await h.partoo.reviewBooster.sendInvitation(input);
    const again = await h.partoo.reviewBooster.sendInvitation(input);
    expect(again).toMatchObject({
      status: 'skipped',
      lastInvitation: { id: (sent as { invitationId: string }).invitationId },
    });
    expect(methods(h)).toEqual(['POST']);
  });

  it("a number another client texted: Partoo's 400, then a search: skipped with theirs, two requests", async () => {
    const h = await sendFirst();
    const theirs = await h.sendElsewhere(PHONE);
    const sentAt = h.mocks.partooState.invitations.get(theirs)!.sentAtMs;
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toEqual({
      status: 'skipped',
      reason: 'recently_invited',
      targetPhone: PHONE,
      lastInvitation: { id: theirs, sentAt: new Date(sentAt) },
      nextAllowedAt: new Date(sentAt + 10 * DAY),
    });
    expect(methods(h)).toEqual(['POST', 'GET']);
    expect(h.mocks.partooState.sentCount(BIZ, PHONE)).toBe(1);
    // Recorded: the next call costs nothing.
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(methods(h)).toEqual(['POST', 'GET']);
  });

  it('a 400 the search does not explain is thrown as it came, nothing sent again', async () => {
    const h = await sendFirst();
    h.setFault(async (req, forward) =>
      req.method === 'POST' ? new Response('{"errors":{"json":"refused"}}', { status: 400 }) : forward(req),
    );
    await expect(h.partoo.reviewBooster.sendInvitation(input)).rejects.toBeInstanceOf(BadRequestError);
    expect(methods(h)).toEqual(['POST', 'GET']);
  });

  it('a 400 whose search fails is thrown as the 400: a refusal is never read as a send', async () => {
    const h = await sendFirst();
    h.setFault(async (req) =>
      req.method === 'POST'
        ? new Response('{"errors":{"json":"refused"}}', { status: 400 })
        : new Response('{}', { status: 403 }),
    );
    await expect(h.partoo.reviewBooster.sendInvitation(input)).rejects.toBeInstanceOf(BadRequestError);
    expect(h.posts()).toHaveLength(1);
  });

  it('an unknown outcome the server acted on: after the settle time the search finds it, one SMS', async () => {
    const h = await sendFirst({ settleMs: 5_000 });
    let posts = 0;
    h.setFault(async (req, forward) => {
      if (req.method !== 'POST' || posts++ > 0) return forward(req);
      await forward(req);
      throw connectionReset();
    });
    expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({ status: 'sent' });
    expect(h.sleeps).toContain(5_000);
    expect(methods(h)).toEqual(['POST', 'GET']);
    expect(h.mocks.partooState.sentCount(BIZ, PHONE)).toBe(1);
  });

  it('an unknown outcome the server did not act on: searched after the settle time, then one more POST', async () => {
    const h = await sendFirst({ settleMs: 5_000 });
    let posts = 0;
    h.setFault(async (req, forward) => {
      if (req.method === 'POST' && posts++ === 0) throw connectionReset();
      return forward(req);
    });
    expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({ status: 'sent' });
    expect(methods(h)).toEqual(['POST', 'GET', 'POST']);
    expect(h.mocks.partooState.sentCount(BIZ, PHONE)).toBe(1);
  });

  it('after a send whose outcome stayed unknown, the next send to that number searches first', async () => {
    const h = await sendFirst({ settleMs: 1_000 });
    h.setFault(async (req, forward) => {
      if (req.method === 'POST') {
        await forward(req);
        throw connectionReset();
      }
      return new Response('{}', { status: 403 });
    });
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    h.setFault(undefined);
    const before = h.requests.length;
    // The first POST did land: the search finds it, and no second POST goes (whatever Partoo's rule would do).
    expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({ status: 'skipped' });
    expect(methods(h).slice(before)).toEqual(['GET']);
    expect(h.mocks.partooState.sentCount(BIZ, PHONE)).toBe(1);
    // Settled: the number after it goes send-first again.
    await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020305' });
    expect(methods(h).slice(before + 1)).toEqual(['POST']);
  });

  it('a number settled by its search goes send-first again', async () => {
    // No ledger: each call shows its order in its requests.
    const h = await sendFirst({ settleMs: 1_000, ledger: false });
    h.setFault(async (req) => {
      if (req.method === 'POST') throw connectionReset();
      return new Response('{}', { status: 403 });
    });
    await expect(h.partoo.reviewBooster.sendInvitation(input)).rejects.toMatchObject({ outcomeUnknown: true });
    h.setFault(undefined);
    let before = h.requests.length;
    // Nothing had landed: the search shows nothing, and the POST goes.
    expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({ status: 'sent' });
    expect(methods(h).slice(before)).toEqual(['GET', 'POST']);
    before = h.requests.length;
    expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({ status: 'skipped' });
    expect(methods(h).slice(before)).toEqual(['POST', 'GET']);
  });

  it('concurrent sends to one number share one POST', async () => {
    const h = await sendFirst();
    const results = await Promise.all([1, 2, 3].map(() => h.partoo.reviewBooster.sendInvitation(input)));
    expect(results.map((r) => r.status).sort()).toEqual(['sent', 'skipped', 'skipped']);
    expect(methods(h)).toEqual(['POST']);
  });

  it('a window over 10 days searches first: Partoo would let through what it must skip', async () => {
    const h = await sendFirst({ windowDays: 11 });
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(methods(h)).toEqual(['GET', 'POST']);
    const at10 = await sendFirst({ windowDays: 10 });
    await at10.partoo.reviewBooster.sendInvitation(input);
    expect(methods(at10)).toEqual(['POST']);
  });

  it('force sends as search-first does: one POST, and a 400 is not searched (force bypasses the rule)', async () => {
    const h = await sendFirst();
    await h.sendElsewhere(PHONE);
    expect(await h.partoo.reviewBooster.sendInvitation({ ...input, force: true })).toMatchObject({ status: 'sent' });
    expect(methods(h)).toEqual(['POST']);
    expect(h.posts()[0].body.force).toBe('True');
  });

  it('checkInvitation still asks the search: it never POSTs to find out', async () => {
    const h = await sendFirst();
    await h.sendElsewhere(PHONE);
    expect(await h.partoo.reviewBooster.checkInvitation(input)).toMatchObject({ status: 'skipped' });
    expect(methods(h)).toEqual(['GET']);
  });

  it('search-first stays the default', async () => {
    const h = await harness();
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(methods(h)).toEqual(['GET', 'POST']);
  });

  it('an unknown check order fails at construction, naming both', async () => {
    await expect(harness({ partoo: { guard: { check: 'post-first' as never } } })).rejects.toThrow(ConfigurationError);
    await expect(harness({ partoo: { guard: { check: 'post-first' as never } } })).rejects.toThrow(
      /guard\.check must be 'search-first' or 'send-first', not "post-first"/,
    );
  });

  it('an unknown outcome with force is not sent again blindly, in send-first too', async () => {
    const h = await sendFirst({ settleMs: 1_000 });
    h.setFault(async (req, forward) => {
      if (req.method === 'POST') throw connectionReset();
      return forward(req);
    });
    const error = await h.partoo.reviewBooster.sendInvitation({ ...input, force: true }).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    expect(h.posts()).toHaveLength(1);
  });
});
