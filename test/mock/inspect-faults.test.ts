// What a test reads back from the stateful mock and the failures it sets up, in-process and over HTTP: the SMS
// count, the request journal (never a header value or a body), queued faults, a seeded fail rate.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { argyleErrors, partooErrors } from '../../src/testing/api-errors.js';
import { withControl } from '../../src/testing/control.js';
import {
  connectMockServers,
  createStatefulMocks,
  startMockServers,
  type MockServers,
} from '../../src/testing/index.js';
import { MockClock } from '../../src/testing/stateful/clock.js';
import { JOURNAL_LIMIT } from '../../src/testing/stateful/journal.js';

const PHONE = '+33601020304';
const SEND = '/review_booster/send_invitation';
let mock: MockServers;
beforeAll(async () => {
  mock = await startMockServers({ stateful: true, apiKey: 'pk_live_4f9a0c2e7d1b', apiKeySecret: 'sk_live_b71e' });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

/** A raw send on the Partoo mock: what a client in any language does. */
const post = (body: object, key = mock.partooApiKey) =>
  fetch(`${mock.partooUrl}/v2${SEND}`, {
    method: 'POST',
    headers: { 'x-APIKey': key, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const body = { business_id: 'b1', target_phone: PHONE, target_name: 'Ada Secretname' };
const control = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${mock.partooUrl}/__mock/${path}`, init);
  return { status: res.status, body: await res.json() };
};
const queue = (fault: object, namespace = 'default') =>
  control(`faults?namespace=${namespace}`, { method: 'POST', body: JSON.stringify(fault) });

describe('GET /__mock/sent', () => {
  it('counts the SMS to one number of one business, per namespace; a bare + is refused, not counted as 0', async () => {
    expect((await post(body)).status).toBe(200);
    const q = (phone: string, extra = '') => `sent?business_id=b1&target_phone=${phone}${extra}`;
    expect(await control(q('%2B33601020304'))).toEqual({ status: 200, body: { count: 1 } });
    expect(await control(q('%2B33601020399'))).toEqual({ status: 200, body: { count: 0 } });
    expect(await control(q('%2B33601020304', '&namespace=elsewhere'))).toEqual({ status: 200, body: { count: 0 } });
    const bare = await control(q('+33601020304'));
    expect(bare.status).toBe(400);
    expect(bare.body.errors.json.target_phone[0]).toMatch(/%2B/);
    expect((await control('sent?target_phone=%2B33601020304')).body).toEqual(
      partooErrors.invalid('is required, once', 'business_id'),
    );
  });
});

describe('GET /__mock/requests', () => {
  it('journals method, path, status, time and namespace; never a key, a Basic header, a query or a body', async () => {
    await post(body);
    await post(body, 'pk_live_wrong_key_1234');
    await fetch(`${mock.argyleUrl}/v2/invites?limit=1`, {
      headers: { authorization: `Basic ${btoa(`${mock.argyleApiKeyId}:${mock.argyleApiKeySecret}`)}` },
    });
    await fetch(`${mock.partooUrl}/review_booster/template`, { headers: { 'x-APIKey': 'mock-other' } });
    const { status, body: journal } = await control('requests');
    expect(status).toBe(200);
    expect(journal.requests).toEqual([
      {
        api: 'partoo',
        method: 'POST',
        path: `/v2${SEND}`,
        status: 200,
        time: expect.any(String),
        namespace: 'default',
      },
      {
        api: 'partoo',
        method: 'POST',
        path: `/v2${SEND}`,
        status: 401,
        time: expect.any(String),
        namespace: 'default',
      },
      {
        api: 'argyle',
        method: 'GET',
        path: '/v2/invites',
        status: 200,
        time: expect.any(String),
        namespace: 'default',
      },
    ]);
    expect(Date.parse(journal.requests[0].time)).toBeGreaterThan(0);
    const text = JSON.stringify(journal) + JSON.stringify(mock.requests());
    for (const secret of ['pk_live', 'sk_live', 'Secretname', '33601020304', 'limit=1', 'Basic'])
      expect(text).not.toContain(secret);
    expect(mock.namespace('other').requests()).toMatchObject([{ path: '/review_booster/template', status: 200 }]);
    expect((await control('requests?limit=1')).body.requests).toHaveLength(1);
    expect((await control('requests?limit=-1')).status).toBe(400);
  });

  it(`keeps the newest ${JOURNAL_LIMIT}, counting the ones it dropped; a reset empties it`, async () => {
    const ns = mock.namespace('bounded');
    await ns.reset();
    const key = { headers: { 'x-APIKey': ns.partooApiKey } };
    for (let i = 0; i < JOURNAL_LIMIT + 7; i += 50)
      await Promise.all(
        Array.from({ length: Math.min(50, JOURNAL_LIMIT + 7 - i) }, () =>
          fetch(`${mock.partooUrl}/review_booster/template`, key),
        ),
      );
    const { body: journal } = await control('requests?namespace=bounded');
    expect([journal.requests.length, journal.dropped]).toEqual([JOURNAL_LIMIT, 7]);
    await ns.reset();
    expect((await control('requests?namespace=bounded')).body).toEqual({
      namespace: 'bounded',
      requests: [],
      dropped: 0,
    });
  });
});

describe('POST /__mock/faults', () => {
  it('500 and 503 answer without acting, in the API error shape; the next request is served', async () => {
    expect((await queue({ fault: '500' })).status).toBe(200);
    await queue({ fault: '503', api: 'argyle' });
    const first = await post(body);
    expect([first.status, await first.json()]).toEqual([500, partooErrors.fixed(500)]);
    expect(mock.sentCount('b1', PHONE)).toBe(0);
    const argyle = await mock
      .argyleClient({ maxRetries: 0 })
      .invites.list()
      .toArray()
      .catch((e) => e);
    expect(argyle).toMatchObject({ status: 503 });
    expect((await post(body)).status).toBe(200);
    expect(mock.sentCount('b1', PHONE)).toBe(1);
    expect(mock.requests().map((r) => [r.status, r.fault])).toEqual([
      [500, '500'],
      [503, '503'],
      [200, undefined],
    ]);
  });

  it('reset and timeout drop the connection without acting; acted-then-* act first', async () => {
    await mock.queueFault({ fault: 'reset', path: SEND });
    await expect(post(body)).rejects.toThrow(TypeError);
    expect(mock.sentCount('b1', PHONE)).toBe(0);

    await mock.queueFault({ fault: 'timeout', path: SEND, ms: 50 });
    const started = performance.now();
    await expect(post(body)).rejects.toThrow(TypeError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(mock.sentCount('b1', PHONE)).toBe(0);

    await mock.queueFault({ fault: 'acted-then-reset', path: SEND });
    await expect(post(body)).rejects.toThrow(TypeError);
    expect(mock.sentCount('b1', PHONE)).toBe(1);

    await mock.queueFault({ fault: 'acted-then-500', path: SEND });
    const acted = await post({ ...body, target_phone: '+33601020305' });
    expect([acted.status, await acted.json()]).toEqual([500, partooErrors.fixed(500)]);
    expect(mock.sentCount('b1', '+33601020305')).toBe(1);
    expect(mock.requests().map((r) => [r.status, r.fault])).toEqual([
      [0, 'reset'],
      [0, 'timeout'],
      [0, 'acted-then-reset'],
      [500, 'acted-then-500'],
    ]);
  });

  it('a timeout gives up when its caller does', async () => {
    await mock.queueFault({ fault: 'timeout', ms: 600_000 });
    const partoo = mock.partooClient({ timeoutMs: 100, maxRetries: 0 });
    await expect(partoo.reviewBooster.getInvitationStatus('any')).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(mock.pendingFaults()).toEqual([]);
  });

  it("the SDK's send meets acted-then-500 and checks instead of repeating: one SMS, reported sent", async () => {
    await mock.queueFault({ fault: 'acted-then-500', method: 'POST', path: SEND });
    const partoo = mock.partooClient({ guard: { settleMs: 50 } });
    const result = await partoo.reviewBooster.sendInvitation({ businessId: 'b1', targetPhone: PHONE });
    expect(result.status).toBe('sent');
    expect(mock.sentCount('b1', PHONE)).toBe(1);
    expect(mock.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('takes the next N matching requests, first queued first; others pass; a reset drops what waits', async () => {
    await mock.queueFault({ fault: '503', count: 2, method: 'POST', path: SEND });
    await mock.queueFault({ fault: '500', api: 'argyle', path: '/v2/invites/{id}' });
    const template = await fetch(`${mock.partooUrl}/review_booster/template`, {
      headers: { 'x-APIKey': mock.partooApiKey },
    });
    expect(template.status).toBe(200);
    expect([(await post(body)).status, (await post(body)).status, (await post(body)).status]).toEqual([503, 503, 200]);
    const argyle = mock.argyleClient({ maxRetries: 0 });
    await argyle.invites.list().toArray();
    const [invite] = await argyle.invites.list({ limit: 1 }).toArray();
    await expect(argyle.invites.get(invite.id)).rejects.toMatchObject({ status: 500 });
    expect(mock.pendingFaults()).toEqual([]);
    await mock.queueFault({ fault: '500', count: 3 });
    expect(mock.pendingFaults()).toEqual([{ fault: '500', remaining: 3, ms: 60_000 }]);
    await mock.reset();
    expect(mock.pendingFaults()).toEqual([]);
  });

  it('a bad fault is refused whole, naming the field, and nothing is queued', async () => {
    for (const [fault, field] of [
      [{ fault: '502' }, 'fault'],
      [{ fault: '500', count: 0 }, 'count'],
      [{ fault: '500', count: 1.5 }, 'count'],
      [{ fault: '500', method: 'FETCH' }, 'method'],
      [{ fault: '500', path: 'review_booster' }, 'path'],
      [{ fault: '500', api: 'stripe' }, 'api'],
      [{ fault: 'timeout', ms: -1 }, 'ms'],
    ] as const) {
      const answer = await queue(fault);
      expect(answer.status, JSON.stringify(fault)).toBe(400);
      expect(Object.keys(answer.body.errors.json)).toEqual([field]);
    }
    expect((await control('faults', { method: 'POST', body: 'not json' })).status).toBe(400);
    await expect(mock.queueFault({ fault: 'nope' } as never)).rejects.toThrow(/fault: must be one of/);
    expect((await control('faults')).body).toEqual({ namespace: 'default', faults: [] });
  });

  it('a fault queued in one namespace is taken only by that namespace', async () => {
    await queue({ fault: '500' }, 'faulty');
    expect((await post(body)).status).toBe(200);
    expect((await post(body, 'mock-faulty')).status).toBe(500);
    expect((await control('faults?namespace=faulty', { method: 'DELETE' })).body.faults).toEqual([]);
  });
});

describe('connectMockServers() has the same sent count, journal and faults', () => {
  it('over HTTP, per namespace', async () => {
    const connected = await connectMockServers(mock.connection);
    const ns = await connected.namespace('connected');
    await ns.reset();
    await ns.queueFault({ fault: 'acted-then-500', path: SEND });
    expect(await ns.pendingFaults()).toEqual([{ fault: 'acted-then-500', remaining: 1, ms: 60_000, path: SEND }]);
    const partoo = ns.partooClient({ guard: { settleMs: 50 } });
    const result = await partoo.reviewBooster.sendInvitation({ businessId: 'b1', targetPhone: PHONE });
    expect(result.status).toBe('sent');
    expect(await ns.sentCount('b1', PHONE)).toBe(1);
    expect(await connected.sentCount('b1', PHONE)).toBe(0);
    const journal = await ns.requests();
    expect(journal.find((r) => r.fault)).toMatchObject({ method: 'POST', status: 500, namespace: 'connected' });
    expect(await ns.requests(1)).toHaveLength(1);
    await expect(ns.queueFault({ fault: '500', count: -2 })).rejects.toThrow(/HTTP 400.*count/);
  });
});

describe('in-process fetch and the spec', () => {
  it('createStatefulMocks: a dropped connection rejects as fetch does', async () => {
    const mocks = await createStatefulMocks();
    mocks.namespaces.default.faults.add({ fault: 'reset', remaining: 1, ms: 0 });
    const request = new Request('http://mock/review_booster/template', {
      headers: { 'x-APIKey': 'mock-partoo-api-key' },
    });
    await expect(mocks.partoo(request)).rejects.toThrow(TypeError);
  });

  it('a seeded fail rate fails the same requests every run, each namespace on its own draws', async () => {
    const statuses = async (seed: number, noise: boolean) => {
      const mocks = await createStatefulMocks({ failRate: 0.5, seed });
      const out: number[] = [];
      for (let i = 0; i < 30; i++) {
        if (noise)
          await mocks.partoo(new Request('http://m/review_booster/template', { headers: { 'x-APIKey': 'mock-b' } }));
        const r = await mocks.partoo(
          new Request('http://m/review_booster/template', { headers: { 'x-APIKey': 'mock-a' } }),
        );
        out.push(r.status);
      }
      return out;
    };
    const run = await statuses(7, false);
    expect(run).toContain(500);
    expect(run).toContain(200);
    expect(await statuses(7, true)).toEqual(run);
    expect(await statuses(8, false)).not.toEqual(run);
  });

  it('static mode: the clock answers, what needs state says so', async () => {
    const clock = new MockClock();
    const fetcher = withControl(
      async () => new Response('inner'),
      clock,
      () => clock.reset(),
      argyleErrors,
    );
    expect((await fetcher('http://m/__mock/time')).status).toBe(200);
    for (const path of ['sent?business_id=b&target_phone=%2B3', 'requests', 'faults', 'time?namespace=x']) {
      const res = await fetcher(`http://m/__mock/${path}`);
      expect([res.status, (await res.json()).mode?.[0]]).toEqual([400, expect.stringMatching(/stateful/)]);
    }
    expect((await fetcher('http://m/__mock/openapi.yaml')).status).toBe(200);
  });
});
