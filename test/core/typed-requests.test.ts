// The wrapper's own operations call the API through the typed request path (src/core/request.ts), not through
// openapi-fetch: each request must leave exactly as openapi-fetch would send it (URL, query, headers, body), and
// each answer must read as openapi-fetch would read it (ok, error body).
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/api-result.js';
import { createRequests } from '../../src/core/request.js';
import { createTransport } from '../../src/core/transport.js';
import type { paths as PartooPaths } from '../../src/generated/partoo.js';
import { asRequest, entriesOf } from '../support/request.js';

const BASE = 'https://api.example.test/v2';

interface Seen {
  url: string;
  method: string;
  headers: [string, string][];
  body: string | null;
}

/** A transport over a fetch that records what reaches the server and answers with `respond`. */
const capture = (respond: () => Response = () => Response.json({ ok: true })) => {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    // As fetch does: a signal already aborted ends the call before anything is sent.
    if (init?.signal?.aborted) throw init.signal.reason;
    const request = asRequest(input, init);
    seen.push({
      url: request.url,
      method: request.method,
      headers: entriesOf(request.headers),
      body: request.body ? await request.text() : null,
    });
    return respond();
  };
  const transport = createTransport({
    fetch,
    baseUrl: BASE,
    authHeaders: { 'x-apikey': 'key-typed-1' },
    secrets: ['key-typed-1'],
    timeoutMs: 1000,
    maxRetries: 0,
  });
  return { seen, transport };
};

// Paths and parameters the spec does not have: the serialization rules are the subject, not one operation.
type Loose = (path: string, init?: object) => Promise<Reply<unknown>>;
type LooseApi = (path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

const both = (respond?: () => Response, baseUrl = BASE) => {
  const mine = capture(respond);
  const theirs = capture(respond);
  const requests = createRequests<PartooPaths>(createClient({ baseUrl: baseUrl, fetch: mine.transport }), {
    querySerializer: {},
  });
  const api = createClient<PartooPaths>({ baseUrl, fetch: theirs.transport as typeof fetch });
  return {
    mine,
    theirs,
    GET: requests.GET as unknown as Loose,
    POST: requests.POST as unknown as Loose,
    apiGET: api.GET as unknown as LooseApi,
    apiPOST: api.POST as unknown as LooseApi,
  };
};

describe('the typed request path sends what openapi-fetch sends', () => {
  it('serializes a query of arrays, objects, numbers and booleans, leaving out null, undefined and []', async () => {
    const b = both();
    const query = {
      ids: ['a b', 'c/d', 'é'],
      limit: 5,
      flag: true,
      gone: null,
      unset: undefined,
      none: [],
      filter: { name: 'Ada L', city: 'a&b' },
      text: 'x=y?z',
    };
    await b.GET('/things', { params: { query } });
    await b.apiGET('/things', { params: { query } });
    expect(b.mine.seen[0].url).toBe(
      `${BASE}/things?ids=a%20b&ids=c%2Fd&ids=%C3%A9&limit=5&flag=true` +
        '&filter[name]=Ada%20L&filter[city]=a%26b&text=x%3Dy%3Fz',
    );
    expect(b.mine.seen).toEqual(b.theirs.seen);
  });

  it('sends no query string at all when every parameter is left out', async () => {
    const b = both();
    await b.GET('/things', { params: { query: { gone: null, none: [] } } });
    await b.apiGET('/things', { params: { query: { gone: null, none: [] } } });
    expect(b.mine.seen[0].url).toBe(`${BASE}/things`);
    expect(b.mine.seen).toEqual(b.theirs.seen);
  });

  it('fills path parameters, encoded, and leaves a missing one as its placeholder', async () => {
    const b = both();
    const path = { id: 'a/b c', other: null };
    await b.GET('/things/{id}/{other}', { params: { path } });
    await b.apiGET('/things/{id}/{other}', { params: { path } });
    expect(b.mine.seen[0].url).toBe(`${BASE}/things/a%2Fb%20c/%7Bother%7D`);
    expect(b.mine.seen).toEqual(b.theirs.seen);
  });

  it('leaves the placeholders of a path given no path parameters, as openapi-fetch does', async () => {
    const b = both();
    await b.GET('/things/{id}');
    await b.apiGET('/things/{id}');
    expect(b.mine.seen[0].url).toBe(`${BASE}/things/%7Bid%7D`);
    expect(b.mine.seen).toEqual(b.theirs.seen);
  });

  it('sends header parameters as strings, leaving out null ones, with the credentials', async () => {
    const b = both();
    const header = { 'x-trace': 7, 'x-none': null, 'x-name': 'ada' };
    await b.GET('/things', { params: { header } });
    await b.apiGET('/things', { params: { header } });
    const headers = new Map(b.mine.seen[0].headers);
    expect(headers.get('x-trace')).toBe('7');
    expect(headers.get('x-name')).toBe('ada');
    expect(headers.has('x-none')).toBe(false);
    expect(headers.get('x-apikey')).toBe('key-typed-1');
    expect(b.mine.seen).toEqual(b.theirs.seen);
  });

  it('sends a body as JSON with its content type, and a GET without a body has neither', async () => {
    const b = both();
    await b.POST('/things', { body: { a: [1, 'two'], b: null } });
    await b.apiPOST('/things', { body: { a: [1, 'two'], b: null } });
    await b.GET('/things');
    await b.apiGET('/things');
    expect(b.mine.seen[0].body).toBe('{"a":[1,"two"],"b":null}');
    expect(new Map(b.mine.seen[0].headers).get('content-type')).toBe('application/json');
    expect(b.mine.seen[1].body).toBeNull();
    expect(new Map(b.mine.seen[1].headers).has('content-type')).toBe(false);
    expect(b.mine.seen).toEqual(b.theirs.seen);
  });

  it('joins a base URL given with a trailing slash without doubling it', async () => {
    const b = both(undefined, `${BASE}/`);
    await b.GET('/things');
    await b.apiGET('/things');
    expect(b.mine.seen[0].url).toBe(`${BASE}/things`);
    expect(b.mine.seen).toEqual(b.theirs.seen);
  });

  it('passes the caller signal down: an aborted call ends with the caller reason', async () => {
    const b = both();
    const caller = new AbortController();
    caller.abort(new Error('caller stopped'));
    await expect(b.GET('/things', { signal: caller.signal })).rejects.toThrow('caller stopped');
    expect(b.mine.seen).toHaveLength(0);
  });
});

describe('the typed request path reads an answer as openapi-fetch does', () => {
  const answer = async (respond: () => Response, method: 'GET' | 'POST' = 'GET') => {
    const b = both(respond);
    const mine = method === 'GET' ? await b.GET('/things') : await b.POST('/things', { body: {} });
    const theirs = method === 'GET' ? await b.apiGET('/things') : await b.apiPOST('/things', { body: {} });
    return { mine, theirs };
  };

  it('a 2xx is ok with no error body; 199 < 2xx < 300', async () => {
    for (const status of [200, 201, 299]) {
      const { mine, theirs } = await answer(() => Response.json({ id: 1 }, { status }));
      expect([mine.response.ok, mine.response.status, mine.error]).toEqual([true, status, undefined]);
      expect(mine.text).toBe('{"id":1}');
      expect(theirs.error).toBeUndefined();
    }
  });

  it('a 300 is not ok: its error body is handed over', async () => {
    const { mine, theirs } = await answer(() => Response.json({ moved: true }, { status: 300 }));
    expect(mine.response.ok).toBe(false);
    expect(mine.error).toEqual({ moved: true });
    expect(mine.error).toEqual(theirs.error);
  });

  it('an error body is parsed JSON, or the text as it is when it is not JSON', async () => {
    const json = await answer(() => Response.json({ errors: { json: 'bad' } }, { status: 400 }), 'POST');
    expect(json.mine.error).toEqual({ errors: { json: 'bad' } });
    expect(json.mine.error).toEqual(json.theirs.error);
    const text = await answer(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(text.mine.error).toBe('<html>Bad gateway</html>');
    expect(text.mine.error).toEqual(text.theirs.error);
  });

  it('an error with a zero content length has no error body, not an empty string', async () => {
    const { mine, theirs } = await answer(() => new Response('', { status: 404, headers: { 'content-length': '0' } }));
    expect(mine.response.status).toBe(404);
    expect(mine.error).toBeUndefined();
    expect(theirs.error).toBeUndefined();
    const empty = await answer(() => new Response('', { status: 404 }));
    expect(empty.mine.error).toBe('');
    expect(empty.mine.error).toEqual(empty.theirs.error);
  });
});
