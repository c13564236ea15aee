// The differential harness: one call made through bare openapi-fetch and through `.api`, on the same generated
// spec types, with the same fake fetch. What reached fetch and what came back are recorded as plain values, so a
// test compares them whole; the only normalisations are those raw-client-differences.ts allows, each named.
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { expect } from 'vitest';
import {
  createArgyleClient,
  createPartooClient,
  type ArgyleClientOptions,
  type PartooClientOptions,
} from '../../src/index.js';
import type { paths as ArgylePaths } from '../../src/generated/argyle.js';
import type { paths as PartooPaths } from '../../src/generated/partoo.js';
import { ConnectionError, SdkError } from '../../src/core/errors.js';
import type { Difference } from './raw-client-differences.js';

export type { ArgylePaths, PartooPaths };

export const PARTOO_BASE = 'https://partoo.test/v2';
export const ARGYLE_BASE = 'https://argyle.test';
export const KEY = 'pk_differential_0123456789';
export const KEY_ID = 'argyle-differential-id-01';
export const KEY_SECRET = 'argyle-differential-secret-02';

/** The fake server: called once per request that reaches fetch, in each run alike. */
export type Responder = (request: Request, init: RequestInit | undefined) => Response | Promise<Response>;

/** What fetch received, as plain values (the body read as text, FormData's random boundary replaced). */
export interface Seen {
  class: string;
  method: string;
  url: string;
  headers: [string, string][];
  body: string | null;
  cache: string;
  credentials: string;
  keepalive: boolean;
  mode: string;
  redirect: string;
  referrerPolicy: string;
  integrity: string;
  referrer: string;
  /** the Request's own keys: what openapi-fetch put on it that RequestInit has no field for (a `dispatcher`) */
  own: Record<string, unknown>;
  /** fetch's second argument (openapi-fetch's `requestInitExt`) */
  init: RequestInit | undefined;
  aborted: boolean;
}

/** One run: what fetch saw, what the test's middleware recorded, and the answer or the failure. */
export interface Outcome {
  seen: Seen[];
  events: unknown[];
  result?: unknown;
  thrown?: unknown;
}

export interface Runs {
  bare: Outcome;
  ours: Outcome;
}

type Options = Omit<ClientOptions, 'baseUrl' | 'fetch'>;
export type Call<P extends object> = (api: Client<P>, events: unknown[]) => Promise<unknown>;

const BOUNDARY = /(-{2,}|boundary=)[-\w.]*[\w]{8,}/g;

async function seen(request: Request, init: RequestInit | undefined): Promise<Seen> {
  const own: Record<string, unknown> = {};
  for (const key of Object.keys(request)) own[key] = (request as unknown as Record<string, unknown>)[key];
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => headers.push([name, value.replace(BOUNDARY, '$1<boundary>')]));
  const { method, url, cache, credentials, keepalive, mode, redirect, referrer, referrerPolicy, integrity } = request;
  const aborted = request.signal.aborted;
  const body = request.body ? (await request.clone().text()).replace(BOUNDARY, '$1<boundary>') : null;
  const common = { method, url, cache, credentials, keepalive, mode, redirect, referrer, referrerPolicy, integrity };
  return { class: request.constructor.name, ...common, headers: headers.sort(), body, own, init, aborted };
}

/** A value as a test compares it: streams, blobs and buffers read, Responses described. */
export async function plain(value: unknown): Promise<unknown> {
  if (value instanceof ReadableStream) return { stream: await new Response(value).text() };
  if (value instanceof Blob) return { blob: value.type, text: await value.text() };
  if (value instanceof ArrayBuffer) return { arrayBuffer: [...new Uint8Array(value)] };
  if (value instanceof Response) return responseShape(value);
  return value;
}

export function responseShape(response: Response) {
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  const { status, statusText, ok, url, redirected, type, bodyUsed } = response;
  return { status, statusText, ok, url, redirected, type, bodyUsed, headers: headers.sort() };
}

async function outcome<P extends object>(api: Client<P>, call: Call<P>, log: Seen[], events: unknown[]) {
  try {
    const got = (await call(api, events)) as { data?: unknown; error?: unknown; response?: Response } | undefined;
    if (!got || !(got.response instanceof Response)) return { seen: log, events, result: await plain(got) };
    const data = await plain(got.data);
    return { seen: log, events, result: { data, error: got.error, response: responseShape(got.response) } };
  } catch (thrown) {
    return { seen: log, events, thrown };
  }
}

function recorder(respond: Responder, log: Seen[]) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    // openapi-fetch calls fetch with its Request, and so does the transport.
    const request = input instanceof Request ? input : new Request(input, init);
    log.push(await seen(request, init));
    return respond(request, init);
  };
}

type Recorded = ReturnType<typeof recorder>;

/** One call through bare openapi-fetch on `baseUrl` and through `.api` as `ours` makes it, each with its own log. */
async function both<P extends object>(
  call: Call<P>,
  respond: Responder,
  options: Options,
  baseUrl: string,
  ours: (fetch: Recorded) => Client<P>,
): Promise<Runs> {
  const bareLog: Seen[] = [];
  const oursLog: Seen[] = [];
  const bare = createClient<P>({ ...options, baseUrl, fetch: recorder(respond, bareLog) });
  const api = ours(recorder(respond, oursLog));
  return { bare: await outcome(bare, call, bareLog, []), ours: await outcome(api, call, oursLog, []) };
}

/**
 * The same call through bare openapi-fetch and through Partoo's `.api`, each with its own copy of the fake server.
 * `own`: the SDK's own options for `.api`'s client (retries, a timeout, a logger), where a case shows a difference.
 */
export function partooBoth(
  call: Call<PartooPaths>,
  respond: Responder,
  options: Options = {},
  own: PartooClientOptions = {},
): Promise<Runs> {
  return both(
    call,
    respond,
    options,
    PARTOO_BASE,
    (fetch) =>
      createPartooClient({
        ...options,
        apiKey: KEY,
        baseUrl: PARTOO_BASE,
        fetch,
        maxRetries: 0,
        rateLimit: false,
        guard: false,
        logLevel: 'off',
        ...own,
      }).api,
  );
}

/** The same, through Argyle's `.api` (Basic credentials). */
export function argyleBoth(
  call: Call<ArgylePaths>,
  respond: Responder,
  options: Options = {},
  own: ArgyleClientOptions = {},
): Promise<Runs> {
  return both(
    call,
    respond,
    options,
    ARGYLE_BASE,
    (fetch) =>
      createArgyleClient({
        ...options,
        apiKeyId: KEY_ID,
        apiKeySecret: KEY_SECRET,
        baseUrl: ARGYLE_BASE,
        fetch,
        maxRetries: 0,
        logLevel: 'off',
        ...own,
      }).api,
  );
}

/** The auth header each API's transport adds, and its value for the keys above. */
const AUTH: Record<string, string> = {
  'x-apikey': KEY,
  authorization: `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64')}`,
};

/**
 * `.api`'s run with the allowed differences taken out, after checking each is there as allowed:
 * - `auth header`: every request ours sent carries exactly one auth header with the client's key;
 * - `redirects`: every request ours sent says `redirect: manual`;
 * - `fetch failures` (when the case allows it): a ConnectionError or TimeoutError stands for its cause.
 */
export function normalised(runs: Runs, allow: Difference[] = []): Outcome {
  const seenByUs = runs.ours.seen.map((s, i) => {
    const auth = s.headers.filter(([name]) => name in AUTH);
    expect(auth, 'auth header').toHaveLength(1);
    expect(auth[0][1], 'auth header').toBe(AUTH[auth[0][0]]);
    expect(s.redirect, 'redirects').toBe('manual');
    const bareRedirect = runs.bare.seen[i]?.redirect ?? s.redirect;
    return { ...s, headers: s.headers.filter(([name]) => !(name in AUTH)), redirect: bareRedirect };
  });
  const unwrap = (e: unknown) => (allow.includes('fetch failures') && isTransportFailure(e) ? failure(e.cause) : e);
  return {
    seen: seenByUs,
    events: runs.ours.events.map(unwrap),
    ...('result' in runs.ours && { result: runs.ours.result }),
    ...('thrown' in runs.ours && { thrown: unwrap(runs.ours.thrown) }),
  };
}

/** A failure as `fetch failures` compares it: the cause is a redacted copy of the error, name and message kept. */
const failure = (e: unknown) => (e instanceof Error ? { failure: e.name, message: e.message } : e);

const isTransportFailure = (e: unknown): e is SdkError =>
  e instanceof SdkError && (e instanceof ConnectionError || e.name === 'TimeoutError') && e.cause !== undefined;

/** Both runs compared whole, with only the named differences allowed. */
export function expectSame(runs: Runs, allow: Difference[] = []): void {
  expect(runs.bare.seen.length, 'requests that reached fetch').toBe(runs.ours.seen.length);
  const { bare } = runs;
  const failures = allow.includes('fetch failures');
  const expected = failures ? { ...bare, events: bare.events.map(failure) } : bare;
  if (failures && 'thrown' in bare) expected.thrown = failure(bare.thrown);
  expect(normalised(runs, allow)).toEqual(expected);
}

export const json = (body: unknown, init: ResponseInit = {}) => Response.json(body, init);
