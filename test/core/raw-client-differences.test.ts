// Each thing `.api` may do otherwise than bare openapi-fetch (raw-client-differences.ts), shown happening: the same
// call through both, the same fake server, and the difference exactly as allowed. docs/raw-client.md's table cites
// one test here per difference, and test/core/raw-client-docs.test.ts checks that it does.
import { context, trace } from '@opentelemetry/api';
import { AsyncHooksContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ConnectionError, TimeoutError } from '../../src/core/errors.js';
import { createArgyleClient, createPartooClient } from '../../src/index.js';
import { expectSame, json, KEY, PARTOO_BASE, partooBoth, type PartooPaths, type Responder } from './differential.js';

const STATUS = '/review_booster/invitation_status';
const SEND = '/review_booster/send_invitation';
const status = (api: Client<PartooPaths>, init: object = {}) =>
  api.GET(STATUS, { params: { query: { invitation_id: 'inv_1' } }, ...init });
const ok: Responder = () => json({ status: 'SENT' });
/** Which client a request came from: only `.api`'s attempts carry the key. */
const fromUs = (request: Request) => request.headers.get('x-apikey') === KEY;
const headersOf = (request: Request) => {
  const out: Record<string, string> = {};
  request.headers.forEach((value, name) => (out[name] = value));
  return out;
};

describe('what may differ, each shown', () => {
  it("auth header: each attempt's copy carries the key, middleware's Request never does", async () => {
    const call = (api: Client<PartooPaths>, events: unknown[]) => {
      api.use({
        onRequest: ({ request }) => (
          events.push(headersOf(request)),
          request.headers.set('x-apikey', 'not-mine'),
          request
        ),
        onResponse: ({ request }) => void events.push(headersOf(request)),
      });
      return status(api);
    };
    const runs = await partooBoth(call, ok);
    expect(runs.bare.seen[0].headers).toContainEqual(['x-apikey', 'not-mine']);
    expect(runs.ours.seen[0].headers).toContainEqual(['x-apikey', KEY]);
    expect(runs.ours.events).toEqual([{}, { 'x-apikey': 'not-mine' }]);
    expect(runs.ours.events).toEqual(runs.bare.events);
  });

  it('other origins: a per-call baseUrl or a middleware URL elsewhere is refused before fetch', async () => {
    const perCall = await partooBoth((api) => status(api, { baseUrl: 'https://elsewhere.test/v2' }), ok);
    expect(perCall.bare.seen.map((s) => s.url)).toEqual([
      'https://elsewhere.test/v2/review_booster/invitation_status?invitation_id=inv_1',
    ]);
    expect(perCall.ours.seen).toEqual([]);
    expect(perCall.ours.thrown).toBeInstanceOf(ConfigurationError);
    expect(String(perCall.ours.thrown)).toContain('Refusing to send credentials to https://elsewhere.test');
    const moved: Middleware = { onRequest: ({ request }) => new Request('https://elsewhere.test/x', request) };
    const replaced = await partooBoth((api) => (api.use(moved), status(api)), ok);
    expect(replaced.bare.seen).toHaveLength(1);
    expect(replaced.ours.seen).toEqual([]);
    expect(replaced.ours.thrown).toBeInstanceOf(ConfigurationError);
  });

  it('retries: a read is sent again after a 503, a write is not', async () => {
    const tries = new Map<boolean, number>();
    // Each client's first request gets a 503 (no wait asked), every later one the answer.
    const flaky: Responder = (request) => {
      const n = (tries.get(fromUs(request)) ?? 0) + 1;
      tries.set(fromUs(request), n);
      return n === 1 ? json({}, { status: 503, headers: { 'retry-after': '0' } }) : ok(request, undefined);
    };
    const read = await partooBoth((api) => status(api), flaky, {}, { maxRetries: 1 });
    expect(read.bare.seen).toHaveLength(1);
    expect(read.bare.result).toMatchObject({ response: { status: 503 } });
    expect(read.ours.seen).toHaveLength(2);
    expect(read.ours.result).toMatchObject({ data: { status: 'SENT' }, response: { status: 200 } });
    tries.clear();
    const body = { business_id: 'b1', client_name: 'Ada', target_phone: '+33612345678' };
    const write = await partooBoth((api) => api.POST(SEND, { body }), flaky, {}, { maxRetries: 1 });
    expectSame(write);
  });

  it('attempt timeout: over the wait for the headers and between two chunks of a streamed body', async () => {
    const slowHeaders: Responder = (request) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(json({ status: 'SENT' })), 300);
        request.signal.addEventListener('abort', () => (clearTimeout(timer), reject(request.signal.reason)));
      });
    const headers = await partooBoth((api) => status(api), slowHeaders, {}, { timeoutMs: 50 });
    expect(headers.bare.result).toMatchObject({ data: { status: 'SENT' } });
    expect(headers.ours.thrown).toBeInstanceOf(TimeoutError);
    expect(String(headers.ours.thrown)).toContain('timed out after 50 ms');
    const stalling: Responder = () => new Response(chunks(['first ', 'second'], 300));
    const body = await partooBoth((api) => status(api, { parseAs: 'stream' }), stalling, {}, { timeoutMs: 50 });
    expect(body.bare.result).toMatchObject({ data: { stream: 'first second' } });
    expect(body.ours.thrown).toBeInstanceOf(TimeoutError);
  });

  it('rate limit: every attempt of Partoo’s client takes its turn before fetch', async () => {
    const order: string[] = [];
    const limiter = { take: async () => void order.push('take') };
    const recording: Responder = (request) => (
      order.push(fromUs(request) ? 'fetch ours' : 'fetch bare'),
      ok(request, undefined)
    );
    const runs = await partooBoth((api) => status(api), recording, {}, { rateLimit: limiter });
    expect(order).toEqual(['fetch bare', 'take', 'fetch ours']);
    expectSame(runs);
  });

  it('logs and traces: a debug record and a span per attempt, with no key', async () => {
    const records: unknown[][] = [];
    const record = (...args: unknown[]) => void records.push(args);
    const logger = { error: record, warn: record, info: record, debug: record };
    const exporter = new InMemorySpanExporter();
    context.setGlobalContextManager(new AsyncHooksContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    try {
      const client = createPartooClient({
        apiKey: KEY,
        baseUrl: PARTOO_BASE,
        fetch: async () => json({ status: 'SENT' }),
        logger,
        logLevel: 'debug',
      });
      // The OpenTelemetry API loads with the first of the wrapper's methods; from then on `.api` is traced too.
      await client.reviewBooster.getInvitationStatus('inv_0');
      exporter.reset();
      records.length = 0;
      await status(client.api);
      await status(client.api);
    } finally {
      trace.disable();
      context.disable();
    }
    const attempts = records.filter(([fields]) => (fields as { event?: string })?.event === 'http.attempt');
    expect(attempts).toHaveLength(2);
    expect(attempts[0][0]).toMatchObject({ method: 'GET', path: '/v2/review_booster/invitation_status', status: 200 });
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => [s.name, s.attributes['http.response.status_code']])).toEqual([
      ['GET', 200],
      ['GET', 200],
    ]);
    expect(JSON.stringify([records, spans.map((s) => s.attributes)])).not.toContain(KEY);
  });

  it('redirects: fetch gets redirect manual, so a 302 comes back as it is', async () => {
    const moved: Responder = () =>
      new Response(null, { status: 302, headers: { location: 'https://elsewhere.test/' } });
    const runs = await partooBoth((api) => status(api), moved);
    expect(runs.bare.seen[0].redirect).toBe('follow');
    expect(runs.ours.seen[0].redirect).toBe('manual');
    expect(runs.ours.result).toMatchObject({
      response: { status: 302, headers: [['location', 'https://elsewhere.test/']] },
    });
    expectSame(runs);
  });

  it("fetch failures: fetch's TypeError is a ConnectionError, middleware's onError sees it too", async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const failing: Responder = () => Promise.reject(new TypeError('fetch failed', { cause: refused }));
    const call = (api: Client<PartooPaths>, events: unknown[]) => {
      api.use({ onError: ({ error }) => void events.push(error) });
      return status(api);
    };
    const runs = await partooBoth(call, failing);
    expect(runs.bare.thrown).toBeInstanceOf(TypeError);
    expect(runs.bare.events[0]).toBe(runs.bare.thrown);
    expect(runs.ours.thrown).toBeInstanceOf(ConnectionError);
    expect(runs.ours.events[0]).toBe(runs.ours.thrown);
    const cause = (runs.ours.thrown as ConnectionError).cause as Error & { code?: string };
    expect([cause.name, cause.message, cause.code]).toEqual(['TypeError', 'fetch failed', 'ECONNREFUSED']);
    expectSame(runs, ['fetch failures']);
  });

  it('secrets: a key or a credential header value echoed in a body or a header comes back redacted', async () => {
    const proxy = 'Bearer proxy-token-0123456789';
    const echo: Responder = () => json({ key: KEY, proxy }, { status: 400, headers: { 'x-echo': `${KEY} ${proxy}` } });
    const runs = await partooBoth((api) => status(api), echo, { headers: { 'proxy-authorization': proxy } });
    expect(runs.bare.result).toMatchObject({ error: { key: KEY, proxy } });
    const ours = JSON.stringify(runs.ours.result);
    expect(ours).not.toContain(KEY);
    expect(ours).not.toContain('proxy-token-0123456789');
    expect(ours).toContain('[redacted]');
  });

  it("middleware fetch: middleware's options.fetch is the transport, which adds the key", async () => {
    const seen: Request[] = [];
    const given = (async (request: Request) => (seen.push(request), json({}))) as typeof fetch;
    const fetchOf = async (api: Client<PartooPaths>) => {
      let got: unknown;
      api.use({ onRequest: ({ options }) => void (got = options.fetch) });
      await status(api);
      return got as (r: Request) => Promise<Response>;
    };
    expect(await fetchOf(createClient<PartooPaths>({ baseUrl: PARTOO_BASE, fetch: given }))).toBe(given);
    const ours = createPartooClient({
      apiKey: KEY,
      baseUrl: PARTOO_BASE,
      fetch: given,
      rateLimit: false,
      logLevel: 'off',
    });
    const transport = await fetchOf(ours.api);
    expect(transport).not.toBe(given);
    seen.length = 0;
    await transport(new Request(`${PARTOO_BASE}${STATUS}`));
    expect(seen[0].headers.get('x-apikey')).toBe(KEY);
  });

  it('base URL: one bare openapi-fetch takes is refused when the client is made', () => {
    const refused = [
      'partoo.test/v2',
      'ftp://partoo.test/v2',
      'https://user:password@partoo.test/v2',
      'https://partoo.test/v2?tenant=1',
      'https://partoo.test/v2#top',
    ];
    for (const baseUrl of refused) {
      expect(() => createClient<PartooPaths>({ baseUrl })).not.toThrow();
      expect(() => createPartooClient({ apiKey: KEY, baseUrl }), baseUrl).toThrow(ConfigurationError);
    }
    const argyle = { apiKeyId: 'id-0123456789', apiKeySecret: 'secret-0123456789', baseUrl: 'https://argyle.test/v2' };
    expect(() => createArgyleClient(argyle)).toThrow(/ends in \/v2/);
  });
});

describe("parseAs 'stream'", () => {
  it('handed over when the headers arrive, scrubbed as it flows, a key split across two chunks included', async () => {
    const half = Math.floor(KEY.length / 2);
    const parts = [`{"a":"${KEY.slice(0, half)}`, `${KEY.slice(half)}","b":1}`];
    let sentSecond = false;
    const api = createPartooClient({
      apiKey: KEY,
      baseUrl: PARTOO_BASE,
      fetch: async () => new Response(chunks(parts, 80, () => (sentSecond = true))),
      rateLimit: false,
      logLevel: 'off',
    }).api;
    const { data } = await status(api, { parseAs: 'stream' });
    expect(sentSecond, 'returned before the body ended').toBe(false);
    const text = await new Response(data as ReadableStream).text();
    expect(text).toBe('{"a":"[redacted]","b":1}');
  });
});

/** A body of these chunks, the later ones each `gapMs` after the one before. */
function chunks(parts: string[], gapMs: number, onLast: () => void = () => {}): ReadableStream<Uint8Array> {
  const bytes = parts.map((p) => new TextEncoder().encode(p));
  let i = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i > 0) await new Promise((r) => setTimeout(r, gapMs));
      try {
        if (i === bytes.length) return controller.close();
        controller.enqueue(bytes[i++]);
        if (i === bytes.length) onLast();
      } catch {
        // cancelled by a reader that gave up: nothing left to hand over
      }
    },
  });
}
