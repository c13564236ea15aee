// `import { createMockHandlers } from 'partoo-argyle-sdk/msw'`: the stateful mocks as MSW request handlers.
// The rules live once, in src/testing/stateful (validation against the specs, status progression, cursors,
// 401s, faults); this file only hands MSW's requests to them. Nothing here loads Prism's CLI or a socket.
import type { HttpHandler } from 'msw';
import { mockClients, type MockClients, type MockConnection } from '../testing/clients.js';
import { createStatefulEngine, DEFAULT_CREDENTIALS, type StatefulMockOptions } from '../testing/stateful/index.js';
import type { Handler } from '../testing/stateful/respond.js';
import { http } from './load-msw.js';
import { resolveOrigins, type MockOrigins } from './origins.js';

/** Options of {@link createMockHandlers}: the stateful engine's options and the origins to answer on. */
export interface MockHandlerOptions extends StatefulMockOptions, MockOrigins {}

/** The names and controls of `startMockServers({ stateful: true })`, less close() (MSW ends it), plus handlers. */
export interface MockHandlers extends MockConnection, MockClients {
  /** for `setupServer(...mock.handlers)` or `server.use(...mock.handlers)` */
  handlers: HttpHandler[];
  /** the URLs and credentials alone, as plain data */
  connection: MockConnection;
  /** the mocks' clock; clients from partooClient() use it already */
  now(): Date;
  /** moves the mocks' clock forward */
  advanceTime(ms: number): void;
  /** forgets every invitation and invite, rewinds the clock, empties partooClient()s' guard ledgers */
  reset(): void;
  /** how many SMS were sent to one number of one business */
  sentCount(businessId: string, targetPhone: string): number;
  /** resolves once the specs' validators are loaded (requests wait for it anyway); rejects if they cannot be */
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
  const connection: MockConnection = {
    partooUrl,
    argyleUrl,
    partooApiKey: options.apiKey ?? DEFAULT_CREDENTIALS.apiKey,
    argyleApiKeyId: options.apiKeyId ?? DEFAULT_CREDENTIALS.apiKeyId,
    argyleApiKeySecret: options.apiKeySecret ?? DEFAULT_CREDENTIALS.apiKeySecret,
  };
  const now = () => engine.clock.now();
  const { clients, clearLedgers } = mockClients(connection, now);
  // A client keeps the fetch it was built with, and MSW swaps globalThis.fetch only in server.listen(): a
  // client made before listen() would reach the real API. These clients look fetch up at each request.
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  // Everything under the origin goes to the engine, which answers 404 in the API's shape for unknown paths,
  // as the HTTP mock does: nothing on these origins falls through to the network.
  const on = (base: string, handler: Handler) =>
    http.all(`${new URL(base).origin}/*`, ({ request }) => handler(request));
  return {
    handlers: [on(partooUrl, engine.partoo), on(argyleUrl, engine.argyle)],
    ...connection,
    connection,
    partooClient: (o = {}) => clients.partooClient({ fetch, ...o }),
    argyleClient: (o = {}) => clients.argyleClient({ fetch, ...o }),
    now,
    advanceTime: (ms) => engine.clock.advance(ms),
    reset: () => {
      engine.reset();
      clearLedgers();
    },
    sentCount: (businessId, targetPhone) => engine.partooState.sentCount(businessId, targetPhone),
    ready: engine.ready,
  };
}

export type { MockClients, MockConnection } from '../testing/clients.js';
export type { StatefulMockOptions } from '../testing/stateful/index.js';
export type { MockOrigins } from './origins.js';
