// The wrapper's own operations call the API through this, not through openapi-fetch: the same call shape
// (`GET(path, { params })`, `POST(path, { body })`) and types from the generated `paths`, without a client's
// machinery (middleware, a Response rebuilt around a body the wrapper reads itself). Every call goes through the
// transport's attempt core: origin check, credentials, timeout, retry, rate limit, redaction, logs and spans.
import type { FetchResponse, ParamsOption, RequestBodyOption } from 'openapi-fetch';
import type { Reply } from './api-result.js';
import { firstAttempt, type Outgoing } from './attempt.js';
import { middlewareRoute } from './raw-client.js';
import type { Transport } from './transport.js';

export type { Reply };

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
type PathsWith<P, M extends Method> = { [K in keyof P]: P[K] extends { [m in M]: object } ? K : never }[keyof P];
type Op<P, Path extends keyof P, M extends Method> = P[Path] extends { [m in M]: infer O } ? O : never;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Init<O> = ParamsOption<O> & RequestBodyOption<O> & { signal?: AbortSignal };
type Args<O> = RequiredKeys<Init<O>> extends never ? [init?: Init<O>] : [init: Init<O>];
/** The success body's type, as openapi-fetch's `data` would have it. */
type Data<O> = NonNullable<FetchResponse<O & Record<string | number, unknown>, object, 'application/json'>['data']>;

type Call<P, M extends Method> = <Path extends PathsWith<P, M>>(
  path: Path,
  ...init: Args<Op<P, Path, M>>
) => Promise<Reply<Data<Op<P, Path, M>>>>;

export interface Requests<P> {
  GET: Call<P, 'get'>;
  POST: Call<P, 'post'>;
  PUT: Call<P, 'put'>;
  PATCH: Call<P, 'patch'>;
  DELETE: Call<P, 'delete'>;
}

export interface RequestsOptions {
  baseUrl: string;
  /** arrays in a query as `name=a,b` (Argyle) instead of `name=a&name=b` (openapi-fetch's default) */
  commaArrays?: boolean;
  /** the client's `.api` (from lazyApi): while middleware is registered on it, calls go through it instead */
  api?: object;
}

interface LooseInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
  signal?: AbortSignal;
}

/** Typed requests over `transport`'s attempt core, with URLs serialized as openapi-fetch serializes them. */
export function createRequests<P>(transport: Transport, options: RequestsOptions): Requests<P> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const send = transport.send;
  async function call(method: string, path: string, init: LooseInit = {}): Promise<Reply<unknown>> {
    const route = options.api && middlewareRoute(options.api);
    if (route) return route(method, path, init);
    const out: Outgoing = {
      method,
      url: `${base}${fillPath(path, init.params?.path)}${query(init.params?.query, options.commaArrays)}`,
      headers: new Headers(),
      signal: init.signal,
    };
    for (const [k, v] of Object.entries(init.params?.header ?? {})) if (v != null) out.headers.set(k, String(v));
    if (init.body !== undefined) {
      out.body = JSON.stringify(init.body);
      out.headers.set('content-type', 'application/json');
    }
    const received = await send(out, firstAttempt());
    const { status, headers, text } = received;
    const ok = status >= 200 && status < 300;
    return { response: { status, ok, headers }, text, error: ok ? undefined : errorBody(received, method) };
  }
  const method =
    (m: string) =>
    (path: string, init?: LooseInit): Promise<Reply<unknown>> =>
      call(m, path, init);
  return {
    GET: method('GET'),
    POST: method('POST'),
    PUT: method('PUT'),
    PATCH: method('PATCH'),
    DELETE: method('DELETE'),
  } as unknown as Requests<P>;
}

/** openapi-fetch's reading of an error body: none for 204, HEAD or a zero length; else JSON, or the text as is. */
function errorBody(received: { status: number; headers: Headers; text: string }, method: string): unknown {
  if (received.status === 204 || method === 'HEAD' || received.headers.get('content-length') === '0') return undefined;
  try {
    return JSON.parse(received.text);
  } catch {
    return received.text;
  }
}

function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  if (!params) return path;
  return path.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value == null ? whole : encodeURIComponent(String(value));
  });
}

/** Primitives as `name=value`, arrays repeated or comma-joined; null and undefined left out. */
function query(params: Record<string, unknown> | undefined, commaArrays = false): string {
  if (!params) return '';
  const parts: string[] = [];
  for (const name in params) {
    const value = params[name];
    if (value == null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      const encoded = value.map((v) => encodeURIComponent(v as string));
      parts.push(commaArrays ? `${name}=${encoded.join(',')}` : encoded.map((v) => `${name}=${v}`).join('&'));
    } else if (typeof value === 'object') {
      for (const k in value) parts.push(`${name}[${k}]=${encodeURIComponent((value as Record<string, string>)[k])}`);
    } else parts.push(`${name}=${encodeURIComponent(value as string)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
