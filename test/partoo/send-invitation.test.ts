import { describe, expect, it } from 'vitest';
import {
  ApiError,
  BadRequestError,
  ConnectionError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../../src/index.js';
import { BIZ, connectionRefused, connectionReset, harness } from '../support/harness.js';

const DAY = 86_400_000;
const input = {
  businessId: BIZ,
  targetPhone: '+33601020304',
  targetName: 'Ada Lovelace',
  inviteContent: 'Thanks for your visit! @link',
};

describe('sendInvitation: the duplicate guard', () => {
  it('sends with 2 requests (search, POST) and returns the E.164 number', async () => {
    const h = await harness();
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toEqual({
      status: 'sent',
      invitationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      targetPhone: '+33601020304',
    });
    expect(h.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v2/review_booster/search-invitation',
      'POST /v2/review_booster/send_invitation',
    ]);
    expect(h.requests[1].body).toEqual({
      business_id: BIZ,
      target_phone: '+33601020304',
      target_name: 'Ada Lovelace',
      invite_content: 'Thanks for your visit! @link',
    });
    expect(h.mocks.partooState.sentCount(BIZ, '+33601020304')).toBe(1);
  });

  it('skips a recently invited number with 1 request and says when it may be sent again', async () => {
    const h = await harness({ partoo: { guard: { ledger: false } } });
    const first = await h.partoo.reviewBooster.sendInvitation(input);
    const sentAt = h.mocks.clock.now();
    h.requests.length = 0;
    h.mocks.clock.advance(DAY);
    const second = await h.partoo.reviewBooster.sendInvitation(input);
    expect(h.requests).toHaveLength(1);
    expect(second.status).toBe('skipped');
    if (second.status !== 'skipped' || first.status !== 'sent') throw new Error('unreachable');
    expect(second.reason).toBe('recently_invited');
    expect(second.lastInvitation.id).toBe(first.invitationId);
    expect(Math.abs(second.lastInvitation.sentAt.getTime() - sentAt.getTime())).toBeLessThan(1000);
    expect(second.nextAllowedAt.getTime()).toBe(second.lastInvitation.sentAt.getTime() + 10 * DAY);
    expect(h.mocks.partooState.sentCount(BIZ, '+33601020304')).toBe(1);
  });

  it('skips a number this client just sent to with 0 requests (the ledger), and only within the window', async () => {
    const h = await harness();
    const first = await h.partoo.reviewBooster.sendInvitation(input);
    h.requests.length = 0;
    const repeat = await h.partoo.reviewBooster.sendInvitation(input);
    expect(h.requests).toHaveLength(0);
    expect(repeat).toMatchObject({
      status: 'skipped',
      lastInvitation: { id: first.status === 'sent' ? first.invitationId : '' },
    });
    h.mocks.clock.advance(10 * DAY + 1000);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(h.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it("a ledger miss falls through to the search: another client's send is still caught", async () => {
    const h = await harness();
    await h.sendElsewhere('+33601020304');
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('skipped');
    expect(h.requests).toHaveLength(1);
  });

  it('holds the window to the edge: 9 d 23 h 59 min later skipped, 10 d 1 s later sent', async () => {
    const h = await harness();
    await h.partoo.reviewBooster.sendInvitation(input);
    h.mocks.clock.advance(10 * DAY - 60_000);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('skipped');
    h.mocks.clock.advance(61_000);
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(h.mocks.partooState.sentCount(BIZ, '+33601020304')).toBe(2);
  });

  it('normalizes 0601020304 (FR) and +33 6 01 02 03 04 to the same +33601020304 for search and send', async () => {
    const h = await harness({ partoo: { defaultCountry: 'FR' } });
    const a = await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '0601020304' });
    const b = await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33 6 01 02 03 04' });
    expect([a.status, b.status]).toEqual(['sent', 'skipped']);
    const phones = h.requests.map((r) => r.query.get('target_phone') ?? r.body?.target_phone);
    expect(new Set(phones)).toEqual(new Set(['+33601020304']));
  });

  it('coalesces two concurrent sends to one number: one POST, the other caller skipped', async () => {
    const h = await harness();
    const [a, b] = await Promise.all([
      h.partoo.reviewBooster.sendInvitation(input),
      h.partoo.reviewBooster.sendInvitation(input),
    ]);
    expect(h.posts()).toHaveLength(1);
    expect([a.status, b.status].sort()).toEqual(['sent', 'skipped']);
    const sent = [a, b].find((r) => r.status === 'sent')!;
    const skipped = [a, b].find((r) => r.status === 'skipped')!;
    if (sent.status !== 'sent' || skipped.status !== 'skipped') throw new Error('unreachable');
    expect(skipped.lastInvitation.id).toBe(sent.invitationId);
    expect(h.mocks.partooState.sentCount(BIZ, '+33601020304')).toBe(1);
  });

  it('does not coalesce different numbers or different businesses', async () => {
    const h = await harness();
    const results = await Promise.all([
      h.partoo.reviewBooster.sendInvitation(input),
      h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020305' }),
      h.partoo.reviewBooster.sendInvitation({ ...input, businessId: 'other-business' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it(
    'after a connection reset once the server recorded the send: ' + 'no second POST, sent with the server id',
    async () => {
      const h = await harness();
      let resets = 0;
      h.setFault(async (req, forward) => {
        if (req.method === 'POST' && resets++ === 0) {
          await forward(req);
          throw connectionReset();
        }
        return forward(req);
      });
      const result = await h.partoo.reviewBooster.sendInvitation(input);
      expect(h.posts()).toHaveLength(1);
      const [id] = h.mocks.partooState.invitations.keys();
      expect(result).toEqual({ status: 'sent', invitationId: id, targetPhone: '+33601020304' });
      expect(h.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
    },
  );

  it('waits before the check that decides a retry: a search that lags behind the send still finds it', async () => {
    const h = await harness();
    let sleepsAtPost: number | undefined;
    h.setFault(async (req, forward) => {
      if (req.method === 'POST' && sleepsAtPost === undefined) {
        await forward(req);
        sleepsAtPost = h.sleeps.length;
        throw connectionReset();
      }
      // Partoo's search shows the invitation only once the client has let some time pass since the POST.
      if (req.method === 'GET' && sleepsAtPost !== undefined && h.sleeps.length === sleepsAtPost) {
        return Response.json({ count: 0, page: 1, max_page: 1, review_invitations: [] });
      }
      return forward(req);
    });
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(h.posts()).toHaveLength(1);
    expect(result).toEqual({
      status: 'sent',
      invitationId: [...h.mocks.partooState.invitations.keys()][0],
      targetPhone: '+33601020304',
    });
  });

  it('after a connection reset before the server saw it: exactly one retry', async () => {
    const h = await harness();
    let resets = 0;
    h.setFault(async (req, forward) => {
      if (req.method === 'POST' && resets++ === 0) throw connectionReset();
      return forward(req);
    });
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result.status).toBe('sent');
    expect(h.posts()).toHaveLength(2);
    expect(h.mocks.partooState.sentCount(BIZ, '+33601020304')).toBe(1);
  });

  it('after a 503 on the POST: checks, then retries once it knows nothing was sent', async () => {
    const h = await harness();
    let failures = 0;
    h.setFault(async (req, forward) =>
      req.method === 'POST' && failures++ === 0
        ? new Response('{"errors":{"json":"unavailable"}}', { status: 503 })
        : forward(req),
    );
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(h.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'POST']);
  });

  it('gives up with the typed error once retries are spent, each attempt checked first', async () => {
    const h = await harness({ partoo: { maxRetries: 1 } });
    h.setFault(async (req, forward) =>
      req.method === 'POST' ? new Response('{"errors":{"json":"down"}}', { status: 500 }) : forward(req),
    );
    await expect(h.partoo.reviewBooster.sendInvitation(input)).rejects.toBeInstanceOf(ServerError);
    expect(h.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'POST', 'GET']);
  });

  it(
    'never sends again after a 200 it cannot read, ' + 'even when the search does not show the invitation yet',
    async () => {
      const h = await harness();
      h.setFault(async (req, forward) =>
        req.method === 'POST'
          ? new Response('<html>OK</html>', { status: 200, headers: { 'content-type': 'text/html' } })
          : forward(req),
      );
      const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.outcomeUnknown).toBe(true);
      expect(error.message).toMatch(/outcome is unknown.*HTTP 200.*search before sending again/);
      expect(h.posts()).toHaveLength(1);
    },
  );

  it('finds the id with a search when Partoo accepts a send without returning invitation_id', async () => {
    const h = await harness();
    h.setFault(async (req, forward) =>
      req.method === 'POST' ? (await forward(req), Response.json({ status: 'success' })) : forward(req),
    );
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    const [id] = h.mocks.partooState.invitations.keys();
    expect(result).toEqual({ status: 'sent', invitationId: id, targetPhone: '+33601020304' });
    expect(h.posts()).toHaveLength(1);
  });

  it('says the outcome is unknown when the check after a reset fails too', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    let calls = 0;
    h.setFault(async (req, forward) => {
      calls++;
      if (calls === 1) return forward(req);
      throw connectionReset();
    });
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/outcome is unknown.*search before sending again/);
  });

  it('retries a POST refused before connecting (nothing was sent)', async () => {
    const h = await harness();
    let refusals = 0;
    h.setFault(async (req, forward) => {
      if (req.method === 'POST' && refusals++ === 0) throw connectionRefused();
      return forward(req);
    });
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(h.posts()).toHaveLength(2);
  });

  it('honours Retry-After on a 429 and then sends once', async () => {
    const h = await harness();
    let limited = 0;
    h.setFault(async (req, forward) =>
      req.method === 'POST' && limited++ === 0
        ? new Response('{"errors":{"json":"Too many requests"}}', { status: 429, headers: { 'retry-after': '3' } })
        : forward(req),
    );
    expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
    expect(h.sleeps).toEqual([3000]);
    expect(h.mocks.partooState.sentCount(BIZ, '+33601020304')).toBe(1);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const h = await harness();
    let limited = 0;
    const at = new Date(Date.now() + 5000).toUTCString();
    h.setFault(async (req, forward) =>
      limited++ === 0 ? new Response('{}', { status: 429, headers: { 'retry-after': at } }) : forward(req),
    );
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(h.sleeps[0]).toBeGreaterThan(3000);
    expect(h.sleeps[0]).toBeLessThanOrEqual(5000);
  });

  it('raises RateLimitError with retryAfterMs when 429s outlast the retries', async () => {
    const h = await harness({ partoo: { maxRetries: 1 } });
    h.setFault(
      async () =>
        new Response('{"errors":{"json":"Too many requests"}}', { status: 429, headers: { 'retry-after': '7' } }),
    );
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(7000);
    expect(error.status).toBe(429);
  });

  it('turns a 400 into skipped when another worker sent between our search and our POST', async () => {
    const h = await harness();
    let otherId = '';
    h.setFault(async (req, forward) => {
      if (req.method === 'POST' && !otherId) otherId = await h.sendElsewhere('+33601020304');
      return forward(req);
    });
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'skipped', lastInvitation: { id: otherId } });
    expect(h.mocks.partooState.sentCount(BIZ, '+33601020304')).toBe(1);
  });

  it('throws BadRequestError for a 400 with no invitation behind it', async () => {
    const h = await harness();
    h.setFault(async (req, forward) =>
      req.method === 'POST'
        ? new Response('{"errors":{"json":{"business_id":["unknown"]}}}', { status: 400 })
        : forward(req),
    );
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.operation).toBe('sendReviewInvitation');
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain('business_id');
  });

  it('force sends without a search, even within the window', async () => {
    const h = await harness();
    await h.partoo.reviewBooster.sendInvitation(input);
    h.requests.length = 0;
    const forced = await h.partoo.reviewBooster.sendInvitation({ ...input, force: true });
    expect(forced.status).toBe('sent');
    expect(h.requests.map((r) => r.method)).toEqual(['POST']);
    expect(h.requests[0].body.force).toBe('True');
  });

  it('guard: false sends without searching', async () => {
    const h = await harness({ partoo: { guard: false } });
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(h.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('guard.windowDays changes the window', async () => {
    const h = await harness({ partoo: { guard: { windowDays: 1 } } });
    await h.partoo.reviewBooster.sendInvitation(input);
    h.mocks.clock.advance(DAY + 1000);
    const search = h.partoo.reviewBooster.sendInvitation(input);
    // Partoo's own 10-day rule still refuses; the guard searched and found it outside its 1-day window.
    await expect(search).rejects.toBeInstanceOf(BadRequestError);
  });

  // The search is filtered by `after`, so what it returns is recent by the server's account; a time the
  // guard cannot read must not turn that into "no recent invitation".
  it.each([
    ['missing', undefined],
    ['unreadable', '06/06/2026 11:57'],
  ])('a hit whose sent_time is %s sends nothing and says why', async (_, sentTime) => {
    const h = await harness();
    h.setFault(async (request, forward) =>
      request.method === 'GET'
        ? Response.json({
            page: 1,
            max_page: 1,
            count: 1,
            review_invitations: [{ id: 'inv-1', user_id: 'u', user_name: 'n', sent_time: sentTime }],
          })
        : forward(request),
    );
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.operation).toBe('checkDuplicatedReviewInvitation');
    expect(error.message).toMatch(/inv-1.*sent_time.*not sending.*force/s);
    expect(h.posts()).toHaveLength(0);
  });

  it('takes a search answer without its list for "nothing recent" only when it says count 0', async () => {
    const h = await harness();
    let body: object = { page: 1, max_page: 1, count: 2 };
    h.setFault(async (request, forward) => (request.method === 'GET' ? Response.json(body) : forward(request)));
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toMatch(/without review_invitations/);
    expect(h.posts()).toHaveLength(0);
    body = { page: 1, max_page: 1, count: 0 };
    expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({ status: 'sent' });
  });

  it('counts a first page the server numbers differently (e.g. 0-based): its invitations are still seen', async () => {
    const h = await harness();
    const sentAt = new Date(h.mocks.clock.now().getTime() - DAY).toISOString().replace('T', ' ').replace('Z', '+00:00');
    h.setFault(async (request, forward) =>
      request.method === 'GET'
        ? Response.json({
            page: 0,
            max_page: 0,
            count: 1,
            review_invitations: [{ id: 'inv-0', user_id: 'u', user_name: 'n', sent_time: sentAt }],
          })
        : forward(request),
    );
    expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({
      status: 'skipped',
      lastInvitation: { id: 'inv-0' },
    });
    expect(h.posts()).toHaveLength(0);
  });
});

describe('sendInvitation: validation sends nothing', () => {
  it('lists every problem at once', async () => {
    const h = await harness();
    const error = await h.partoo.reviewBooster
      .sendInvitation({
        businessId: ' ',
        targetPhone: '12',
        targetName: 'x'.repeat(256),
        inviteContent: `Merci ${'é'}! ${'a'.repeat(290)}`,
        force: 'True' as never,
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i: { field: string; rule: string }) => `${i.field}:${i.rule}`).sort()).toEqual(
      [
        'businessId:nonEmpty',
        'force:type',
        'inviteContent:ascii',
        'inviteContent:link',
        'inviteContent:maxLength',
        'targetName:maxLength',
        'targetPhone:country',
      ].sort(),
    );
    expect(h.requests).toHaveLength(0);
  });

  it('names non-ASCII characters, and strips them when asked', async () => {
    const h = await harness();
    const error = await h.partoo.reviewBooster
      .sendInvitation({ ...input, inviteContent: 'Merci beaucoup 🙏 à bientôt @link' })
      .catch((e) => e);
    expect(error.message).toContain('"🙏", "à", "ô"');
    const ok = await h.partoo.reviewBooster.sendInvitation({
      ...input,
      inviteContent: 'Merci 🙏 @link',
      stripNonAscii: true,
    });
    expect(ok.status).toBe('sent');
    expect(h.posts()[0].body.invite_content).toBe('Merci  @link');
  });

  it('asks for defaultCountry when a national number comes without one', async () => {
    const h = await harness();
    const error = await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '0601020304' }).catch((e) => e);
    expect(error.issues).toEqual([
      { field: 'targetPhone', rule: 'country', message: expect.stringContaining("set the client's defaultCountry") },
    ]);
  });

  it('rejects unknown fields and non-object input', async () => {
    const h = await harness();
    await expect(h.partoo.reviewBooster.sendInvitation({ ...input, templateId: 31 } as never)).rejects.toThrow(
      /templateId is not an accepted field/,
    );
    await expect(h.partoo.reviewBooster.sendInvitation(null as never)).rejects.toThrow(
      /input must be an object, not null/,
    );
    expect(h.requests).toHaveLength(0);
  });
});
