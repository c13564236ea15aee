// The wrapper `.api` calls go to once it is loaded (lazy-api.ts): openapi-fetch's typed client, except that a
// success body which is not JSON is a typed ApiError (status, headers, a redacted snippet) instead of the bare
// SyntaxError openapi-fetch throws, whose message quotes the start of the body as it came, echoed credentials
// included.
import type { ClientOptions, Middleware } from 'openapi-fetch';
import { parseJson, successText, type Reply } from './api-result.js';
import { bareRequest } from './bare-request.js';
import { API_METHODS, apiState, type AnyClient, type LoadedApi } from './lazy-api.js';

type Init =
  | {
      parseAs?: string;
      signal?: AbortSignal | null;
      fetch?: unknown;
      middleware?: unknown[];
      [option: string]: unknown;
    }
  | undefined;
type Call = (url: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * openapi-fetch's client, each call's success body parsed here. `quiet` is the fetch for calls made without a
 * signal: every Request carries one, and listening to a signal nobody can abort costs a few µs a call. While
 * `middleware` (the registered list) is empty, a call without its own builds a BareRequest instead of a Request.
 */
export function rawClient<C extends AnyClient>(client: C, quiet?: unknown, middleware: readonly Middleware[] = []): C {
  const raw = { ...client } as unknown as Record<string, unknown>;
  const calls = client as unknown as Record<string, Call>;
  const lane = { quiet, middleware };
  for (const method of API_METHODS)
    raw[method] = (url: string, init?: Init) => parsed(method, url, init, lane, (i) => calls[method](url, i));
  raw.request = (method: string, url: string, init?: Init) =>
    parsed(method.toUpperCase(), url, init, lane, (i) =>
      (client.request as unknown as (m: string, u: string, i?: Init) => ReturnType<Call>)(method, url, i),
    );
  return raw as unknown as C;
}

/** How a call reaches the transport: its fetch without a signal, and the middleware registered on the client. */
interface Lane {
  quiet: unknown;
  middleware: readonly Middleware[];
}

/**
 * One copy of the caller's options, as openapi-fetch gets them: the client's own fetch always (a `fetch` of the
 * caller's is overridden, so no call leaves without the attempt core), `quiet` when no signal was given, a
 * BareRequest when no middleware will see the request.
 */
function callOptions(init: Init, lane: Lane, parseAs: string | undefined): Init {
  const seen = lane.middleware.length > 0 || (init?.middleware?.length ?? 0) > 0;
  const copy: Record<string, unknown> = {
    fetch: init?.signal ? undefined : lane.quiet,
    parseAs: parseAs ?? init?.parseAs,
    Request: seen ? undefined : bareRequest,
  };
  // A loop, not a spread: V8's spread of an object literal's copy was ~5% of an in-memory `.api` call.
  for (const key in init) if (key !== 'fetch' && key !== 'parseAs') copy[key] = init[key];
  return copy;
}

async function parsed(method: string, url: string, init: Init, lane: Lane, call: (init: Init) => ReturnType<Call>) {
  if (init?.parseAs !== undefined && init.parseAs !== 'json') return call(callOptions(init, lane, undefined));
  // The transport's BufferedResponse hands `text()` over without a stream: one parse, here, typed on failure.
  const result = await call(callOptions(init, lane, 'text'));
  if (!result.response.ok) return result;
  // openapi-fetch's own reading: no body (204, HEAD, length 0) is `data: undefined`, and so is an empty text.
  const text = successText(result);
  return { ...result, data: text === '' ? undefined : parseJson(result.response, text, `${method} ${url}`) };
}

type CreateClient = (options: ClientOptions) => AnyClient;

/**
 * A loader for lazyApi: openapi-fetch (loaded by `create`) over `options`, whose `fetch` is a transport; the
 * transport's `quiet` fetch serves calls made without a signal.
 */
export const openapiLoader =
  (create: () => Promise<CreateClient>, options: ClientOptions) =>
  async (middleware: readonly Middleware[] = []): Promise<LoadedApi> => {
    const base = (await create())(options);
    const quiet = (options.fetch as { quiet?: unknown } | undefined)?.quiet;
    return { base, raw: rawClient(base, quiet, middleware), quiet };
  };

/** How request.ts sends a call through `.api`'s openapi-fetch instead, so that `.api`'s middleware sees it too. */
export type MiddlewareRoute = (method: string, path: string, init?: object) => Promise<Reply<unknown>>;

/** The route through `api` while middleware is registered on it; undefined otherwise (the direct path is faster). */
export function middlewareRoute(api: object): MiddlewareRoute | undefined {
  const state = apiState(api);
  if (!state?.active.length) return undefined;
  return async (method, path, init) => {
    const { base, quiet } = await state.ready();
    const result = await (base as unknown as Record<string, Call>)[method](
      path,
      callOptions(init as Init, { quiet, middleware: state.active }, 'text'),
    );
    const { response } = result;
    return { response, text: response.ok ? successText(result) : '', error: result.error };
  };
}
