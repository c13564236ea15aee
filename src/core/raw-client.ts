// The `.api` a client exposes: openapi-fetch's typed client, except that a success body which is not JSON is a
// typed ApiError (status, headers, a redacted snippet) instead of the bare SyntaxError openapi-fetch throws, whose
// message quotes the start of the body as it came, echoed credentials included.
import type { Client, ClientOptions, Middleware } from 'openapi-fetch';
import { parseJson, successText, type Reply } from './api-result.js';
import { NO_CALLER_SIGNAL } from './transport.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same wrapper serves every spec's paths
type AnyClient = Client<any>;
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
type Init = { parseAs?: string; signal?: AbortSignal | null; [marker: string]: unknown } | undefined;
type Call = (url: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export function rawClient<C extends AnyClient>(client: C): C {
  const raw = { ...client } as unknown as Record<string, unknown>;
  const calls = client as unknown as Record<string, Call>;
  for (const method of METHODS)
    raw[method] = (url: string, init?: Init) => parsed(method, url, init, (i) => calls[method](url, i));
  raw.request = (method: string, url: string, init?: Init) =>
    parsed(method.toUpperCase(), url, init, (i) =>
      (client.request as unknown as (m: string, u: string, i?: Init) => ReturnType<Call>)(method, url, i),
    );
  return raw as unknown as C;
}

/** Without a signal of the caller's, the transport need not listen to the one every Request carries. */
const marked = (init: Init): Init => (init?.signal ? init : { ...init, [NO_CALLER_SIGNAL]: true });

async function parsed(method: string, url: string, init: Init, call: (init: Init) => ReturnType<Call>) {
  if (init?.parseAs !== undefined && init.parseAs !== 'json') return call(marked(init));
  const result = await call({ ...marked(init), parseAs: 'stream' });
  if (!result.response.ok) return result;
  // openapi-fetch's own reading: no body (204, HEAD, length 0) is `data: undefined`, and so is an empty text.
  const text = await successText(result);
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
  const active: Middleware[] = [];
  const ready = () =>
    (loading ??= load().then((create) => {
      base = create(options);
      base.use(...active);
      raw = rawClient(base);
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
    lazy[name] = async (...args: unknown[]) => {
      if (!raw) await ready();
      return (raw as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args);
    };
  }
  const route: MiddlewareRoute = async (method, path, init) => {
    const client = (base ?? (await ready())) as unknown as Record<string, Call>;
    const result = await client[method](path, { ...marked(init as Init), parseAs: 'stream' });
    const { response } = result;
    return { response, text: response.ok ? await successText(result) : '', error: result.error };
  };
  routes.set(lazy, () => (active.length ? route : undefined));
  return lazy as unknown as C;
}
