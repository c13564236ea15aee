// An invite's whole life in the stateful mock, in-process and over HTTP: sent -> initiated -> attempted ->
// completed, its deliveries and invited_at moving, reply_to stored from the send's override, and the signed
// webhook a test's receiver verifies with verifyArgyleWebhook.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyArgyleWebhook } from '../../src/argyle/webhooks.js';
import { startMockServers, createStatefulMocks, type MockServers } from '../../src/testing/index.js';
import { docBlocks } from '../support/doc-blocks.js';
import { run } from '../support/process.js';

const SECRET = 'test-webhook-secret';
type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

function caller(fetchLike: typeof fetch, base: string, id: string, secret: string): Call {
  const auth = `Basic ${btoa(`${id}:${secret}`)}`;
  return async (method, path, body) => {
    const res = await fetchLike(`${base}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
}

/** A webhook receiver of the test's own: the raw body and headers of each delivery. */
async function receiver() {
  const got: { body: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/argyle`;
  return { url, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const REPLY_TO = { email: { reply_to: ['hr@example.com', 'payroll@example.com'] } };
const SEND = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', override_invite_template: REPLY_TO };

describe('the Argyle invite lifecycle, in-process', () => {
  it('moves sent -> initiated -> attempted -> completed, deliveries with it', async () => {
    const mocks = await createStatefulMocks({ seedInvites: 0 });
    const call = caller(
      mocks.argyle as typeof fetch,
      'http://argyle.mock',
      'mock-argyle-key-id',
      'mock-argyle-key-secret',
    );
    const sent = await call('POST', '/v2/invites', { ...SEND, phone_number: '+12125555555' });
    expect(sent.body).toMatchObject({ status: 'sent', reply_to: REPLY_TO.email.reply_to });
    expect(sent.body.deliveries.map((d: any) => `${d.method}:${d.status}`)).toEqual(['email:sent', 'sms:sent']);

    mocks.clock.advance(60_000);
    const resent = (await call('POST', `/v2/invites/${sent.body.id}`)).body;
    expect(resent.deliveries).toHaveLength(4);
    expect(resent.deliveries.slice(0, 2).map((d: any) => d.sent_at)).toEqual([resent.invited_at, resent.invited_at]);
    // The mock's clock is real time plus the offset a test moved it by: a few real milliseconds pass too.
    expect(Date.parse(resent.invited_at) - Date.parse(sent.body.invited_at)).toBeGreaterThanOrEqual(60_000);

    expect(mocks.argyleState.setInviteStatus(sent.body.id, 'initiated').status).toBe('initiated');
    const initiated = (await call('GET', `/v2/invites/${sent.body.id}`)).body;
    expect(initiated.deliveries.map((d: any) => d.status)).toEqual(['opened', 'delivered', 'delivered', 'delivered']);
    mocks.argyleState.setInviteStatus(sent.body.id, 'attempted');
    mocks.argyleState.setInviteStatus(sent.body.id, 'completed');
    expect((await call('GET', `/v2/invites/${sent.body.id}`)).body.status).toBe('completed');

    const bounced = mocks.argyleState.setInviteStatus(sent.body.id, 'sent', { deliveryStatus: 'undelivered' });
    expect(bounced.deliveries[0].status).toBe('undelivered');
    expect(() => mocks.argyleState.setInviteStatus(sent.body.id, 'done' as never)).toThrow(/not one of sent/);
    expect(() => mocks.argyleState.setInviteStatus('6f1c2a9e-0000-4c3b-9d2e-00000000dead', 'sent')).toThrow(
      /no invite/,
    );
  });

  it('moves on its own with initiatedAfterMs and completedAfterMs, on the mock clock', async () => {
    const mocks = await createStatefulMocks({ seedInvites: 0, initiatedAfterMs: 60_000, completedAfterMs: 600_000 });
    const call = caller(
      mocks.argyle as typeof fetch,
      'http://argyle.mock',
      'mock-argyle-key-id',
      'mock-argyle-key-secret',
    );
    const { id, created_at: created } = (await call('POST', '/v2/invites', SEND)).body;
    const status = async () => (await call('GET', `/v2/invites/${id}`)).body;
    mocks.clock.advance(50_000);
    expect((await status()).status).toBe('sent');
    mocks.clock.advance(10_000);
    expect((await status()).status).toBe('initiated');
    mocks.clock.advance(600_000);
    const done = await status();
    expect(done.status).toBe('completed');
    // Each step at the moment it was due, not when it was looked at.
    expect(Date.parse(done.updated_at) - Date.parse(created)).toBe(660_000);
    const listed = (await call('GET', '/v2/invites?status=completed')).body.results;
    expect(listed.map((i: any) => i.id)).toEqual([id]);
  });

  it('revoke moves invited_at; lists carry user_token null; reply_to filters', async () => {
    const mocks = await createStatefulMocks({ seedInvites: 2 });
    const call = caller(
      mocks.argyle as typeof fetch,
      'http://argyle.mock',
      'mock-argyle-key-id',
      'mock-argyle-key-secret',
    );
    const sent = (await call('POST', '/v2/invites', SEND)).body;
    expect(sent.user_token).toMatch(/^mock-user-token-/);
    mocks.clock.advance(1_000);
    const revoked = (await call('POST', `/v2/invites/${sent.id}/revoke`)).body;
    expect(revoked).toMatchObject({ status: 'revoked', revoked_at: revoked.invited_at });
    expect(Date.parse(revoked.invited_at) - Date.parse(sent.invited_at)).toBeGreaterThanOrEqual(1_000);
    const all = (await call('GET', '/v2/invites')).body.results;
    expect(all).toHaveLength(3);
    expect(all.every((i: any) => i.user_token === null)).toBe(true);
    const byReplyTo = (await call('GET', '/v2/invites?reply_to=payroll%40example.com')).body.results;
    expect(byReplyTo.map((i: any) => i.id)).toEqual([sent.id]);
    expect((await call('GET', '/v2/invites?reply_to=nobody%40example.com')).body.results).toEqual([]);
  });
});

describe('the Argyle invite lifecycle, over HTTP', () => {
  let mock: MockServers;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let call: Call;
  beforeAll(async () => {
    mock = await startMockServers({ stateful: true, seedInvites: 0 });
    hook = await receiver();
    call = caller(fetch, mock.argyleUrl, mock.argyleApiKeyId, mock.argyleApiKeySecret);
  });
  afterAll(async () => {
    await mock?.close();
    await hook?.close();
  });

  it('drives an invite to completed through /__mock/argyle and the mock sends a webhook that verifies', async () => {
    const sent = (await call('POST', '/v2/invites', SEND)).body;
    const control = (path: string, body: unknown) =>
      fetch(`${mock.argyleUrl}/__mock/argyle/${path}`, { method: 'POST', body: JSON.stringify(body) });
    for (const status of ['initiated', 'attempted', 'completed']) {
      const moved = await control(`invites/${sent.id}/status`, { status });
      expect(moved.status).toBe(200);
      expect(((await moved.json()) as any).status).toBe(status);
    }
    const seen = (await call('GET', `/v2/invites/${sent.id}`)).body;
    expect(seen).toMatchObject({ status: 'completed', deliveries: [{ status: 'opened' }] });
    expect((await control(`invites/${sent.id}/status`, { status: 'finished' })).status).toBe(400);
    expect((await control('invites/6f1c2a9e-0000-4c3b-9d2e-00000000dead/status', { status: 'sent' })).status).toBe(404);

    const answer = await control('webhooks', {
      url: hook.url,
      secret: SECRET,
      event: 'accounts.connected',
      invite_id: sent.id,
    });
    expect(((await answer.json()) as any).status).toBe(204);
    const delivery = hook.got.at(-1)!;
    const event = await verifyArgyleWebhook(delivery.body, delivery.headers['x-argyle-signature'] as string, SECRET);
    expect(event).toMatchObject({ event: 'accounts.connected', data: { user: sent.user } });
    await expect(
      verifyArgyleWebhook(delivery.body, delivery.headers['x-argyle-signature'] as string, 'x'),
    ).rejects.toThrow(/does not match/);
  });

  it("docs/argyle.md's curl line moves an invite as written", async () => {
    const sent = (await call('POST', '/v2/invites', SEND)).body;
    const sh = docBlocks('docs/argyle.md').find((b) => b.lang === 'sh' && b.code.includes('curl '))!.code;
    const env = { ARGYLE_MOCK_URL: mock.argyleUrl, INVITE_ID: sent.id };
    const exit = await run('sh', ['-c', sh.replace(/^curl /m, 'curl --fail-with-body ')], { env, timeoutMs: 15_000 });
    expect([exit.code, JSON.parse(exit.out).status]).toEqual([0, 'completed']);
    expect((await call('GET', `/v2/invites/${sent.id}`)).body.status).toBe('completed');
  });

  it('in-process too: mock.argyle moves the invite the HTTP API serves, and sends every event type', async () => {
    const sent = (await call('POST', '/v2/invites', SEND)).body;
    mock.argyle.setInviteStatus(sent.id, 'completed');
    expect((await call('GET', `/v2/invites/${sent.id}`)).body.status).toBe('completed');
    const users = new Set<string>();
    const accounts = new Set<string>();
    for (const event of ['accounts.added', 'accounts.connected', 'accounts.failed', 'users.fully_synced']) {
      const out = await mock.argyle.sendWebhook({ url: hook.url, secret: SECRET, event, inviteId: sent.id });
      expect(out.status).toBe(204);
      const got = hook.got.at(-1)!;
      expect(got.body).toBe(out.body);
      const verified = (await verifyArgyleWebhook(
        got.body,
        got.headers['x-argyle-signature'] as string,
        SECRET,
      )) as any;
      users.add(verified.data.user);
      if (verified.data.account) accounts.add(verified.data.account);
      if (event === 'accounts.failed') expect(verified.data.error_code).toBeTruthy();
      if (event === 'users.fully_synced') expect(verified.data.resource.accounts_connected).toEqual([...accounts]);
    }
    expect([...users]).toEqual([sent.user]);
    expect(accounts.size).toBe(1);
    await expect(
      mock.argyle.sendWebhook({ url: hook.url, secret: SECRET, event: 'invites.done', inviteId: sent.id }),
    ).rejects.toThrow(/not one of/);
  });
});
