// The `.api` a client exposes: openapi-fetch's typed client, except that a success body which is not JSON is a
// typed ApiError (status, headers, a redacted snippet) instead of the bare SyntaxError openapi-fetch throws, whose
// message quotes the start of the body as it came, echoed credentials included.
import type { Client, ClientOptions, Middleware } from 'openapi-fetch';
import { parseJson, successText } from './api-result.js';
import { NO_CALLER_SIGNAL } from './transport.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same wrapper serves every spec's paths
type AnyClient = Client<any>;
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
type Init = { parseAs?: string; signal?: AbortSignal | null } | undefined;
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

async function parsed(method: string, url: string, init: Init, call: (init: Init) => ReturnType<Call>) {
  // Without a signal of the caller's, the transport need not listen to the one every Request carries.
  const marked = init?.signal ? init : { ...init, [NO_CALLER_SIGNAL]: true };
  if (init?.parseAs !== undefined && init.parseAs !== 'json') return call(marked);
  const result = await call({ ...marked, parseAs: 'stream' });
  if (!result.response.ok) return result;
  // openapi-fetch's own reading: no body (204, HEAD, length 0) is `data: undefined`, and so is an empty text.
  const text = await successText(result);
  return { ...result, data: text === '' ? undefined : parseJson(result.response, text, `${method} ${url}`) };
}

type CreateClient = (options: ClientOptions) => AnyClient;

/**
 * `.api` whose openapi-fetch loads with its first call (its methods are async): a client whose own operations go
 * through request.ts never pays for it at import. Middleware registered before the load is applied at the load,
 * in order; `eject` before the load takes it off the list.
 */
export function lazyApi<C extends AnyClient>(load: () => Promise<CreateClient>, options: ClientOptions): C {
  let client: AnyClient | undefined;
  let loading: Promise<AnyClient> | undefined;
  const pending: Middleware[] = [];
  const ready = () =>
    (loading ??= load().then((create) => {
      client = rawClient(create(options));
      client.use(...pending);
      return client;
    }));
  const lazy: Record<string, unknown> = {
    use: (...middleware: Middleware[]) => (client ? client.use(...middleware) : pending.push(...middleware)),
    eject: (...middleware: Middleware[]) => {
      if (client) return client.eject(...middleware);
      for (const m of middleware) if (pending.includes(m)) pending.splice(pending.indexOf(m), 1);
    },
  };
  for (const name of [...METHODS, 'request'] as const) {
    lazy[name] = async (...args: unknown[]) => {
      const api = (client ?? (await ready())) as unknown as Record<string, (...a: unknown[]) => unknown>;
      return api[name](...args);
    };
  }
  return lazy as unknown as C;
}
