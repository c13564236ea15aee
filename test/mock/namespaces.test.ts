// Namespaces of the stateful mock: a Partoo key or Argyle key id `mock-<name>` reaches a namespace with its own
// clock, store, rate counter, invites and reset, so tests sharing one mock cannot see each other's sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArgyleClient, createPartooClient } from '../../src/index.js';
import { connectMockServers, startMockServers, type MockServers } from '../../src/testing/index.js';
import { MAX_NAMESPACES } from '../../src/testing/stateful/namespaces.js';

const DAY = 86_400_000;
const invitation = { businessId: 'b1', targetPhone: '+33601020304' };
let mock: MockServers;
beforeAll(async () => {
  mock = await startMockServers({ stateful: true, rateLimitPerMinute: 3 });
});
afterAll(() => mock.close());

describe('namespaces in-process', () => {
  it('a namespace keeps its own store, clock and reset; the default namespace is what it was', async () => {
    const a = mock.namespace('ns-a');
    const b = mock.namespace('ns-b');
    await Promise.all([a.reset(), b.reset(), mock.reset()]);
    expect([a.partooApiKey, a.argyleApiKeyId]).toEqual(['mock-ns-a', 'mock-ns-a']);
    expect(a.argyleApiKeySecret).toBe(mock.argyleApiKeySecret);
    expect(mock.partooApiKey).toBe('mock-partoo-api-key');
    expect(mock.namespace('default')).toMatchObject({ name: 'default', partooApiKey: 'mock-partoo-api-key' });

    expect((await a.partooClient().reviewBooster.sendInvitation(invitation)).status).toBe('sent');
    expect([a.sentCount('b1', invitation.targetPhone), b.sentCount('b1', invitation.targetPhone)]).toEqual([1, 0]);
    expect(mock.sentCount('b1', invitation.targetPhone)).toBe(0);
    // The same number in b is a first SMS there: b's store never saw a's send.
    expect((await b.partooClient().reviewBooster.sendInvitation(invitation)).status).toBe('sent');

    await a.advanceTime(10 * DAY);
    expect(a.now().getTime() - b.now().getTime()).toBeGreaterThanOrEqual(10 * DAY - 1000);
    expect(Math.abs(b.now().getTime() - mock.now().getTime())).toBeLessThan(1000);
    expect((await a.partooClient().reviewBooster.sendInvitation(invitation)).status).toBe('sent');
    expect((await b.partooClient().reviewBooster.sendInvitation(invitation)).status).toBe('skipped');

    await b.reset();
    expect([a.sentCount('b1', invitation.targetPhone), b.sentCount('b1', invitation.targetPhone)]).toEqual([2, 0]);
    expect(a.now().getTime() - mock.now().getTime()).toBeGreaterThanOrEqual(10 * DAY - 1000);
  });

  it('advanceTime has moved the clock when it returns: code that does not await it still works', async () => {
    const ns = mock.namespace('not-awaited');
    await ns.reset();
    const before = ns.now().getTime();
    const pending = ns.advanceTime(DAY);
    expect(pending).toBeInstanceOf(Promise);
    expect(ns.now().getTime() - before).toBeGreaterThanOrEqual(DAY);
    await pending;
    // The default namespace's too, on startMockServers as on connectMockServers.
    void mock.advanceTime(DAY);
    const connected = await connectMockServers(mock.connection);
    expect(connected.now().getTime() - Date.now()).toBeGreaterThanOrEqual(DAY - 1000);
    await mock.reset();
    expect(() => ns.advanceTime(-1)).toThrow(RangeError);
  });

  it('Argyle invites and the rate counter are per namespace too', async () => {
    const a = mock.namespace('argyle-a');
    await a.reset();
    await mock.reset();
    const sent = await a.argyleClient().invites.send({ firstName: 'Ada', lastName: 'L', email: 'ada@example.com' });
    const idsOf = async (client: ReturnType<MockServers['argyleClient']>) =>
      (await client.invites.list({ limit: 100 }).toArray()).map((i) => i.id);
    expect(await idsOf(a.argyleClient())).toContain(sent.id);
    expect(await idsOf(mock.argyleClient())).not.toContain(sent.id);
    expect(a.argyle.setInviteStatus(sent.id, 'completed').status).toBe('completed');
    expect(() => mock.argyle.setInviteStatus(sent.id, 'completed')).toThrow(/holds no invite/);

    // rateLimitPerMinute: 3 counts per namespace: a's three requests above leave the default's budget whole.
    const raw = (key: string) => fetch(`${mock.partooUrl}/review_booster/template`, { headers: { 'x-APIKey': key } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await raw('mock-rate-a')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await raw('mock-rate-b')).status).toBe(200);
    await mock.namespace('rate-a').reset();
    expect((await raw('mock-rate-a')).status).toBe(200);
  });

  it('a key that names no namespace is refused as any wrong key is; a namespaced key id needs the secret', async () => {
    const send = (apiKey: string) =>
      createPartooClient({ apiKey, baseUrl: mock.partooUrl, rateLimit: false, maxRetries: 0 })
        .reviewBooster.sendInvitation(invitation)
        .then(() => 200)
        .catch((e: { status?: number }) => e.status);
    expect(await send('mock-')).toBe(401);
    expect(await send('mock-has space')).toBe(401);
    expect(await send('mock-default')).toBe(401);
    expect(await send(`mock-${'x'.repeat(65)}`)).toBe(401);
    expect(await send('pk_live_other')).toBe(401);
    const argyle = (apiKeySecret: string) =>
      createArgyleClient({ apiKeyId: 'mock-sec', apiKeySecret, baseUrl: mock.argyleUrl, maxRetries: 0 })
        .invites.list()
        .toArray()
        .then(() => 200)
        .catch((e: { status?: number }) => e.status);
    expect(await argyle('wrong')).toBe(401);
    expect(await argyle(mock.argyleApiKeySecret)).toBe(200);
    expect(() => mock.namespace('a b')).toThrow(/is not a name/);
    const res = await fetch(`${mock.partooUrl}/__mock/time?namespace=a%20b`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: { json: { namespace: [expect.stringMatching(/not a name/)] } } });
  });

  it('over HTTP, each namespace has its own clock, reset and sent count', async () => {
    const connected = await connectMockServers(mock.connection);
    const [x, y] = await Promise.all([connected.namespace('http-x'), connected.namespace('http-y')]);
    await Promise.all([x.reset(), y.reset()]);
    expect((await x.partooClient().reviewBooster.sendInvitation(invitation)).status).toBe('sent');
    expect([await x.sentCount('b1', invitation.targetPhone), await y.sentCount('b1', invitation.targetPhone)]).toEqual([
      1, 0,
    ]);
    await x.advanceTime(3 * DAY);
    expect(x.now().getTime() - y.now().getTime()).toBeGreaterThanOrEqual(3 * DAY - 1000);
    expect(mock.namespace('http-x').now().getTime() - x.now().getTime()).toBeLessThan(1000);
    await x.reset();
    expect(await x.sentCount('b1', invitation.targetPhone)).toBe(0);
  });

  it(`past ${MAX_NAMESPACES} namespaces the one used longest ago is forgotten, the others kept`, async () => {
    const first = mock.namespace('lru-0');
    await first.reset();
    await first.partooClient().reviewBooster.sendInvitation(invitation);
    const kept = mock.namespace('lru-kept');
    await kept.reset();
    await kept.partooClient().reviewBooster.sendInvitation(invitation);
    for (let i = 1; i <= MAX_NAMESPACES; i++) {
      mock.namespace(`lru-${i}`);
      if (i % 100 === 0) mock.namespace('lru-kept');
    }
    expect(mock.namespace('lru-kept').sentCount('b1', invitation.targetPhone)).toBe(1);
    expect(mock.namespace('lru-0').sentCount('b1', invitation.targetPhone)).toBe(0);
    expect(mock.sentCount('b1', invitation.targetPhone)).toBe(0);
  }, 60_000);
});
