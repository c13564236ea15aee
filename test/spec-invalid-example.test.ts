// An example upstream gives that breaks its own schema: the static mock never answers it as though it were valid,
// nor as Prism's opaque 500, but with a documented 500 naming the operation and the example's first violation.
// Prism is stood in for by a server answering as Prism does (its sl-violations header; its problem body under
// --errors), so that each way Prism reports a broken example is pinned.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { rulesFor } from '../src/testing/rules.js';
import { invalidExample, staticFront } from '../src/testing/static-front.js';

const KEY = 'mock-key';
const rules = rulesFor('partoo', { apiKey: KEY, apiKeyId: 'id', apiKeySecret: 'secret' });
const VIOLATION = { location: ['response', 'body', 'template_id'], severity: 'Error', message: 'must be string' };
let server: Server | undefined;

afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A stand-in for Prism answering every request with `status`, `headers` and `body`. */
async function prism(status: number, headers: Record<string, string>, body: string): Promise<string> {
  server = createServer((_req, res) => res.writeHead(status, headers).end(body));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server!.address() as { port: number }).port}`;
}

const get = (url: string) =>
  staticFront(
    'partoo',
    url,
    rules,
  )(new Request('http://mock.test/review_booster/template', { headers: { 'x-apikey': KEY } }));
const expected = invalidExample('GET /review_booster/template', 'at body.template_id: must be string');

describe('static mock: an upstream example that breaks its own schema', () => {
  it('served with a violations header (Prism without --errors): a documented 500, not the invalid body', async () => {
    const url = await prism(
      200,
      { 'content-type': 'application/json', 'sl-violations': JSON.stringify([VIOLATION]) },
      '{"template_id": null}',
    );
    const res = await get(url);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual(expected);
    expect(res.headers.get('sl-violations')).toBeNull();
  });

  it("Prism's own 500 under --errors: the same documented body, naming the operation and the violation", async () => {
    const problem = { type: 'https://stoplight.io/prism/errors#VIOLATIONS', status: 500, validation: [VIOLATION] };
    const url = await prism(500, { 'content-type': 'application/problem+json' }, JSON.stringify(problem));
    const res = await get(url);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual(expected);
    expect(body.errors.json).toBe(
      "mock: the spec's example for GET /review_booster/template breaks its own schema: " +
        'at body.template_id: must be string',
    );
  });

  it('a valid example, or a violation in the request only, is answered as before', async () => {
    const request = { ...VIOLATION, location: ['request', 'query', 'x'], severity: 'Warning' };
    const url = await prism(
      200,
      { 'content-type': 'application/json', 'sl-violations': JSON.stringify([request]) },
      '{"template_id": "t1"}',
    );
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ template_id: 't1' });
  });
});
