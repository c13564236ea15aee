// Each layer of the attempt core on its own, then the typed request path that the wrapper's operations use, which
// must reach the server exactly as openapi-fetch would (same URL, same credentials, same errors).
import createClient, { type Client, type Middleware } from 'openapi-fetch';
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
import { lazyApi } from '../../src/core/lazy-api.js';
import { openapiLoader, rawClient } from '../../src/core/raw-client.js';
import { asRequest } from '../support/request.js';
import { createTransport, type TransportOptions } from '../../src/core/transport.js';
import type { paths as ArgylePaths } from '../../src/generated/argyle.js';
import type { paths as PartooPaths } from '../../src/generated/partoo.js';
import { ManualClock } from '../support/manual-clock.js';

const BASE = 'https://api.example.test/v2';
const out = (over: Partial<Outgoing> = {}): Outgoing => ({
  method: 'GET',
  url: `${BASE}/x`,
  headers: new Headers(),
  ...over,
});
const at = (over: Partial<Attempt> = {}): Attempt => ({ attempt: 0, final: () => true, ...over });
const received = (status: number, headers: Record<string, string> = {}): Received => ({
  status,
  statusText: '',
  headers: new Headers(headers),
  text: '',
});

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
    const requests = createRequests<PartooPaths>(transport, { baseUrl: BASE });
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
    const final = await exchange(fetch)(out(), at());
    expect(final.text).toBe('key [redacted]');
    expect(final.headers.get('x-echo')).toBe('[redacted]');
    const discarded = await exchange(fetch)(out(), at({ final: () => false }));
    expect(discarded.text).toBe('');
    expect(owner).toBeDefined();
  });
});

describe('typed requests over the same core', () => {
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

  it('sends what openapi-fetch sends, with credentials, and its errors are the typed ones', async () => {
    const mine = capture();
    const theirs = capture();
    const requests = createRequests<PartooPaths>(mine.transport, { baseUrl: BASE });
    const api = createClient<PartooPaths>({ baseUrl: BASE, fetch: theirs.transport as typeof fetch });
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
    const requests = createRequests<ArgylePaths>(mine.transport, { baseUrl: base, commaArrays: true });
    const api = createClient<ArgylePaths>({
      baseUrl: base,
      fetch: theirs.transport as typeof fetch,
      querySerializer: { array: { style: 'form', explode: false } },
    });
    const query = { status: ['sent', 'initiated'] as ('sent' | 'initiated')[], limit: 5 };
    await requests.GET('/v2/invites', { params: { query } });
    await api.GET('/v2/invites', { params: { query } });
    await requests.GET('/v2/invites/{id}', { params: { path: { id: 'a/b c' } } });
    await api.GET('/v2/invites/{id}', { params: { path: { id: 'a/b c' } } });
    expect(mine.seen).toEqual(theirs.seen);
  });

  it("`.api` without a signal still times out, and with one it ends on the caller's abort", async () => {
    const hang = (_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init!.signal!;
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
    const api = rawClient(createClient<PartooPaths>({ baseUrl: BASE, fetch: transport as typeof fetch }));
    const query = { invitation_id: 'x' };
    await expect(api.GET('/review_booster/invitation_status', { params: { query } })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    const caller = new AbortController();
    const call = api.GET('/review_booster/invitation_status', { params: { query }, signal: caller.signal });
    caller.abort(new Error('caller gave up'));
    await expect(call).rejects.toThrow('caller gave up');
  });

  it('a lazy `.api` loads openapi-fetch once, at its first call, with the middleware registered before', async () => {
    const { seen, transport } = capture();
    let loads = 0;
    const api = lazyApi<Client<PartooPaths>>(
      openapiLoader(async () => (loads++, createClient), { baseUrl: BASE, fetch: transport as typeof fetch }),
    );
    const urls: string[] = [];
    const kept: Middleware = { onRequest: ({ request }) => void urls.push(request.url) };
    const dropped: Middleware = {
      onRequest: () => {
        throw new Error('an ejected middleware ran');
      },
    };
    api.use(kept, dropped);
    api.eject(dropped);
    expect(loads).toBe(0);
    const query = { invitation_id: 'x' };
    const first = await api.GET('/review_booster/invitation_status', { params: { query } });
    await api.GET('/review_booster/invitation_status', { params: { query } });
    expect(loads).toBe(1);
    expect(first.data).toEqual({ status: 'SENT' });
    expect(urls).toHaveLength(2);
    expect(seen.map((s) => s.key)).toEqual(['key-123456', 'key-123456']);
  });

  it('with middleware on a lazy `.api`, the typed path goes through it; without, it goes direct', async () => {
    const { seen, transport } = capture();
    const api = lazyApi<Client<PartooPaths>>(
      openapiLoader(async () => createClient, { baseUrl: BASE, fetch: transport as typeof fetch }),
    );
    const requests = createRequests<PartooPaths>(transport, { baseUrl: BASE, api });
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
