// One set of rules in both modes: every request below goes to the static mock (Prism behind its front) and to the
// stateful one, raw, as a partner's own HTTP client would send it; status and body must be the same. A success
// differs only in its data (Prism answers the spec's examples), so there the keys of the body are compared.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PARTOO_RULES } from '../../src/testing/api-errors.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { START_TIMEOUT_MS } from '../../src/testing/prism.js';

let staticMock: MockServers;
let statefulMock: MockServers;
beforeAll(
  async () => {
    [staticMock, statefulMock] = await Promise.all([startMockServers(), startMockServers({ stateful: true })]);
  },
  2 * START_TIMEOUT_MS + 5_000,
);
// Each probe meets a fresh stateful mock: the valid send is not a repeat of another test's.
beforeEach(() => statefulMock.reset());
afterAll(async () => {
  await Promise.all([staticMock?.close(), statefulMock?.close()]);
});

interface Probe {
  api: 'partoo' | 'argyle';
  method: string;
  path: string;
  body?: unknown;
  /** raw body text, for JSON that does not parse */
  raw?: string;
  /** false: no credentials; a string: wrong ones */
  auth?: false | string;
}

const SEND = '/review_booster/send_invitation';
const SEARCH = '/review_booster/search-invitation';
const UUID = '0b6b6b1e-9c1f-4c1e-8f6a-1d2e3f4a5b6c';
const send = (extra: Record<string, unknown>) => ({
  api: 'partoo' as const,
  method: 'POST',
  path: SEND,
  body: { business_id: 'biz', target_phone: '+33601020304', ...extra },
});
const search = (query: string) => ({ api: 'partoo' as const, method: 'GET', path: `${SEARCH}?${query}` });

const PROBES: Record<string, Probe> = {
  'send without @link': send({ invite_content: 'Please review us' }),
  'send with invite_content and template_id': send({ invite_content: 'x @link', template_id: 3 }),
  'send to "abc"': send({ target_phone: 'abc' }),
  'send to ""': send({ target_phone: '' }),
  'send to a national number': send({ target_phone: '0601020304' }),
  'send to a spaced number': send({ target_phone: '+33 6 01 02 03 04' }),
  'send to a dotted number': send({ target_phone: '+33.6.01.02.03.04' }),
  'send with a number for a phone': send({ target_phone: 33601020304 }),
  'send without business_id': { api: 'partoo', method: 'POST', path: SEND, body: { target_phone: '+33601020304' } },
  'send with no body': { api: 'partoo', method: 'POST', path: SEND },
  'send with broken JSON': { api: 'partoo', method: 'POST', path: SEND, raw: '{"business_id":' },
  'send with a name past 255': send({ target_name: 'n'.repeat(256) }),
  'send without a key': { ...send({}), auth: false },
  'send with a wrong key': { ...send({}), auth: 'not-the-key' },
  'send by GET (wrong method)': { api: 'partoo', method: 'GET', path: SEND },
  'send by DELETE on /v2 (wrong method)': { api: 'partoo', method: 'DELETE', path: `/v2${SEND}` },
  'template by PUT (wrong method)': { api: 'partoo', method: 'PUT', path: '/review_booster/template' },
  'template without ${url}': {
    api: 'partoo',
    method: 'POST',
    path: '/review_booster/template',
    body: { text: 'Hello!' },
  },
  'template without text': { api: 'partoo', method: 'POST', path: '/review_booster/template', body: {} },
  'search without target_phone': search('business_id=b'),
  'search with a bare + (a space)': search('business_id=b&target_phone=+33601020304'),
  'search with "abc"': search('business_id=b&target_phone=abc'),
  'search with after not a number': search('business_id=b&target_phone=%2B33601020304&after=yesterday'),
  'search without a key': { ...search('business_id=b&target_phone=%2B33601020304'), auth: false },
  'status without invitation_id': { api: 'partoo', method: 'GET', path: '/review_booster/invitation_status' },
  'status of an unknown id': {
    api: 'partoo',
    method: 'GET',
    path: `/review_booster/invitation_status?invitation_id=${UUID}`,
  },
  'status without a key': {
    api: 'partoo',
    method: 'GET',
    path: `/review_booster/invitation_status?invitation_id=${UUID}`,
    auth: false,
  },
  'an unknown Partoo path': { api: 'partoo', method: 'GET', path: '/review_booster/nothing' },
  'an unknown Partoo path without a key': { api: 'partoo', method: 'GET', path: '/nothing', auth: false },
  'expeditor name too long': {
    api: 'partoo',
    method: 'POST',
    path: '/review_booster/expeditor/biz',
    body: { expeditor_name: 'a'.repeat(40) },
  },
  'list with a garbage cursor': { api: 'argyle', method: 'GET', path: '/v2/invites?cursor=garbage' },
  'list with limit 0': { api: 'argyle', method: 'GET', path: '/v2/invites?limit=0' },
  'list with limit 201': { api: 'argyle', method: 'GET', path: '/v2/invites?limit=201' },
  'list with an unknown status': { api: 'argyle', method: 'GET', path: '/v2/invites?status=lost' },
  'list with a bad reply_to': { api: 'argyle', method: 'GET', path: '/v2/invites?reply_to=not-an-email' },
  'list without credentials': { api: 'argyle', method: 'GET', path: '/v2/invites', auth: false },
  'list with a wrong secret': { api: 'argyle', method: 'GET', path: '/v2/invites', auth: 'wrong' },
  'invite by DELETE (wrong method)': { api: 'argyle', method: 'DELETE', path: '/v2/invites' },
  'revoke by GET (wrong method)': { api: 'argyle', method: 'GET', path: `/v2/invites/${UUID}/revoke` },
  'send an invite with no email or phone': {
    api: 'argyle',
    method: 'POST',
    path: '/v2/invites',
    body: { first_name: 'A', last_name: 'B' },
  },
  'send an invite with a bad email': {
    api: 'argyle',
    method: 'POST',
    path: '/v2/invites',
    body: { first_name: 'A', last_name: 'B', email: 'nope' },
  },
  'send an invite without last_name': {
    api: 'argyle',
    method: 'POST',
    path: '/v2/invites',
    body: { first_name: 'A', email: 'a@example.com' },
  },
  'send an invite with broken JSON': { api: 'argyle', method: 'POST', path: '/v2/invites', raw: '{' },
  'get an unknown invite': { api: 'argyle', method: 'GET', path: `/v2/invites/${UUID}` },
  'resend an unknown invite': { api: 'argyle', method: 'POST', path: `/v2/invites/${UUID}` },
  'revoke an unknown invite': { api: 'argyle', method: 'POST', path: `/v2/invites/${UUID}/revoke` },
  'get an invite by a non-uuid id': { api: 'argyle', method: 'GET', path: '/v2/invites/not-a-uuid' },
  'an unknown Argyle path': { api: 'argyle', method: 'GET', path: '/v2/users' },
  // Successes: the same status, the same keys.
  'send (valid)': send({ invite_content: 'Thanks! Review us: @link' }),
  'search (valid)': search('business_id=b&target_phone=%2B33601020399&after=0'),
  'template (valid)': { api: 'partoo', method: 'GET', path: '/v2/review_booster/template' },
  'template update (valid)': {
    api: 'partoo',
    method: 'POST',
    path: '/review_booster/template',
    body: { text: 'Review us: ${url}' },
  },
  'list (valid)': { api: 'argyle', method: 'GET', path: '/v2/invites?status=sent,revoked&limit=2' },
  'send an invite (valid)': {
    api: 'argyle',
    method: 'POST',
    path: '/v2/invites',
    body: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
  },
};

async function ask(mock: MockServers, probe: Probe) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (probe.api === 'partoo' && probe.auth !== false) headers['x-APIKey'] = probe.auth ?? mock.partooApiKey;
  if (probe.api === 'argyle' && probe.auth !== false) {
    const secret = probe.auth ?? mock.argyleApiKeySecret;
    headers.authorization = `Basic ${btoa(`${mock.argyleApiKeyId}:${secret}`)}`;
  }
  const base = probe.api === 'partoo' ? mock.partooUrl : mock.argyleUrl;
  const body = probe.raw ?? (probe.body === undefined ? undefined : JSON.stringify(probe.body));
  const res = await fetch(`${base}${probe.path}`, { method: probe.method, headers, body });
  const text = await res.text();
  const parsed = text === '' ? '' : JSON.parse(text);
  const ok = res.status >= 200 && res.status < 300;
  return { status: res.status, body: ok ? Object.keys(parsed).sort() : parsed, allow: res.headers.get('allow') };
}

/** The status a probe's name calls for, read from its words. */
function expectedStatus(name: string): number {
  if (/valid\)$/.test(name)) return 200;
  if (/wrong method/.test(name)) return 405;
  if (/without a key|without credentials|wrong key|wrong secret/.test(name) && !/unknown/.test(name)) return 401;
  if (/unknown (Partoo|Argyle) path|unknown id|unknown invite/.test(name)) return 404;
  return 400;
}

describe('the probe list gets one answer from both modes', () => {
  it.each(Object.keys(PROBES))('%s', async (name) => {
    const probe = PROBES[name];
    const [a, b] = [await ask(staticMock, probe), await ask(statefulMock, probe)];
    expect(a, 'static mode').toEqual(b);
  });

  it('answers the statuses each rule calls for (a probe cannot pass by both modes being wrong alike)', async () => {
    const status = async (name: string) => (await ask(statefulMock, PROBES[name])).status;
    for (const name of Object.keys(PROBES)) {
      statefulMock.reset();
      const want = expectedStatus(name);
      expect(await status(name), name).toBe(want);
    }
  });

  it('words each Partoo rule once, as the static examples do', async () => {
    const body = async (name: string) => (await ask(staticMock, PROBES[name])).body;
    expect(await body('send without @link')).toEqual({ errors: { json: { invite_content: [PARTOO_RULES.link] } } });
    expect(await body('template without ${url}')).toEqual({ errors: { json: { text: [PARTOO_RULES.url] } } });
    expect(await body('send to "abc"')).toEqual({ errors: { json: { target_phone: [PARTOO_RULES.phone] } } });
    expect(await ask(staticMock, PROBES['send by GET (wrong method)'])).toMatchObject({ status: 405, allow: 'POST' });
  });
});
