// One partner scenario for both transports: the HTTP stateful mock and the MSW handlers. It returns what the
// SDK and plain fetch saw, with what differs by nature (random ids, times, the origin) replaced by placeholders,
// so the two transcripts can be compared whole.
import type { MockServers } from '../../src/testing/index.js';

/** What both transports offer (MSW's has no close(): MSW's own server closes). */
// The lifecycle controls (`argyle`) are the servers' own; MSW handlers share the rest.
export type Mocks = Omit<MockServers, 'close' | 'argyle'>;

/** Options both transports are started with: statuses move on the mock clock, not by waiting. */
export const SCENARIO_OPTIONS = { sentAfterMs: 1000, deliveredAfterMs: 1000 };

const TEN_DAYS_MS = 10 * 86_400_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
// ISO (Argyle) and Partoo's `2019-06-06 11:57:27.274725+00:00`.
const TIME = /\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|\+00:00)?/g;

export function normalize(value: unknown, mock: Mocks): unknown {
  const text = JSON.stringify(value, (_k, v) => (v instanceof Date ? v.toISOString() : v))
    // The base URL first: MSW's Partoo base URL keeps production's /v2, the HTTP mock's is a bare origin.
    .replaceAll(mock.partooUrl, '<partoo>')
    .replaceAll(new URL(mock.partooUrl).origin, '<partoo>')
    .replaceAll(new URL(mock.argyleUrl).origin, '<argyle>')
    .replace(UUID, '<uuid>')
    .replace(TIME, '<time>');
  return JSON.parse(text);
}

/** An error as a test pins it: its class, status, and whether it carries a Retry-After. */
const failure = (e: any) => ({
  error: e?.constructor?.name,
  status: e?.status,
  retryAfter: e?.retryAfterMs === undefined ? undefined : e.retryAfterMs > 0,
});
const caught = (p: Promise<unknown>) => p.then((value) => ({ value }), failure);

export async function sdkSteps(mock: Mocks): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const partoo = mock.partooClient({ defaultCountry: 'FR' });
  const invitation = { businessId: 'shop', targetPhone: '06 01 02 03 04', inviteContent: 'Thanks! @link' };
  out.send = await partoo.reviewBooster.sendInvitation(invitation);
  out.skip = await partoo.reviewBooster.sendInvitation(invitation);
  mock.advanceTime(TEN_DAYS_MS);
  const later = await partoo.reviewBooster.sendInvitation(invitation);
  out.later = later;
  if (later.status !== 'sent') throw new Error(`day 10: ${later.status}`);
  out.created = await partoo.reviewBooster.getInvitationStatus(later.invitationId);
  mock.advanceTime(2_500);
  out.final = await partoo.reviewBooster.waitForFinalStatus(later.invitationId, { intervalMs: 5, timeoutMs: 2_000 });
  // ...0001 is the mock's number that fails to send.
  const failing = await partoo.reviewBooster.sendInvitation({ ...invitation, targetPhone: '+33601020001' });
  mock.advanceTime(1_500);
  if (failing.status === 'sent') out.failing = await partoo.reviewBooster.getInvitationStatus(failing.invitationId);
  const found = [];
  for await (const inv of partoo.reviewBooster.searchInvitations({ businessId: 'shop', targetPhone: '+33601020304' }))
    found.push(inv);
  out.search = found;
  out.sentCount = mock.sentCount('shop', '+33601020304');

  const argyle = mock.argyleClient();
  const sent = await argyle.invites.send({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
  out.invite = sent;
  const pages: string[][] = [];
  for await (const page of argyle.invites.list({ limit: 2 }).pages()) pages.push(page.items.map((i) => i.lastName));
  out.pages = pages;
  out.revoked = (await argyle.invites.revoke(sent.id)).status;
  const revoked = [];
  for await (const invite of argyle.invites.list({ status: ['revoked'] })) revoked.push(invite.email);
  out.revokedList = revoked;

  const wrongKey = mock.partooClient({ apiKey: 'wrong-key', maxRetries: 0 });
  out.wrongPartooKey = await caught(wrongKey.reviewBooster.getInvitationStatus(later.invitationId));
  const wrongSecret = mock.argyleClient({ apiKeySecret: 'wrong', maxRetries: 0 });
  out.wrongArgyleSecret = await caught(wrongSecret.invites.get(sent.id));
  return normalize(out, mock) as Record<string, unknown>;
}

/** The same API by hand: what a partner without the SDK sends, and every answer's status and body. */
export async function fetchSteps(mock: Mocks): Promise<unknown[]> {
  const seen: unknown[] = [];
  const call = async (method: string, url: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = { method, url, status: res.status, body: await res.json() };
    seen.push(normalize(answer, mock));
    return answer.body as any;
  };
  const p = { 'x-APIKey': mock.partooApiKey };
  const send = { business_id: 'raw', target_phone: '+33601020399', invite_content: 'Hi @link' };
  const { invitation_id: id } = await call('POST', `${mock.partooUrl}/review_booster/send_invitation`, p, send);
  await call('POST', `${mock.partooUrl}/review_booster/send_invitation`, p, send);
  const search = 'search-invitation?business_id=raw&target_phone=%2B33601020399';
  await call('GET', `${mock.partooUrl}/review_booster/${search}`, p);
  await call('GET', `${mock.partooUrl}/review_booster/invitation_status?invitation_id=${id}`, p);
  mock.advanceTime(2_500);
  await call('GET', `${mock.partooUrl}/review_booster/invitation_status?invitation_id=${id}`, p);
  await call('POST', `${mock.partooUrl}/review_booster/send_invitation`, p, { business_id: 'raw' });
  await call('GET', `${mock.partooUrl}/review_booster/template`, { 'x-APIKey': 'wrong-key' });

  const a = { authorization: `Basic ${btoa(`${mock.argyleApiKeyId}:${mock.argyleApiKeySecret}`)}` };
  const worker = { first_name: 'Raw', last_name: 'Fetch', email: 'raw@example.com' };
  const invite = await call('POST', `${mock.argyleUrl}/v2/invites`, a, worker);
  let next: string | null = `${mock.argyleUrl}/v2/invites?limit=4`;
  while (next) next = (await call('GET', next, a)).next;
  await call('POST', `${mock.argyleUrl}/v2/invites/${invite.id}/revoke`, a);
  await call('GET', `${mock.argyleUrl}/v2/invites?status=revoked`, a);
  await call('GET', `${mock.argyleUrl}/v2/invites`, { authorization: 'Basic d3Jvbmc6d3Jvbmc=' });
  return seen;
}

/**
 * Typed errors from mocks started with faults: one where every request fails, then one passing one request a
 * minute. Each is made just before its requests: an MSW server answers with the handlers added last.
 */
export async function faultSteps(make: (options: object) => Promise<Mocks>): Promise<unknown> {
  const once = { maxRetries: 0 };
  const failing = await make({ failRate: 1 });
  const partoo500 = await caught(failing.partooClient(once).reviewBooster.getInvitationStatus('x'));
  const argyle500 = await caught(failing.argyleClient(once).invites.get('3fa85f64-5717-4562-b3fc-2c963f66afa6'));
  const limited = await make({ rateLimitPerMinute: 1 });
  const first = await caught(limited.partooClient(once).reviewBooster.getInvitationStatus('missing'));
  const second = await caught(limited.partooClient(once).reviewBooster.getInvitationStatus('missing'));
  return { partoo500, argyle500, first, second };
}
