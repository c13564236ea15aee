// The `.api` a client exposes from its construction: openapi-fetch's client, and the wrapper that parses its
// answers (raw-client.ts), load with the first call (its methods are async anyway), so a client whose own
// operations never touch `.api` never loads them. Middleware registered before the load is applied at the load, in
// order; while any is registered, the client's own operations go through `.api` too (its middleware has always
// seen them).
import type { Client, Middleware } from 'openapi-fetch';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same shell serves every spec's paths
export type AnyClient = Client<any>;
export const API_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/** `.api` once loaded: openapi-fetch's client, and the wrapper over it that callers' calls go to. */
export interface LoadedApi {
  base: AnyClient;
  raw: AnyClient;
  /** the fetch for calls made without a signal (raw-client.ts) */
  quiet?: unknown;
}

/** What request.ts needs to route the client's own calls through `.api` (raw-client.ts's middlewareRoute). */
export interface ApiState {
  readonly active: readonly Middleware[];
  ready(): Promise<LoadedApi>;
}
const states = new WeakMap<object, ApiState>();

export const apiState = (api: object): ApiState | undefined => states.get(api);

/** `load` is given the list of registered middleware, which it reads at each call (it changes with `use`/`eject`). */
export function lazyApi<C extends AnyClient>(load: (middleware: readonly Middleware[]) => Promise<LoadedApi>): C {
  let loaded: LoadedApi | undefined;
  let loading: Promise<LoadedApi> | undefined;
  const active: Middleware[] = [];
  const ready = () =>
    (loading ??= load(active).then((api) => {
      api.base.use(...active);
      return (loaded = api);
    }));
  const lazy: Record<string, unknown> = {
    use: (...middleware: Middleware[]) => {
      active.push(...middleware);
      loaded?.base.use(...middleware);
    },
    // As openapi-fetch's own eject: the first registration of each.
    eject: (...middleware: Middleware[]) => {
      for (const m of middleware) if (active.includes(m)) active.splice(active.indexOf(m), 1);
      loaded?.base.eject(...middleware);
    },
  };
  for (const name of [...API_METHODS, 'request'] as const) {
    const call = (...args: unknown[]) =>
      (loaded!.raw as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args);
    // Once loaded, a call is the raw client's own: no extra async step per call.
    lazy[name] = (...args: unknown[]) => (loaded ? call(...args) : ready().then(() => call(...args)));
  }
  states.set(lazy, { active, ready });
  return lazy as unknown as C;
}

/**
 * A client's operations over their code, which starts loading now (by the first call it is usually there); they
 * are built once, at the first call. A load that fails is reported by the first call that needs it, not as an
 * unhandled rejection now.
 */
export function loadedOnce<M, T>(code: Promise<M>, build: (module: M) => T): () => Promise<T> {
  code.catch(() => {});
  let built: Promise<T> | undefined;
  return () => (built ??= code.then(build));
}
