// `.api` builds no Request for a call no middleware will see (bare-request.ts): what reaches the server must be
// exactly what the Request openapi-fetch builds would have carried, whatever the call.
import createClient, { type Middleware } from 'openapi-fetch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../src/core/errors.js';
import { lazyApi } from '../../src/core/lazy-api.js';
import { openapiLoader, rawClient } from '../../src/core/raw-client.js';
import { createTransport } from '../../src/core/transport.js';
import { entriesOf } from '../support/request.js';

const BASE = 'https://api.example.test/v2';
// The recorder's own Request, untouched by the test that counts the ones the client builds.
const NativeRequest = globalThis.Request;
const KEY = 'key-bare-123456';

interface Wire {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
  /** whether the request could be aborted by the caller's signal */
  signal: boolean;
}

/** An `.api` over a transport whose fetch records what it would send; `watched` registers a no-op middleware. */
function recordingApi(watched: boolean) {
  const wire: Wire[] = [];
  const seenByMiddleware: unknown[] = [];
  const transport = createTransport({
    fetch: async (url, init) => {
      const request = new NativeRequest(url, init);
      const headers = entriesOf(request.headers).filter(([name]) => name !== 'content-length');
      const body = await request.text();
      wire.push({ method: request.method, url: request.url, headers, body, signal: init.signal != null });
      return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    },
    baseUrl: BASE,
    authHeaders: { 'x-APIKey': KEY },
    secrets: [KEY],
    timeoutMs: 5_000,
    maxRetries: 0,
  });

  const base = createClient<any>({ baseUrl: BASE, fetch: transport as typeof fetch, redirect: 'manual' });
  const middleware: Middleware[] = [];
  if (watched) {
    const watch: Middleware = { onRequest: ({ request }) => void seenByMiddleware.push(request) };
    base.use(watch);
    middleware.push(watch);
  }
  // Any path, any method: this file checks the request on the wire, not one spec's types.
  const api: any = rawClient(base, transport.quiet, middleware);
  return { api, wire, seenByMiddleware };
}

const form = () => {
  const data = new FormData();
  data.append('phone', '+33601020304');
  return data;
};

// Each call as a caller writes it; run once through a BareRequest (no middleware) and once through a Request.
const CALLS: Record<string, (api: any, signal: AbortSignal) => Promise<unknown>> = {
  'GET with a query and a header': (api) =>
    api.GET('/items/{id}', {
      params: { path: { id: 'a b/é' }, query: { q: ['x', 'y'] } },
      headers: { 'X-Trace': 't' },
    }),
  'GET with a signal': (api, signal) => api.GET('/items', { signal }),
  HEAD: (api) => api.HEAD('/items'),
  DELETE: (api) => api.DELETE('/items/{id}', { params: { path: { id: '7' } } }),
  'POST with JSON': (api) => api.POST('/items', { body: { name: 'n', n: 1 } }),
  'POST with a form': (api) => api.POST('/items', { body: form(), bodySerializer: (b: FormData) => b }),
  'PUT with its own content type': (api) =>
    api.PUT('/items', { body: 'a=1', bodySerializer: (b: string) => b, headers: { 'Content-Type': 'text/plain' } }),
  'request("patch")': (api) => api.request('patch', '/items', { body: { a: 1 } }),
};

describe('`.api` without middleware sends what a Request would have carried', () => {
  for (const [name, call] of Object.entries(CALLS)) {
    it(name, async () => {
      const bare = recordingApi(false);
      const watched = recordingApi(true);
      const signal = new AbortController().signal;
      await call(bare.api, signal);
      await call(watched.api, signal);
      expect(watched.seenByMiddleware).toHaveLength(1);
      expect(watched.seenByMiddleware[0]).toBeInstanceOf(Request);
      // A form's boundary differs from one body to the next: compared without it.
      const unbound = (w: Wire[]) => JSON.parse(JSON.stringify(w).replace(/-{2,}[\w-]*\d{6,}[\w-]*/g, 'BOUNDARY'));
      expect(unbound(bare.wire)).toEqual(unbound(watched.wire));
      expect(bare.wire).toHaveLength(1);
      expect(bare.wire[0].headers).toContainEqual(['x-apikey', KEY]);
    });
  }

  it('a form body keeps its multipart content type and its parts', async () => {
    const { api, wire } = recordingApi(false);
    await CALLS['POST with a form'](api, new AbortController().signal);
    const type = wire[0].headers.find(([n]) => n === 'content-type')?.[1];
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(wire[0].body).toContain('+33601020304');
  });

  it("follows the caller's signal: aborted before, nothing is sent; aborted during, ends with its reason", async () => {
    const { api, wire } = recordingApi(false);
    await expect(api.GET('/items', { signal: AbortSignal.abort(new Error('gone before')) })).rejects.toThrow(
      'gone before',
    );
    expect(wire).toHaveLength(0);
    const hanging = createTransport({
      fetch: (_url, init) =>
        new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
      baseUrl: BASE,
      authHeaders: {},
      secrets: [],
      timeoutMs: 60_000,
      maxRetries: 0,
    });

    const slow = rawClient(createClient<any>({ baseUrl: BASE, fetch: hanging as typeof fetch }), hanging.quiet);
    const caller = new AbortController();
    const call = slow.GET('/items', { signal: caller.signal });
    await new Promise((r) => setTimeout(r, 10));
    caller.abort(new Error('caller gave up'));
    await expect(call).rejects.toThrow('caller gave up');
  });

  it('a per-call baseUrl is checked as fetch would read it: the same server passes, another is refused', async () => {
    const { api, wire } = recordingApi(false);
    await api.GET('/items', { baseUrl: 'https://API.example.test:443/v2' });
    expect(wire.map((w) => w.url)).toEqual([`${BASE}/items`]);
    await expect(api.GET('/items', { baseUrl: 'https://elsewhere.test/v2' })).rejects.toBeInstanceOf(
      ConfigurationError,
    );
    expect(wire).toHaveLength(1);
  });

  it('a method fetch refuses fails as it did with a Request, before any attempt', async () => {
    const { api, wire } = recordingApi(false);
    await expect(api.request('connect', '/items')).rejects.toThrow(TypeError);
    expect(wire).toHaveLength(0);
  });

  it('middleware registered after the first call sees a real Request from then on, until it is ejected', async () => {
    const { wire } = recordingApi(false);
    const transport = createTransport({
      fetch: async (url, init) => (
        wire.push({ method: init.method!, url, headers: [], body: '', signal: true }),
        new Response('{}', { headers: { 'content-type': 'application/json' } })
      ),
      baseUrl: BASE,
      authHeaders: { 'x-APIKey': KEY },
      secrets: [KEY],
      timeoutMs: 5_000,
      maxRetries: 0,
    });
    const api: any = lazyApi(
      openapiLoader(async () => createClient, { baseUrl: BASE, fetch: transport as typeof fetch }),
    );
    const seen: unknown[] = [];
    const watch: Middleware = { onRequest: ({ request }) => void seen.push(request) };
    await api.GET('/items');
    api.use(watch);
    await api.GET('/items');
    api.eject(watch);
    await api.GET('/items');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Request);
    expect(wire.map((w) => w.url)).toEqual([`${BASE}/items`, `${BASE}/items`, `${BASE}/items`]);
  });

  describe('builds a Request only for a call that middleware will see, or that has a body', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('counts the Requests built', async () => {
      let built = 0;
      const Counting = class extends Request {
        constructor(input: RequestInfo | URL, init?: RequestInit) {
          super(input, init);
          built++;
        }
      };
      vi.stubGlobal('Request', Counting);
      const bare = recordingApi(false);
      await bare.api.GET('/items', { params: { query: { q: 'x' } } });
      for (const method of ['get', 'head', 'delete', 'options', 'put', 'post', 'patch'])
        await bare.api.request(method, '/items');
      expect(built).toBe(0);
      expect(bare.wire.map((w) => w.method)).toEqual([
        'GET',
        'GET',
        'HEAD',
        'DELETE',
        'OPTIONS',
        'PUT',
        'POST',
        'PATCH',
      ]);
      await bare.api.POST('/items', { body: { a: 1 } });
      expect(built).toBe(1);
      // A method of its own (WebDAV's) goes to Request's checks, which take it.
      await bare.api.request('propfind', '/items');
      expect(built).toBe(2);
      const watched = recordingApi(true);
      await watched.api.GET('/items');
      expect(built).toBe(3);
    });
  });
});
