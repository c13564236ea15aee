import { ROOT } from '../api-errors.js';
import type { RequestProblem } from '../request-validator.js';

/** A mock as a server calls it: one Request in, its Response out. */
export type Handler = (request: Request) => Promise<Response>;

/**
 * A mock as `fetch` is called: a Request, or a URL and its init (the clients' own operations call it that way,
 * as they call `globalThis.fetch`). Pass it as a client's `fetch`.
 */
export type MockFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** One Request for either way of calling fetch. */
export const toRequest = (input: Request | string | URL, init?: RequestInit): Request =>
  input instanceof Request && init === undefined ? input : new Request(input, init);

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/**
 * The validator's problems grouped by field (`a.b`, without the body/query/path/header part), the way both
 * APIs report per-field errors; a problem about the request as a whole goes under ROOT, which each API's
 * error shape names its own way (not under its first word, as `{"Supported": [...]}` once did).
 */
export function fieldErrors(problems: RequestProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const field = p.path.filter((s) => !['body', 'query', 'path', 'header', 'headers'].includes(s)).join('.') || ROOT;
    (out[field] ??= []).push(p.message);
  }
  return out;
}

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for('invalid-json');
  }
}

export const INVALID_JSON = Symbol.for('invalid-json');

export function queryOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}
