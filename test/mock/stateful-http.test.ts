// The stateful mock on real sockets, through the real clients; every response checked against the spec.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  NotFoundError,
  createArgyleClient,
  createPartooClient,
  RateLimitError,
  ServerError,
} from '../../src/index.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { operationIds, validatorFor } from '../contract/helpers.js';
import { asRequest } from '../support/request.js';

let mock: MockServers;
const seen = new Map<string, Set<number>>();
const problems: string[] = [];

/** A fetch that checks every response of the mock against the spec, by Prism's validator. */
function validatingFetch(spec: 'partoo' | 'argyle') {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = asRequest(input, init);
    const response = await fetch(request);
    const v = await validatorFor(spec);
    const path = new URL(request.url).pathname;
    const op = v.route(request.method, path);
    if (!op) throw new Error(`no operation for ${request.method} ${path}`);
    const text = await response.clone().text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    for (const p of v.checkResponse(op, {
      status: response.status,
      headers,
      body: text ? JSON.parse(text) : undefined,
    }))
      problems.push(`${op.iid} ${response.status}: ${p}`);
    const id = op.iid ?? `${request.method} ${path}`;
    if (!seen.has(id)) seen.set(id, new Set());
    seen.get(id)!.add(response.status);
    return response;
  }) as typeof fetch;
}

beforeAll(async () => {
  mock = await startMockServers({ stateful: true, sentAfterMs: 10, deliveredAfterMs: 10 });
});
afterAll(async () => {
  await mock.close();
  await mock.close(); // idempotent
});
beforeEach(() => mock.reset());

const partoo = (extra = {}) =>
  createPartooClient({
    apiKey: mock.partooApiKey,
    baseUrl: mock.partooUrl,
    now: () => mock.now(),
    fetch: validatingFetch('partoo'),
    maxRetries: 0,
    ...extra,
  });
const argyle = (extra = {}) =>
  createArgyleClient({
    apiKeyId: mock.argyleApiKeyId,
    apiKeySecret: mock.argyleApiKeySecret,
    baseUrl: mock.argyleUrl,
    fetch: validatingFetch('argyle'),
    maxRetries: 0,
    ...extra,
  });
const BIZ = 'biz-1';

describe('stateful mock over HTTP', () => {
  it('Partoo: send, refuse the repeat with a 400, search, status, template and expeditor', async () => {
    const p = partoo();
    const sent = await p.reviewBooster.sendInvitation({
      businessId: BIZ,
      targetPhone: '+33601020304',
      inviteContent: 'Hi @link',
    });
    expect(sent.status).toBe('sent');
    const raw = await p.api.POST('/review_booster/send_invitation', {
      body: { business_id: BIZ, target_phone: '+33601020304' },
    });
    expect(raw.response.status).toBe(400);
    expect(raw.error).toMatchObject({ errors: { json: { target_phone: [expect.any(String)] } } });
    const forced = await p.api.POST('/review_booster/send_invitation', {
      body: { business_id: BIZ, target_phone: '+33601020304', force: 'True' },
    });
    expect(forced.response.status).toBe(200);
    expect(
      await p.reviewBooster.searchInvitations({ businessId: BIZ, targetPhone: '+33601020304' }).toArray(),
    ).toHaveLength(2);
    expect(
      await p.reviewBooster
        .searchInvitations({
          businessId: BIZ,
          targetPhone: '+33601020304',
          after: new Date(mock.now().getTime() + 1000),
        })
        .toArray(),
    ).toHaveLength(0);
    if (sent.status === 'sent')
      expect(await p.reviewBooster.waitForFinalStatus(sent.invitationId, { intervalMs: 5 })).toBe('DELIVERED');
    expect(
      (
        await p.api.GET('/review_booster/invitation_status', {
          params: { query: { invitation_id: 'd3d8c966-0356-4ec0-baae-13ec3622ebc2' } },
        })
      ).response.status,
    ).toBe(404);
    expect((await p.api.GET('/review_booster/template')).data).toMatchObject({
      text: expect.stringContaining('${url}'),
    });
    expect((await p.api.POST('/review_booster/template', { body: { text: 'Review us: ${url}' } })).data).toMatchObject({
      text: 'Review us: ${url}',
    });
    expect((await p.api.POST('/review_booster/template', { body: { text: 'no placeholder' } })).response.status).toBe(
      400,
    );
    expect(
      (
        await p.api.POST('/review_booster/expeditor/{business_id}', {
          params: { path: { business_id: BIZ } },
          body: { expeditor_name: 'MyShop' },
        })
      ).data,
    ).toEqual({ expeditor_name: 'MyShop' });
    expect(
      (await p.api.GET('/review_booster/expeditor/{business_id}', { params: { path: { business_id: BIZ } } })).data,
    ).toEqual({ expeditor_name: 'MyShop' });
    expect(
      (
        await p.api.POST('/review_booster/expeditor/{business_id}', {
          params: { path: { business_id: BIZ } },
          body: { expeditor_name: 'x' },
        })
      ).response.status,
    ).toBe(400);
  });

  it('Partoo: the phone convention yields failures', async () => {
    const p = partoo();
    const a = await p.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020001' });
    const b = await p.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020000' });
    if (a.status !== 'sent' || b.status !== 'sent') throw new Error('not sent');
    expect(await p.reviewBooster.waitForFinalStatus(a.invitationId, { intervalMs: 5 })).toBe('FAILED_SEND');
    expect(await p.reviewBooster.waitForFinalStatus(b.invitationId, { intervalMs: 5 })).toBe('FAILED_DELIVERY');
  });

  it('Argyle: send, get, resend, revoke, list with status filter', async () => {
    const a = argyle();
    const invite = await a.invites.send({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
    expect((await a.invites.get(invite.id)).id).toBe(invite.id);
    expect((await a.invites.resend(invite.id)).deliveries).toHaveLength(2);
    expect((await a.invites.revoke(invite.id)).status).toBe('revoked');
    expect((await a.invites.list({ status: ['revoked'] }).toArray()).map((i) => i.id)).toEqual([invite.id]);
    expect(await a.invites.list({ limit: 4 }).toArray()).toHaveLength(6);
    expect(
      (await a.api.GET('/v2/invites/{id}', { params: { path: { id: 'd3d8c966-0356-4ec0-baae-13ec3622ebc2' } } }))
        .response.status,
    ).toBe(404);
    expect(
      (await a.api.POST('/v2/invites/{id}', { params: { path: { id: 'd3d8c966-0356-4ec0-baae-13ec3622ebc2' } } }))
        .response.status,
    ).toBe(404);
    expect(
      (
        await a.api.POST('/v2/invites/{id}/revoke', {
          params: { path: { id: 'd3d8c966-0356-4ec0-baae-13ec3622ebc2' } },
        })
      ).response.status,
    ).toBe(404);
    expect(
      (await a.api.POST('/v2/invites', { body: { first_name: 'A', last_name: 'B' } as never })).response.status,
    ).toBe(400);
    expect((await a.api.GET('/v2/invites', { params: { query: { status: ['nope' as never] } } })).response.status).toBe(
      400,
    );
  });

  it("rejects wrong credentials with each API's 401 body", async () => {
    await expect(partoo({ apiKey: 'wrong-key-123' }).reviewBooster.getInvitationStatus('x')).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    const error = await argyle({ apiKeySecret: 'wrong-secret' })
      .invites.list()
      .toArray()
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.body).toEqual({ detail: 'Invalid username/password.' });
  });

  it('answered every operation, and every response matched the spec', () => {
    expect([...seen.keys()].sort()).toEqual([...operationIds('partoo'), ...operationIds('argyle')].sort());
    expect(problems).toEqual([]);
  });
});

describe('clock control over HTTP', () => {
  it('moves the clock through the control endpoint, and reset rewinds it', async () => {
    const before = mock.now().getTime();
    const res = await fetch(`${mock.partooUrl}/__mock/advance-time`, {
      method: 'POST',
      body: JSON.stringify({ ms: 86_400_000 }),
    });
    expect(res.status).toBe(200);
    expect(mock.now().getTime() - before).toBeGreaterThanOrEqual(86_400_000);
    expect((await fetch(`${mock.argyleUrl}/__mock/advance-time`, { method: 'POST', body: '{"ms": -1}' })).status).toBe(
      400,
    );
    await fetch(`${mock.argyleUrl}/__mock/reset`, { method: 'POST' });
    expect(mock.now().getTime() - before).toBeLessThan(60_000);
  });
});

describe('faults', () => {
  it('failRate 1 answers 500, rateLimitPerMinute answers 429 with Retry-After, latencyMs delays', async () => {
    const failing = await startMockServers({ stateful: true, failRate: 1 });
    const limited = await startMockServers({ stateful: true, rateLimitPerMinute: 2, latencyMs: 30 });
    try {
      const p1 = createPartooClient({ apiKey: failing.partooApiKey, baseUrl: failing.partooUrl, maxRetries: 0 });
      await expect(p1.reviewBooster.getInvitationStatus('x')).rejects.toBeInstanceOf(ServerError);
      const p2 = createPartooClient({
        apiKey: limited.partooApiKey,
        baseUrl: limited.partooUrl,
        maxRetries: 0,
        now: () => limited.now(),
      });
      const started = Date.now();
      await p2.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020304' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(60);
      const error = await p2.reviewBooster.getInvitationStatus('x').catch((e) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.retryAfterMs).toBeGreaterThan(0);
      expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
      limited.advanceTime(60_000);
      // the next minute is open again
      await expect(p2.reviewBooster.getInvitationStatus('x')).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await Promise.all([failing.close(), limited.close()]);
    }
  });

  it('a taken port gives a clear error and leaves nothing running', async () => {
    const first = await startMockServers({ stateful: true });
    try {
      const port = Number(new URL(first.argyleUrl).port);
      await expect(startMockServers({ stateful: true, portArgyle: port })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      await first.close();
    }
  });
});
