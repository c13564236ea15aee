// Each layer of the attempt core on its own, then the typed request path that the wrapper's operations use, which
// must reach the server exactly as openapi-fetch would (same URL, same credentials, same errors).
import createClient, { type Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import {
  authenticate,
  checkOrigin,
  exchange,
  retry,
  timeout,
  type Attempt,
  type Outgoing,
  type Received,
  type Send,
} from '../../src/core/attempt.js';
import { ConfigurationError, ConnectionError, NotFoundError, TimeoutError } from '../../src/core/errors.js';
import { unwrap } from '../../src/core/api-result.js';
import { registerSecrets } from '../../src/core/redact.js';
import { createRequests } from '../../src/core/request.js';
import { asRequest } from '../support/request.js';
import { createTransport, type TransportOptions } from '../../src/core/transport.js';
import type { paths as ArgylePaths } from '../../src/generated/argyle.js';
import type { paths as PartooPaths } from '../../src/generated/partoo.js';
import { ManualClock } from '../support/manual-clock.js';

const BASE = 'https://api.example.test/v2';
const out = (over: Partial<Outgoing> & { headers?: Headers } = {}): Outgoing => {
  const { headers, ...rest } = over;
  const url = over.url ?? `${BASE}/x`;
  const request = new Request(url.startsWith(BASE) ? url : `${BASE}/x`, { method: over.method ?? 'GET', headers });
  return { method: 'GET', url, request, ...rest };
};
const at = (over: Partial<Attempt> = {}): Attempt => ({ attempt: 0, final: () => true, ...over });
const received = (status: number, headers: Record<string, string> = {}): Received =>
  new Response(null, { status, headers });

describe('origin check', () => {
  const send = checkOrigin('https://api.example.test')(async () => received(200));

  it('passes the configured origin and refuses any other, a look-alike host included', async () => {
    await expect(send(out(), at())).resolves.toMatchObject({ status: 200 });
    for (const url of ['https://evil.example/v2/x', 'https://api.example.test.evil.example/v2/x'])
      await expect(send(out({ url }), at())).rejects.toThrow(ConfigurationError);
  });

  it('reads a URL as fetch would: upper-case host or default port is the same origin, sent normalized', async () => {
    const urls: string[] = [];
    const seeing = checkOrigin('https://api.example.test')(async (o) => (urls.push(o.url), received(200)));
    await seeing(out({ url: 'https://API.Example.test:443/v2/x?q=1' }), at());
    expect(urls).toEqual(['https://api.example.test/v2/x?q=1']);
    await expect(seeing(out({ url: 'https://api.example.test:8443/v2/x' }), at())).rejects.toThrow(
      /Refusing to send credentials to https:\/\/api\.example\.test:8443/,
    );
  });
});

describe('retry', () => {
  const run = (statuses: (number | Error)[], method = 'GET', headers: Record<string, string> = {}) => {
    const slept: number[] = [];
    const finals: boolean[] = [];
    const outcomes: unknown[] = [];
    const send = retry({
      maxRetries: 2,
      sleep: async (ms) => void slept.push(ms),
      random: () => 0.5,
      now: () => 0,
      observe: () => (outcome) => outcomes.push(outcome),
    })(async (_o, a) => {
      const next = statuses.shift()!;
      finals.push(a.final(next instanceof Error ? 0 : next));
      if (next instanceof Error) throw next;
      return received(next, headers);
    });
    return { result: send(out({ method }), at()), slept, finals, outcomes };
  };

  it('retries a read on 503 with jittered backoff, and marks the last attempt final', async () => {
    const r = run([503, 503, 503]);
    await expect(r.result).resolves.toMatchObject({ status: 503 });
    expect(r.slept).toEqual([250, 500]);
    expect(r.finals).toEqual([false, false, true]);
    expect(r.outcomes).toEqual([
      { status: 503, retry: true },
      { status: 503, retry: true },
      { status: 503, retry: false },
    ]);
  });

  it('waits what Retry-After says', async () => {
    const r = run([429, 200], 'GET', { 'retry-after': '3' });
    await expect(r.result).resolves.toMatchObject({ status: 200 });
    expect(r.slept).toEqual([3000]);
  });

  it('retries a write on 429 only, and never after a connection failure whose outcome is unknown', async () => {
    const unknown = new ConnectionError('reset', { outcomeUnknown: true });
    const notSent = new ConnectionError('refused', { outcomeUnknown: false });
    await expect(run([503], 'POST').result).resolves.toMatchObject({ status: 503 });
    await expect(run([429, 201], 'POST').result).resolves.toMatchObject({ status: 201 });
    await expect(run([unknown, 201], 'POST').result).rejects.toBe(unknown);
    await expect(run([notSent, 201], 'POST').result).resolves.toMatchObject({ status: 201 });
    await expect(run([unknown, 200], 'GET').result).resolves.toMatchObject({ status: 200 });
  });
});

describe('timeout', () => {
  it('sends nothing for a call cancelled before its attempt, even through a fetch that ignores signals', async () => {
    let fetched = 0;
    const deaf = async () => (fetched++, new Response('{"status":"SENT"}'));
    const transport = createTransport({
      fetch: deaf,
      baseUrl: BASE,
      authHeaders: { 'x-apikey': 'key-123456' },
      secrets: [],
      timeoutMs: 1000,
      maxRetries: 2,
    });
    const requests = createRequests<PartooPaths>(createClient({ baseUrl: BASE, fetch: transport }), {
      querySerializer: {},
    });
    const caller = new AbortController();
    caller.abort(new Error('cancelled by the caller'));
    const query = { invitation_id: 'x' };
    const call = requests.GET('/review_booster/invitation_status', { params: { query }, signal: caller.signal });
    await expect(call).rejects.toThrow('cancelled by the caller');
    const api = createClient<PartooPaths>({ baseUrl: BASE, fetch: transport as typeof fetch });
    await expect(
      api.GET('/review_booster/invitation_status', { params: { query }, signal: caller.signal }),
    ).rejects.toThrow('cancelled by the caller');
    expect(fetched).toBe(0);
  });

  it('aborts the attempt on the runtime timer and says so with a TimeoutError', async () => {
    const clock = new ManualClock();
    const send = timeout(
      { timeoutMs: 1000 },
      clock.timer,
    )((_o, a) => new Promise((_, reject) => a.signal!.addEventListener('abort', () => reject(a.signal!.reason))));
    const result = send(out(), at());
    const caught = result.catch((e: unknown) => e);
    await clock.advance(999);
    expect(clock.waiting).toBe(1);
    await clock.advance(1);
    expect(await caught).toBeInstanceOf(TimeoutError);
    expect(clock.waiting).toBe(0);
  });

  it("ends with the caller's own reason when the caller aborts, and clears its timer either way", async () => {
    const clock = new ManualClock();
    const inner: Send = (_o, a) =>
      new Promise((resolve, reject) => {
        if (a.signal!.aborted) reject(a.signal!.reason);
        a.signal!.addEventListener('abort', () => reject(a.signal!.reason));
      });
    const send = timeout({ timeoutMs: 1000 }, clock.timer)(inner);
    const caller = new AbortController();
    const result = send(out({ signal: caller.signal }), at());
    caller.abort(new Error('stop'));
    await expect(result).rejects.toThrow('stop');
    expect(clock.waiting).toBe(0);
    const done = timeout({ timeoutMs: 1000 }, clock.timer)(async () => received(200));
    await done(out(), at());
    expect(clock.waiting).toBe(0);
  });
});

describe('credentials', () => {
  it("go on the attempt's own headers only, never on the caller's", async () => {
    const seen: (string | null)[] = [];
    const send = authenticate([['x-apikey', 'secret-key-1']])(async (_o, a) => {
      seen.push(a.headers!.get('x-apikey'), a.headers!.get('accept'));
      return received(200);
    });
    const headers = new Headers({ accept: 'application/json' });
    await send(out({ headers }), at());
    await send(out({ headers }), at());
    expect(headers.has('x-apikey')).toBe(false);
    expect(seen).toEqual(['secret-key-1', 'application/json', 'secret-key-1', 'application/json']);
  });
});

describe('exchange', () => {
  it('reads and redacts the body of a final response; discards the body of one that will be retried', async () => {
    const owner = {};
    registerSecrets(owner, ['echoed-secret-42']);
    const fetch = async () => new Response('key echoed-secret-42', { headers: { 'x-echo': 'echoed-secret-42' } });
    const body = { idleMs: 1000, timer: () => () => {}, classify: (e: unknown) => e as Error, ended: () => {} };
    const final = await exchange(fetch)(out(), at({ body }));
    expect(await final.text()).toBe('key [redacted]');
    expect(final.headers.get('x-echo')).toBe('[redacted]');
    const discarded = await exchange(fetch)(out(), at({ final: () => false, body }));
    expect(discarded.bodyUsed).toBe(true);
    expect(owner).toBeDefined();
  });
});

describe('typed requests over `.api`', () => {
  const capture = () => {
    const seen: { url: string; method: string; key: string | null; body: string | null }[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = asRequest(input, init);
      seen.push({
        url: request.url,
        method: request.method,
        key: request.headers.get('x-apikey'),
        body: request.body ? await request.text() : null,
      });
      return new Response(JSON.stringify({ status: 'SENT' }), { status: seen.length === 3 ? 404 : 200 });
    };
    const options: TransportOptions = {
      fetch,
      baseUrl: BASE,
      authHeaders: { 'x-apikey': 'key-123456' },
      secrets: ['key-123456'],
      timeoutMs: 1000,
      maxRetries: 0,
    };
    return { seen, transport: createTransport(options) };
  };
  const REPEATED = { array: { style: 'form', explode: true } } as const;

  it('sends what openapi-fetch sends, with credentials, and its errors are the typed ones', async () => {
    const mine = capture();
    const theirs = capture();
    const requests = createRequests<PartooPaths>(createClient({ baseUrl: BASE, fetch: mine.transport }), {
      querySerializer: REPEATED,
    });
    const api = createClient<PartooPaths>({ baseUrl: BASE, fetch: theirs.transport });
    const query = { invitation_id: 'a b/ç?&' };
    const status = await unwrap(
      await requests.GET('/review_booster/invitation_status', { params: { query } }),
      'getReviewInvitationStatus',
    );
    expect(status.status).toBe('SENT');
    await api.GET('/review_booster/invitation_status', { params: { query } });
    const body = { business_id: 'b', target_phone: '+33601020304' };
    await requests.POST('/review_booster/send_invitation', { body });
    await api.POST('/review_booster/send_invitation', { body });
    expect(mine.seen).toEqual(theirs.seen.slice(0, 2));
    const missing = await requests.GET('/review_booster/invitation_status', { params: { query } });
    await expect(unwrap(missing, 'getReviewInvitationStatus')).rejects.toBeInstanceOf(NotFoundError);
  });

  it("serializes Argyle's comma-joined arrays and path parameters as openapi-fetch does", async () => {
    const mine = capture();
    const theirs = capture();
    const base = 'https://api.example.test';
    const comma = { array: { style: 'form', explode: false } } as const;
    // The wrapper pins its serializer per call: `.api`'s own (repeated names here) does not change its calls.
    const requests = createRequests<ArgylePaths>(createClient({ baseUrl: base, fetch: mine.transport }), {
      querySerializer: comma,
    });
    const api = createClient<ArgylePaths>({ baseUrl: base, fetch: theirs.transport, querySerializer: comma });
    const query = { status: ['sent', 'initiated'] as ('sent' | 'initiated')[], limit: 5 };
    await requests.GET('/v2/invites', { params: { query } });
    await api.GET('/v2/invites', { params: { query } });
    await requests.GET('/v2/invites/{id}', { params: { path: { id: 'a/b c' } } });
    await api.GET('/v2/invites/{id}', { params: { path: { id: 'a/b c' } } });
    expect(mine.seen).toEqual(theirs.seen);
  });

  it("`.api` without a signal still times out, and with one it ends on the caller's abort", async () => {
    const hang = (request: Request) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = request.signal;
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    const transport = createTransport({
      fetch: hang,
      baseUrl: BASE,
      authHeaders: {},
      secrets: [],
      timeoutMs: 20,
      maxRetries: 0,
    });
    const api = createClient<PartooPaths>({ baseUrl: BASE, fetch: transport });
    const query = { invitation_id: 'x' };
    await expect(api.GET('/review_booster/invitation_status', { params: { query } })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    const caller = new AbortController();
    const call = api.GET('/review_booster/invitation_status', { params: { query }, signal: caller.signal });
    caller.abort(new Error('caller gave up'));
    await expect(call).rejects.toThrow('caller gave up');
  });

  it('middleware on `.api` sees the typed calls too: they are calls of `.api`', async () => {
    const { seen, transport } = capture();
    const api = createClient<PartooPaths>({ baseUrl: BASE, fetch: transport });
    const requests = createRequests<PartooPaths>(api, { querySerializer: REPEATED });
    const urls: string[] = [];
    const watching: Middleware = { onRequest: ({ request }) => void urls.push(request.url) };
    const call = () => requests.GET('/review_booster/invitation_status', { params: { query: { invitation_id: 'x' } } });
    await call();
    api.use(watching);
    const through = await unwrap(await call(), 'getReviewInvitationStatus');
    api.eject(watching);
    await call();
    expect(through).toEqual({ status: 'SENT' });
    expect(urls).toEqual([`${BASE}/review_booster/invitation_status?invitation_id=x`]);
    expect(seen).toHaveLength(3);
  });
});
