// The requests a partner's own HTTP client sends both mocks, good and bad: each gets the same status and body from
// the static mock (Prism behind its front) and the stateful one. A probe that needs state differs per mode only in
// how it reaches that state: the stateful mock is walked there first, the static one is pointed at the example
// that holds it (Prism keeps no state).
import type { MockServers } from '../../src/testing/index.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/testing/http.js';

export type Mode = 'static' | 'stateful';

export interface Probe {
  api: 'partoo' | 'argyle';
  method: string;
  path: string;
  body?: unknown;
  /** raw body text, for JSON that does not parse */
  raw?: string;
  /** false: no credentials; a string: wrong ones */
  auth?: false | string;
  headers?: Record<string, string>;
  /** what differs in one mode (a path naming an id, a header picking an example) */
  per?: Partial<Record<Mode, Partial<Probe>>>;
  /** requests the stateful mock gets first, to be in the state the probe asks about */
  before?: (mock: MockServers) => Promise<void>;
}

const SEND = '/review_booster/send_invitation';
const SEARCH = '/review_booster/search-invitation';
const UUID = '0b6b6b1e-9c1f-4c1e-8f6a-1d2e3f4a5b6c';
/** The invite the static mock's list examples show revoked (openapi/mock/argyle-invites.yaml, page-3). */
const REVOKED_EXAMPLE = '6f1c2a9e-0000-4c3b-9d2e-000000000005';
/** The invite its getInvite example holds, sent. */
const SENT_EXAMPLE = '6f1c2a9e-0000-4c3b-9d2e-000000000001';
const PHONE = '+33601020304';
/** A stateful invite's id, as a partner's test finds it: the newest in the list. */
export const STATEFUL_INVITE = '{stateful-invite}';

const send = (extra: Record<string, unknown>) => ({
  api: 'partoo' as const,
  method: 'POST',
  path: SEND,
  body: { business_id: 'biz', target_phone: PHONE, ...extra },
});
const search = (query: string) => ({ api: 'partoo' as const, method: 'GET', path: `${SEARCH}?${query}` });
const argyle = (method: string, path: string, body?: unknown) => ({ api: 'argyle' as const, method, path, body });
const invite = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' };

/** Sends one request to a mock with its credentials: what a `before` step walks the stateful mock with. */
export async function call(mock: MockServers, method: string, path: string, body?: unknown): Promise<unknown> {
  const partoo = !path.startsWith('/v2/invites');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (partoo) headers['x-APIKey'] = mock.partooApiKey;
  else headers.authorization = `Basic ${btoa(`${mock.argyleApiKeyId}:${mock.argyleApiKeySecret}`)}`;
  const res = await fetch(`${partoo ? mock.partooUrl : mock.argyleUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

/** The newest stateful invite's id, revoked first when asked. */
export async function newestInvite(mock: MockServers, revoke = false): Promise<string> {
  const page = (await call(mock, 'GET', '/v2/invites?limit=1')) as { results: { id: string }[] };
  const id = page.results[0].id;
  if (revoke) await call(mock, 'POST', `/v2/invites/${id}/revoke`);
  return id;
}

export const PROBES: Record<string, Probe> = {
  'send without @link': send({ invite_content: 'Please review us' }),
  'send with invite_content and template_id': send({ invite_content: 'x @link', template_id: 3 }),
  'send to "abc"': send({ target_phone: 'abc' }),
  'send to ""': send({ target_phone: '' }),
  'send to a national number': send({ target_phone: '0601020304' }),
  'send to a spaced number': send({ target_phone: '+33 6 01 02 03 04' }),
  'send to a dotted number': send({ target_phone: '+33.6.01.02.03.04' }),
  'send to a dashed number': send({ target_phone: '+33-6-01-02-03-04' }),
  'send to a number in brackets': send({ target_phone: '+33 (0)6 01 02 03 04' }),
  'send to a bare +': send({ target_phone: '+' }),
  'send to a number too long for E.164': send({ target_phone: '+3360102030405060' }),
  'send with a number for a phone': send({ target_phone: 33601020304 }),
  'send with a null phone': send({ target_phone: null }),
  'send without business_id': { api: 'partoo', method: 'POST', path: SEND, body: { target_phone: PHONE } },
  'send with no body': { api: 'partoo', method: 'POST', path: SEND },
  'send with broken JSON': { api: 'partoo', method: 'POST', path: SEND, raw: '{"business_id":' },
  'send with a JSON array': { api: 'partoo', method: 'POST', path: SEND, raw: '[]' },
  'send with a name past 255': send({ target_name: 'n'.repeat(256) }),
  'send with a body over the limit': send({ target_name: 'n'.repeat(DEFAULT_MAX_BODY_BYTES) }),
  'send without a key': { ...send({}), auth: false },
  'send with a wrong key': { ...send({}), auth: 'not-the-key' },
  'send with the key in Authorization (wrong key)': {
    ...send({}),
    auth: false,
    headers: { authorization: 'Bearer mock-partoo-api-key' },
  },
  'send with an unknown query parameter (valid)': { ...send({}), path: `${SEND}?dry_run=1` },
  'send by GET (wrong method)': { api: 'partoo', method: 'GET', path: SEND },
  'send by GET without a key (wrong method)': { api: 'partoo', method: 'GET', path: SEND, auth: false },
  'send by DELETE on /v2 (wrong method)': { api: 'partoo', method: 'DELETE', path: `/v2${SEND}` },
  'template by PUT (wrong method)': { api: 'partoo', method: 'PUT', path: '/review_booster/template' },
  'search by POST (wrong method)': { ...search('business_id=b'), method: 'POST' },
  'template without ${url}': { api: 'partoo', method: 'POST', path: '/review_booster/template', body: { text: 'Hi!' } },
  'template with {url} unbraced': {
    api: 'partoo',
    method: 'POST',
    path: '/review_booster/template',
    body: { text: 'Review us: $url' },
  },
  'template without text': { api: 'partoo', method: 'POST', path: '/review_booster/template', body: {} },
  'search without target_phone': search('business_id=b'),
  'search with a bare + (a space)': search(`business_id=b&target_phone=${PHONE}`),
  'search with "abc"': search('business_id=b&target_phone=abc'),
  'search with ""': search('business_id=b&target_phone='),
  'search with a spaced number': search('business_id=b&target_phone=%2B33%206%2001%2002%2003%2004'),
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
  'an unknown Partoo path with a wrong key': { api: 'partoo', method: 'GET', path: '/nothing', auth: 'nope' },
  'a Partoo path with a trailing slash (unknown Partoo path)': { api: 'partoo', method: 'GET', path: `${SEND}/` },
  'a doubled /v2 (unknown Partoo path)': { api: 'partoo', method: 'GET', path: '/v2/v2/review_booster/template' },
  'expeditor name too long': {
    api: 'partoo',
    method: 'POST',
    path: '/review_booster/expeditor/biz',
    body: { expeditor_name: 'a'.repeat(40) },
  },
  'list with a garbage cursor': argyle('GET', '/v2/invites?cursor=garbage'),
  'list with an empty cursor': argyle('GET', '/v2/invites?cursor='),
  // Each mode's cursors are its own: the other mode's is one it never gave out.
  'list with the other mode’s cursor': {
    ...argyle('GET', ''),
    per: {
      static: { path: `/v2/invites?cursor=${Buffer.from('offset:2').toString('base64url')}` },
      stateful: { path: `/v2/invites?cursor=${Buffer.from('page-2').toString('base64')}` },
    },
  },
  'list with limit 0': argyle('GET', '/v2/invites?limit=0'),
  'list with limit 201': argyle('GET', '/v2/invites?limit=201'),
  'list with limit "ten"': argyle('GET', '/v2/invites?limit=ten'),
  'list with an unknown status': argyle('GET', '/v2/invites?status=lost'),
  'list with a bad reply_to': argyle('GET', '/v2/invites?reply_to=not-an-email'),
  'list with an unknown query parameter (valid)': argyle('GET', '/v2/invites?page_size=2'),
  'list without credentials': { ...argyle('GET', '/v2/invites'), auth: false },
  'list with a wrong secret': { ...argyle('GET', '/v2/invites'), auth: 'wrong' },
  'list with a malformed Basic header (wrong secret)': {
    ...argyle('GET', '/v2/invites'),
    auth: false,
    headers: { authorization: 'Basic !!!' },
  },
  'invite by DELETE (wrong method)': argyle('DELETE', '/v2/invites'),
  'invite by DELETE without credentials (wrong method)': { ...argyle('DELETE', '/v2/invites'), auth: false },
  'revoke by GET (wrong method)': argyle('GET', `/v2/invites/${UUID}/revoke`),
  'send an invite with no email or phone': argyle('POST', '/v2/invites', { first_name: 'A', last_name: 'B' }),
  'send an invite with a bad email': argyle('POST', '/v2/invites', { first_name: 'A', last_name: 'B', email: 'no' }),
  'send an invite without last_name': argyle('POST', '/v2/invites', { first_name: 'A', email: 'a@example.com' }),
  'send an invite with broken JSON': { ...argyle('POST', '/v2/invites'), raw: '{' },
  'send an invite over the limit': argyle('POST', '/v2/invites', { ...invite, last_name: 'x'.repeat(2 ** 20) }),
  'get an unknown invite': argyle('GET', `/v2/invites/${UUID}`),
  'resend an unknown invite': argyle('POST', `/v2/invites/${UUID}`),
  'revoke an unknown invite': argyle('POST', `/v2/invites/${UUID}/revoke`),
  'get an invite by a non-uuid id': argyle('GET', '/v2/invites/not-a-uuid'),
  'an unknown Argyle path': argyle('GET', '/v2/users'),
  'an unknown Argyle path without credentials': { ...argyle('GET', '/v2/users'), auth: false },
  // Stateful: a send, then the same number again. Static: the example Partoo's rule answers with.
  'send within 10 days of the last (recently invited)': {
    ...send({}),
    per: { static: { headers: { prefer: 'code=400, example=recently-invited' } } },
    before: async (mock) => void (await call(mock, 'POST', SEND, { business_id: 'biz', target_phone: PHONE })),
  },
  'resend a revoked invite (revoked)': {
    ...argyle('POST', `/v2/invites/${REVOKED_EXAMPLE}`),
    per: { stateful: { path: `/v2/invites/${STATEFUL_INVITE}` } },
    before: async (mock) => void (await newestInvite(mock, true)),
  },
  // Successes: the same status, the same keys.
  'send (valid)': send({ invite_content: 'Thanks! Review us: @link' }),
  'send with a template (valid)': send({ template_id: 3 }),
  'search (valid)': search('business_id=b&target_phone=%2B33601020399&after=0'),
  'template (valid)': { api: 'partoo', method: 'GET', path: '/v2/review_booster/template' },
  'template update (valid)': {
    api: 'partoo',
    method: 'POST',
    path: '/review_booster/template',
    body: { text: 'Review us: ${url}' },
  },
  'expeditor name (valid)': { api: 'partoo', method: 'GET', path: '/review_booster/expeditor/biz' },
  'list (valid)': argyle('GET', '/v2/invites?status=sent,revoked&limit=2'),
  'list on a given cursor (valid)': {
    ...argyle('GET', ''),
    per: {
      static: { path: `/v2/invites?cursor=${Buffer.from('page-2').toString('base64')}&limit=2` },
      stateful: { path: `/v2/invites?cursor=${Buffer.from('offset:2').toString('base64url')}&limit=2` },
    },
  },
  'send an invite (valid)': argyle('POST', '/v2/invites', invite),
  'get an invite (valid)': {
    ...argyle('GET', `/v2/invites/${SENT_EXAMPLE}`),
    per: { stateful: { path: `/v2/invites/${STATEFUL_INVITE}` } },
  },
  'resend an invite (valid)': {
    ...argyle('POST', `/v2/invites/${SENT_EXAMPLE}`),
    per: { stateful: { path: `/v2/invites/${STATEFUL_INVITE}` } },
  },
  'revoke an invite (valid)': {
    ...argyle('POST', `/v2/invites/${SENT_EXAMPLE}/revoke`),
    per: { stateful: { path: `/v2/invites/${STATEFUL_INVITE}/revoke` } },
  },
};

/** The status a probe's name calls for, read from its words. */
export function expectedStatus(name: string): number {
  if (/valid\)$/.test(name)) return 200;
  if (/over the limit/.test(name)) return 413;
  if (/wrong method/.test(name)) return 405;
  if (/unknown (Partoo|Argyle) path|unknown id|unknown invite/.test(name)) return 404;
  if (/without a key|without credentials|wrong key|wrong secret/.test(name)) return 401;
  return 400;
}
