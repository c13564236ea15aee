// One set of rules in both modes: every probe of probe-list.ts goes to the static mock (Prism behind its front) and
// to the stateful one, raw, as a partner's own HTTP client would send it; status and body must be the same. A
// success differs only in its data (Prism answers the spec's examples), so there the keys of the body are compared.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PARTOO_RULES, RECENTLY_INVITED, REVOKED_RESEND } from '../../src/testing/api-errors.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { START_TIMEOUT_MS } from '../../src/testing/prism.js';
import { call, expectedStatus, newestInvite, PROBES, STATEFUL_INVITE, type Mode, type Probe } from './probe-list.js';

let staticMock: MockServers;
let statefulMock: MockServers;
beforeAll(
  async () => {
    // Prism is started once for the file, on free ports, with the start timeout and retries of startPrism.
    [staticMock, statefulMock] = await Promise.all([startMockServers(), startMockServers({ stateful: true })]);
  },
  2 * START_TIMEOUT_MS + 5_000,
);
// Each probe meets a fresh stateful mock: the valid send is not a repeat of another test's.
beforeEach(() => statefulMock.reset());
afterAll(async () => {
  await Promise.all([staticMock?.close(), statefulMock?.close()]);
});

async function ask(mock: MockServers, mode: Mode, base: Probe) {
  const probe = { ...base, ...base.per?.[mode] };
  if (mode === 'stateful') await probe.before?.(mock);
  const path = probe.path.includes(STATEFUL_INVITE)
    ? probe.path.replace(STATEFUL_INVITE, await newestInvite(mock))
    : probe.path;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...probe.headers };
  if (probe.api === 'partoo' && probe.auth !== false) headers['x-APIKey'] = probe.auth ?? mock.partooApiKey;
  if (probe.api === 'argyle' && probe.auth !== false) {
    const secret = probe.auth ?? mock.argyleApiKeySecret;
    headers.authorization = `Basic ${btoa(`${mock.argyleApiKeyId}:${secret}`)}`;
  }
  const url = `${probe.api === 'partoo' ? mock.partooUrl : mock.argyleUrl}${path}`;
  const body = probe.raw ?? (probe.body === undefined ? undefined : JSON.stringify(probe.body));
  const res = await fetch(url, { method: probe.method, headers, body });
  const text = await res.text();
  const parsed = text === '' ? '' : JSON.parse(text);
  const ok = res.status >= 200 && res.status < 300;
  return { status: res.status, body: ok ? Object.keys(parsed).sort() : parsed, allow: res.headers.get('allow') };
}

describe('the probe list gets one answer from both modes', () => {
  it.each(Object.keys(PROBES))('%s', async (name) => {
    const [a, b] = [await ask(staticMock, 'static', PROBES[name]), await ask(statefulMock, 'stateful', PROBES[name])];
    expect(a, 'static mode').toEqual(b);
  });

  it('answers the statuses each rule calls for (a probe cannot pass by both modes being wrong alike)', async () => {
    const wrong: string[] = [];
    for (const [name, probe] of Object.entries(PROBES)) {
      statefulMock.reset();
      const { status } = await ask(statefulMock, 'stateful', probe);
      if (status !== expectedStatus(name)) wrong.push(`${name}: ${status}, not ${expectedStatus(name)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('words each Partoo and Argyle rule once, as the static examples do', async () => {
    const body = async (name: string) => (await ask(staticMock, 'static', PROBES[name])).body;
    expect(await body('send without @link')).toEqual({ errors: { json: { invite_content: [PARTOO_RULES.link] } } });
    expect(await body('template without ${url}')).toEqual({ errors: { json: { text: [PARTOO_RULES.url] } } });
    expect(await body('send to "abc"')).toEqual({ errors: { json: { target_phone: [PARTOO_RULES.phone] } } });
    expect(await body('send within 10 days of the last (recently invited)')).toEqual(RECENTLY_INVITED);
    expect(await body('resend a revoked invite (revoked)')).toEqual(REVOKED_RESEND);
    expect(await ask(staticMock, 'static', PROBES['send by GET (wrong method)'])).toMatchObject({
      status: 405,
      allow: 'POST',
    });
  });

  it('takes no two spellings of one number as two phones: each is refused, none is sent', async () => {
    const spellings = ['+33 6 01 02 03 04', '0601020304', '+33.6.01.02.03.04', '+33-6-01-02-03-04'];
    for (const target_phone of spellings) {
      const res = (await call(statefulMock, 'POST', '/review_booster/send_invitation', {
        business_id: 'biz',
        target_phone,
      })) as object;
      expect(res, target_phone).toEqual({ errors: { json: { target_phone: [PARTOO_RULES.phone] } } });
      expect(statefulMock.sentCount('biz', target_phone)).toBe(0);
    }
    expect(statefulMock.sentCount('biz', '+33601020304')).toBe(0);
  });
});

describe('no key gets its 401 before any 429', () => {
  let limited: MockServers;
  beforeAll(async () => void (limited = await startMockServers({ stateful: true, rateLimitPerMinute: 1 })));
  afterAll(async () => limited?.close());

  it('on a stateful mock past its rate limit, as the static mock (which has none) answers', async () => {
    const probe = PROBES['send (valid)'];
    expect((await ask(limited, 'stateful', probe)).status).toBe(200);
    expect((await ask(limited, 'stateful', probe)).status).toBe(429);
    for (const name of ['send without a key', 'send with a wrong key', 'search without a key']) {
      const [a, b] = [await ask(limited, 'stateful', PROBES[name]), await ask(staticMock, 'static', PROBES[name])];
      expect(a, name).toEqual(b);
      expect(a.status, name).toBe(401);
    }
    // a keyless request does not spend the allowance either
    expect((await ask(limited, 'stateful', probe)).status).toBe(429);
  });
});
