// The `.api` a client exposes: openapi-fetch's typed client, except that a success body which is not JSON is a
// typed ApiError (status, headers, a redacted snippet) instead of the bare SyntaxError openapi-fetch throws, whose
// message quotes the start of the body as it came, echoed credentials included.
import type { Client, ClientOptions, Middleware } from 'openapi-fetch';
import { parseJson, successText, type Reply } from './api-result.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same wrapper serves every spec's paths
type AnyClient = Client<any>;
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
type Init = { parseAs?: string; signal?: AbortSignal | null; fetch?: unknown; [option: string]: unknown } | undefined;
type Call = (url: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * openapi-fetch's client, each call's success body parsed here. `quiet` is the fetch for calls made without a
 * signal: every Request carries one, and listening to a signal nobody can abort costs a few µs a call.
 */
export function rawClient<C extends AnyClient>(client: C, quiet?: unknown): C {
  const raw = { ...client } as unknown as Record<string, unknown>;
  const calls = client as unknown as Record<string, Call>;
  for (const method of METHODS)
    raw[method] = (url: string, init?: Init) => parsed(method, url, init, quiet, (i) => calls[method](url, i));
  raw.request = (method: string, url: string, init?: Init) =>
    parsed(method.toUpperCase(), url, init, quiet, (i) =>
      (client.request as unknown as (m: string, u: string, i?: Init) => ReturnType<Call>)(method, url, i),
    );
  return raw as unknown as C;
}

/**
 * One copy of the caller's options, as openapi-fetch gets them: the client's own fetch always (a `fetch` of the
 * caller's is overridden, so no call leaves without the attempt core), `quiet` when no signal was given.
 */
function callOptions(init: Init, quiet: unknown, parseAs: string | undefined): Init {
  const copy: Record<string, unknown> = { fetch: init?.signal ? undefined : quiet, parseAs: parseAs ?? init?.parseAs };
  // A loop, not a spread: V8's spread of an object literal's copy was ~5% of an in-memory `.api` call.
  for (const key in init) if (key !== 'fetch' && key !== 'parseAs') copy[key] = init[key];
  return copy;
}

async function parsed(method: string, url: string, init: Init, quiet: unknown, call: (init: Init) => ReturnType<Call>) {
  if (init?.parseAs !== undefined && init.parseAs !== 'json') return call(callOptions(init, quiet, undefined));
  // The transport's BufferedResponse hands `text()` over without a stream: one parse, here, typed on failure.
  const result = await call(callOptions(init, quiet, 'text'));
  if (!result.response.ok) return result;
  // openapi-fetch's own reading: no body (204, HEAD, length 0) is `data: undefined`, and so is an empty text.
  const text = successText(result);
  return { ...result, data: text === '' ? undefined : parseJson(result.response, text, `${method} ${url}`) };
}

type CreateClient = (options: ClientOptions) => AnyClient;

/** How request.ts sends a call through `.api`'s openapi-fetch instead, so that `.api`'s middleware sees it too. */
export type MiddlewareRoute = (method: string, path: string, init?: object) => Promise<Reply<unknown>>;
const routes = new WeakMap<object, () => MiddlewareRoute | undefined>();

/** The route through `api` while middleware is registered on it; undefined otherwise (the direct path is faster). */
export const middlewareRoute = (api: object): MiddlewareRoute | undefined => routes.get(api)?.();

/**
 * `.api` whose openapi-fetch loads with its first call (its methods are async): a client whose own operations go
 * through request.ts never pays for it at import. Middleware registered before the load is applied at the load,
 * in order; while any is registered, the client's own operations go through it as well (middleware on `.api` has
 * always seen them).
 */
export function lazyApi<C extends AnyClient>(load: () => Promise<CreateClient>, options: ClientOptions): C {
  let base: AnyClient | undefined;
  let raw: AnyClient | undefined;
  let loading: Promise<AnyClient> | undefined;
  const quiet = (options.fetch as { quiet?: unknown } | undefined)?.quiet;
  const active: Middleware[] = [];
  const ready = () =>
    (loading ??= load().then((create) => {
      base = create(options);
      base.use(...active);
      raw = rawClient(base, quiet);
      return base;
    }));
  const lazy: Record<string, unknown> = {
    use: (...middleware: Middleware[]) => {
      active.push(...middleware);
      base?.use(...middleware);
    },
    // As openapi-fetch's own eject: the first registration of each.
    eject: (...middleware: Middleware[]) => {
      for (const m of middleware) if (active.includes(m)) active.splice(active.indexOf(m), 1);
      base?.eject(...middleware);
    },
  };
  for (const name of [...METHODS, 'request'] as const) {
    const call = (...args: unknown[]) =>
      (raw as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args);
    // Once loaded, a call is the raw client's own: no extra async step per call.
    lazy[name] = (...args: unknown[]) => (raw ? call(...args) : ready().then(() => call(...args)));
  }
  const route: MiddlewareRoute = async (method, path, init) => {
    const client = (base ?? (await ready())) as unknown as Record<string, Call>;
    const result = await client[method](path, callOptions(init as Init, quiet, 'text'));
    const { response } = result;
    return { response, text: response.ok ? successText(result) : '', error: result.error };
  };
  routes.set(lazy, () => (active.length ? route : undefined));
  return lazy as unknown as C;
}
