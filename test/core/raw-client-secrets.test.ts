// The raw `.api` client against a server that echoes the credentials back, in its body and its headers, on an
// error, on a success and on a success that is not JSON: nothing `.api` returns or throws carries them.
import { describe, expect, it } from 'vitest';
import { createArgyleClient, createPartooClient } from '../../src/index.js';
import { basicToken } from '../../src/core/redact.js';
import { leakedSecrets } from '../support/secrets.js';
import { asRequest } from '../support/request.js';

const KEY = 'pk_echo_secret_0123456789';
const KEY_ID = 'argyle-echo-key-id-0001';
const KEY_SECRET = 'argyle-echo-key-secret-0002';
const SECRETS = [KEY, KEY_ID, KEY_SECRET, basicToken(KEY_ID, KEY_SECRET)];

type Shape = 'error' | 'json' | 'html';
const asObject = (headers: Headers) => {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name] = value));
  return out;
};
/** Answers with every request header quoted back, in the body and in response headers. */
const echoing = (shape: Shape) =>
  (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = asRequest(input, init);
    const sent = asObject(request.headers);
    const quoted = JSON.stringify(sent);
    const headers = { 'x-echo': quoted, 'content-type': shape === 'html' ? 'text/html' : 'application/json' };
    if (shape === 'html') return new Response(`<html><pre>${quoted}</pre></html>`, { status: 200, headers });
    const body = { errors: { json: `rejected: ${quoted}` }, echoed: sent, status: 'SENT' };
    return new Response(JSON.stringify(body), { status: shape === 'error' ? 401 : 200, headers });
  }) as typeof fetch;

/** Everything a caller can read from an `.api` result, as text. */
async function readable(result: { data?: unknown; error?: unknown; response: Response }): Promise<string> {
  const headers = JSON.stringify(asObject(result.response.headers));
  // openapi-fetch reads an error body itself; a success body (parsed here from the buffer) is still there to read.
  const body = result.response.bodyUsed ? '' : await result.response.clone().text();
  return [JSON.stringify(result.data) ?? '', JSON.stringify(result.error) ?? '', headers, body].join('\n');
}

const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

describe('.api against a server echoing the credentials', () => {
  const partoo = (shape: Shape) =>
    createPartooClient({ apiKey: KEY, baseUrl: 'https://partoo.test/v2', fetch: echoing(shape), maxRetries: 0 });
  const argyle = (shape: Shape) =>
    createArgyleClient({
      apiKeyId: KEY_ID,
      apiKeySecret: KEY_SECRET,
      baseUrl: 'https://argyle.test',
      fetch: echoing(shape),
      maxRetries: 0,
    });
  const partooStatus = (shape: Shape) =>
    partoo(shape).api.GET('/review_booster/invitation_status', { params: { query: { invitation_id: 'x' } } });
  const argyleList = (shape: Shape) => argyle(shape).api.GET('/v2/invites', {});

  it.each(['error', 'json'] as const)('Partoo, %s: no key in data, error, headers or body', async (shape) => {
    const result = await partooStatus(shape);
    const text = await readable(result);
    expect(text).toContain('[redacted]');
    expect(leaks(text)).toEqual([]);
  });

  it.each(['error', 'json'] as const)('Argyle, %s: no key id, secret or Basic token anywhere', async (shape) => {
    const result = await argyleList(shape);
    const text = await readable(result);
    expect(text).toContain('[redacted]');
    expect(leaks(text)).toEqual([]);
  });

  it("README's own `console.log(data ?? error)` prints no key", async () => {
    const { data, error } = await partooStatus('error');
    expect(leaks(JSON.stringify(data ?? error))).toEqual([]);
  });

  it.each([
    ['Partoo', () => partooStatus('html')],
    ['Argyle', () => argyleList('html')],
  ])("%s: a non-JSON success is openapi-fetch's own SyntaxError, quoting a body already scrubbed", async (_, call) => {
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyntaxError);
    expect(leakedSecrets(error, SECRETS)).toEqual([]);
  });

  it("keeps openapi-fetch's other readings: parseAs text left alone, an empty success is data undefined", async () => {
    const client = partoo('json');
    const text = await client.api.GET('/review_booster/invitation_status', {
      params: { query: { invitation_id: 'x' } },
      parseAs: 'text',
    });
    expect(typeof text.data).toBe('string');
    expect(leaks(text.data as string)).toEqual([]);
    const empty = createPartooClient({
      apiKey: KEY,
      baseUrl: 'https://partoo.test/v2',
      fetch: (async () => new Response(null, { status: 204 })) as typeof fetch,
    });
    const result = await empty.api.GET('/review_booster/invitation_status', {
      params: { query: { invitation_id: 'x' } },
    });
    expect(result.data).toBeUndefined();
    expect(result.response.status).toBe(204);
  });
});
