// One behaviour in both modes: the partner flow of README and a table of edge requests get the same answers
// from the static mock (Prism behind its front) and from the stateful one.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, createArgyleClient, createPartooClient } from '../../src/index.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/testing/http.js';
import { START_TIMEOUT_MS } from '../../src/testing/prism.js';
import { validatorFor } from '../contract/helpers.js';

const DAY = 86_400_000;
const modes: Record<'static' | 'stateful', MockServers> = {} as never;
beforeAll(
  async () => {
    // The static list is the spec's examples: 5 invites on 3 pages, which Prism never adds to; 4 seeds and the
    // flow's own send make the stateful list the same length.
    [modes.static, modes.stateful] = await Promise.all([
      startMockServers(),
      startMockServers({ stateful: true, seedInvites: 4 }),
    ]);
  },
  2 * START_TIMEOUT_MS + 5_000,
);
afterAll(async () => {
  await Promise.all(Object.values(modes).map((m) => m?.close()));
});

/** send, skip, advance, send, status, Argyle send / list across pages / revoke, as README's Quick start. */
async function partnerFlow(mock: MockServers) {
  const partoo = mock.partooClient({ maxRetries: 0 });
  const input = { businessId: 'biz-1', targetPhone: '+33601020304', inviteContent: 'Thanks! Review us: @link' };
  const first = await partoo.reviewBooster.sendInvitation(input);
  const repeat = await partoo.reviewBooster.sendInvitation(input);
  mock.advanceTime(11 * DAY);
  const later = await partoo.reviewBooster.sendInvitation(input);
  mock.advanceTime(60_000); // past the stateful mock's CREATED -> SENT -> DELIVERED
  const status = later.status === 'sent' ? await partoo.reviewBooster.getInvitationStatus(later.invitationId) : 'none';
  // The production base URL's shape (…/v2) works against the mock too.
  const viaV2 = createPartooClient({ apiKey: mock.partooApiKey, baseUrl: `${mock.partooUrl}/v2`, maxRetries: 0 });
  const statusViaV2 =
    later.status === 'sent' ? await viaV2.reviewBooster.getInvitationStatus(later.invitationId) : 'none';

  const argyle = mock.argyleClient({ maxRetries: 0 });
  const invite = await argyle.invites.send({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
  let pages = 0;
  let items = 0;
  for await (const page of argyle.invites.list({ limit: 2 }).pages()) {
    pages++;
    items += page.items.length;
  }
  const revoked = await argyle.invites.revoke(invite.id);
  return {
    first: first.status,
    repeat: repeat.status,
    later: later.status,
    status,
    statusViaV2,
    pages,
    items,
    revoked: revoked.status,
  };
}

async function wrongCredentials(mock: MockServers) {
  const caught = async (p: Promise<unknown>) =>
    p.then(
      () => 'no error',
      (e: unknown) => e,
    );
  const partoo = createPartooClient({ apiKey: 'not-the-key', baseUrl: mock.partooUrl, maxRetries: 0 });
  const argyle = createArgyleClient({
    apiKeyId: mock.argyleApiKeyId,
    apiKeySecret: 'wrong',
    baseUrl: mock.argyleUrl,
    maxRetries: 0,
  });
  const errors = [
    await caught(partoo.reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33601020399' })),
    await caught(partoo.reviewBooster.getInvitationStatus('d3d8c966-0356-4ec0-baae-13ec3622ebc2')),
    await caught(argyle.invites.list().toArray()),
  ];
  return errors.map((e) => (e instanceof AuthenticationError ? { status: e.status, body: e.body } : String(e)));
}

describe('static and stateful mocks behave the same', () => {
  it('the README partner flow gives the same results', async () => {
    const [a, b] = [await partnerFlow(modes.static), await partnerFlow(modes.stateful)];
    expect(a).toEqual({
      first: 'sent',
      repeat: 'skipped',
      later: 'sent',
      status: 'DELIVERED',
      statusViaV2: 'DELIVERED',
      pages: 3,
      items: 5,
      revoked: 'revoked',
    });
    expect(b).toEqual(a);
  });

  it('the 401 of invitation_status and search-invitation is in the spec the mocks serve (upstream gap)', async () => {
    const v = await validatorFor('partoo');
    for (const mock of Object.values(modes)) {
      for (const path of ['/review_booster/invitation_status', '/review_booster/search-invitation']) {
        const res = await fetch(`${mock.partooUrl}${path}?invitation_id=x&business_id=b&target_phone=x`);
        expect(res.status).toBe(401);
        const op = v.route('GET', path)!;
        // (an undocumented 4xx is only a warning to the validator: the status must be listed)
        expect(op.responses.map((r) => r.code)).toContain('401');
        expect(v.checkResponse(op, { status: 401, body: await res.json() })).toEqual([]);
      }
    }
  });

  it('wrong credentials: 401 with the API body, in both', async () => {
    const [a, b] = [await wrongCredentials(modes.static), await wrongCredentials(modes.stateful)];
    expect(a).toEqual([
      { status: 401, body: { errors: { authentication: 'User not authenticated' } } },
      { status: 401, body: { errors: { authentication: 'User not authenticated' } } },
      { status: 401, body: { detail: 'Invalid username/password.' } },
    ]);
    expect(b).toEqual(a);
  });

  it('a 401 names the key to check, option and environment variable', async () => {
    const mock = modes.stateful;
    const partoo = createPartooClient({ apiKey: 'not-the-key', baseUrl: mock.partooUrl, maxRetries: 0 });
    const argyle = createArgyleClient({ apiKeyId: 'x', apiKeySecret: 'not-the-secret', baseUrl: mock.argyleUrl });
    const p = await partoo.reviewBooster.getInvitationStatus('d3d8c966-0356-4ec0-baae-13ec3622ebc2').catch((e) => e);
    expect(p.message).toContain('check the apiKey option or PARTOO_API_KEY');
    const a = await argyle.invites.get('d3d8c966-0356-4ec0-baae-13ec3622ebc2').catch((e) => e);
    expect(a.message).toContain('ARGYLE_API_KEY_ID and ARGYLE_API_KEY_SECRET');
    expect(`${p.message} ${a.message}`).not.toMatch(/not-the-(key|secret)/);
  });

  const P = (m: MockServers) => ({
    base: m.partooUrl,
    headers: { 'x-APIKey': m.partooApiKey, 'content-type': 'application/json' },
  });
  const A = (m: MockServers) => ({
    base: m.argyleUrl,
    headers: {
      authorization: `Basic ${btoa(`${m.argyleApiKeyId}:${m.argyleApiKeySecret}`)}`,
      'content-type': 'application/json',
    },
  });
  const table: [string, (m: MockServers) => { base: string; headers: Record<string, string> }, string, RequestInit?][] =
    [
      ['unknown path, no key', (m) => ({ base: m.partooUrl, headers: {} }), '/nope'],
      ['unknown path', P, '/review_booster/nope'],
      ['wrong method', P, '/review_booster/send_invitation', { method: 'DELETE' }],
      ['/v2 prefix (Partoo)', P, '/v2/review_booster/template'],
      ['status without invitation_id', P, '/review_booster/invitation_status'],
      ['invalid JSON (Partoo)', P, '/review_booster/send_invitation', { method: 'POST', body: '{"business_id":' }],
      ['invalid JSON (Argyle)', A, '/v2/invites', { method: 'POST', body: '{' }],
      // once `{"Body": [...]}` and `{"Supported": [...]}`: a problem of the whole body under the API's own key
      ['no body', P, '/review_booster/send_invitation', { method: 'POST' }],
      [
        'form body',
        P,
        '/review_booster/send_invitation',
        { method: 'POST', body: 'business_id=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      ],
      ['search without after', P, '/review_booster/search-invitation?business_id=b&target_phone=x&after=soon'],
      ['invite id not a uuid', A, '/v2/invites/not-a-uuid'],
      ['limit out of range', A, '/v2/invites?limit=500'],
      ['advance-time 1e300', P, '/__mock/advance-time', { method: 'POST', body: '{"ms":1e300}' }],
      ['advance-time -1', A, '/__mock/advance-time', { method: 'POST', body: '{"ms":-1}' }],
      ['advance-time not JSON', P, '/__mock/advance-time', { method: 'POST', body: 'soon' }],
      ['unknown control endpoint', P, '/__mock/nope'],
      ['body over the limit', A, '/v2/invites', { method: 'POST', body: 'x'.repeat(DEFAULT_MAX_BODY_BYTES + 1) }],
    ];
  it.each(table)('%s: same status, same error body', async (_name, target, path, init = {}) => {
    const answers = [];
    for (const mock of [modes.static, modes.stateful]) {
      const { base, headers } = target(mock);
      const res = await fetch(`${base}${path}`, { ...init, headers: { ...headers, ...(init.headers as object) } });
      const body = res.status >= 400 ? await res.json() : (await res.body?.cancel(), 'ok');
      answers.push({ status: res.status, body });
    }
    expect(answers[1]).toEqual(answers[0]);
    // never Prism's problem+json or a bare `error` string: the API's shapes only
    if (answers[0].status >= 400) expect(JSON.stringify(answers[0].body)).toMatch(/^\{"(errors|detail|[a-z_]+)":/);
    expect(JSON.stringify(answers[0].body)).not.toMatch(/stoplight|"error":|"(Body|Supported)"/);
  });

  it('a malformed Host gets 400 in the API shape, in both', async () => {
    for (const mock of [modes.static, modes.stateful]) {
      const { hostname, port } = new URL(mock.partooUrl);
      const raw = await new Promise<string>((done, fail) => {
        const s = connect(Number(port), hostname, () =>
          s.end('GET /review_booster/template HTTP/1.1\r\nHost: bad host\r\n\r\n'),
        );
        let text = '';
        s.on('data', (d) => (text += d));
        s.on('end', () => done(text));
        s.on('error', fail);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400/);
      expect(raw).toContain('{"errors":{"json":{"_schema":["Malformed Host header or request target."]}}}');
    }
  });

  it('a malformed request line gets 400, and a chunked body over the limit 413, in both', async () => {
    for (const mock of [modes.static, modes.stateful]) {
      const { hostname, port } = new URL(mock.argyleUrl);
      const raw = (text: string) =>
        new Promise<string>((done, fail) => {
          const s = connect(Number(port), hostname, () => s.write(text));
          let out = '';
          s.on('data', (d) => (out += d));
          s.on('end', () => done(out));
          s.on('close', () => done(out));
          s.on('error', fail);
        });
      const garbage = await raw('NOT A REQUEST\r\n\r\n');
      expect(garbage).toMatch(/^HTTP\/1\.1 400/);
      expect(garbage).toContain('{"detail":"Malformed request."}');
      // No content-length: the limit is counted as the chunks arrive, and the answer does not wait for the end.
      const chunk = 'x'.repeat(64 * 1024);
      const chunks = Math.ceil((DEFAULT_MAX_BODY_BYTES + 1) / chunk.length);
      const head = `POST /v2/invites HTTP/1.1\r\nHost: ${hostname}\r\ntransfer-encoding: chunked\r\n\r\n`;
      const body = `${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(chunks);
      const big = await raw(`${head}${body}`);
      expect(big).toMatch(/^HTTP\/1\.1 413/);
      expect(big).toContain(`{"detail":"Request body larger than ${DEFAULT_MAX_BODY_BYTES} bytes."}`);
    }
  });

  it('advance-time is refused past the range and the mock keeps answering', async () => {
    for (const mock of [modes.static, modes.stateful]) {
      const before = mock.now().getTime();
      const res = await fetch(`${mock.partooUrl}/__mock/advance-time`, {
        method: 'POST',
        body: JSON.stringify({ ms: Number.MAX_VALUE }),
      });
      expect(res.status).toBe(400);
      expect(mock.now().getTime() - before).toBeLessThan(DAY);
      const client = mock.partooClient({ maxRetries: 0 });
      expect(
        (await client.reviewBooster.sendInvitation({ businessId: 'b2', targetPhone: '+33601020377' })).status,
      ).toBe('sent');
    }
  });
});
