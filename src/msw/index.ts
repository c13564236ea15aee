// `import { createMockHandlers } from 'partoo-argyle-sdk/msw'`: the stateful mocks as MSW request handlers.
// The rules live once, in src/testing/stateful (validation against the specs, status progression, cursors,
// 401s, faults); this file only hands MSW's requests to them. Nothing here loads Prism's CLI or a socket.
import type { HttpHandler } from 'msw';
import { namespaceHandle, type MockNamespace } from '../testing/namespace-handle.js';
import { createStatefulEngine, type StatefulMockOptions } from '../testing/stateful/index.js';
import type { MockNamespaceState } from '../testing/stateful/namespace.js';
import type { Handler } from '../testing/stateful/respond.js';
import { http } from './load-msw.js';
import { resolveOrigins, type MockOrigins } from './origins.js';

/** Options of {@link createMockHandlers}: the stateful engine's options and the origins to answer on. */
export interface MockHandlerOptions extends StatefulMockOptions, MockOrigins {}

/** The names and controls of `startMockServers({ stateful: true })`, less close() (MSW ends it), plus handlers. */
export interface MockHandlers extends Omit<MockNamespace, 'argyle'> {
  /** for `setupServer(...mock.handlers)` or `server.use(...mock.handlers)` */
  handlers: HttpHandler[];
  /** another namespace: its own clock, store, faults and journal, reached with keys `mock-<name>` */
  namespace(name: string): MockNamespace;
  /** resolved from the start (the validators are compiled ahead); kept for tests that await it in beforeAll */
  ready: Promise<void>;
}

/**
 * The stateful mocks as MSW request handlers, made synchronously: no port, no child process, no validator package.
 * They answer on production's base URLs unless `partooUrl`/`argyleUrl` say otherwise.
 *
 * @example
 * const mock = createMockHandlers();
 * const server = setupServer(...mock.handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 */
export function createMockHandlers(options: MockHandlerOptions = {}): MockHandlers {
  const { partooUrl, argyleUrl } = resolveOrigins(options);
  const engine = createStatefulEngine(options);
  // A client keeps the fetch it was built with, and MSW swaps globalThis.fetch only in server.listen(): a
  // client made before listen() would reach the real API. These clients look fetch up at each request.
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  const handles = new WeakMap<MockNamespaceState, MockNamespace>();
  const handleOf = (ns: MockNamespaceState): MockNamespace => {
    let handle = handles.get(ns);
    if (!handle) {
      const inner = namespaceHandle(ns, { partooUrl, argyleUrl });
      handle = {
        ...inner,
        partooClient: (o = {}) => inner.partooClient({ fetch, ...o }),
        argyleClient: (o = {}) => inner.argyleClient({ fetch, ...o }),
      };
      handles.set(ns, handle);
    }
    return handle;
  };
  // Everything under the origin goes to the engine, which answers 404 in the API's shape for unknown paths,
  // as the HTTP mock does: nothing on these origins falls through to the network.
  const on = (base: string, handler: Handler) =>
    http.all(`${new URL(base).origin}/*`, ({ request }) => handler(request));
  const { argyle: _argyle, ...own } = handleOf(engine.namespaces.default);
  return {
    handlers: [on(partooUrl, engine.partoo), on(argyleUrl, engine.argyle)],
    ...own,
    namespace: (name) => handleOf(engine.namespaces.get(name)),
    ready: engine.ready,
  };
}

export type { MockClients, MockConnection } from '../testing/clients.js';
export type { StatefulMockOptions } from '../testing/stateful/index.js';
export type { MockOrigins } from './origins.js';
