import { withStatefulControl } from '../control-stateful.js';
import { requestValidator } from '../request-validator.js';
import type { ArgyleState } from './argyle.js';
import type { MockClock } from './clock.js';
import { Namespaces } from './namespaces.js';
import type { StatefulMockOptions } from './options.js';
import type { PartooState } from './partoo.js';
import type { MockFetch } from './respond.js';

export type { StatefulMockOptions } from './options.js';

/** The credentials the mocks accept unless told otherwise. */
export const DEFAULT_CREDENTIALS = {
  apiKey: 'mock-partoo-api-key',
  apiKeyId: 'mock-argyle-key-id',
  apiKeySecret: 'mock-argyle-key-secret',
};

/** Both stateful mocks as in-memory `fetch` functions; clock, state and reset are the default namespace's. */
export interface StatefulMocks {
  /** the Partoo mock, for a Partoo client's `fetch`; a connection the mock drops rejects, as fetch would */
  partoo: MockFetch;
  /** the Argyle mock, for an Argyle client's `fetch` */
  argyle: MockFetch;
  /** the default namespace's clock */
  clock: MockClock;
  /** the default namespace's Partoo memory: invitations, templates, expeditor names */
  partooState: PartooState;
  /** the default namespace's Argyle invites and their controls */
  argyleState: ArgyleState;
  /**
   * the default namespace's reset: forgets its invitations, queued faults and journal, seeds its invites afresh,
   * rewinds its clock and restarts its rate-limit window
   */
  reset(): void;
  /** every namespace: `namespaces.get(name)` is the one keys `mock-<name>` reach */
  namespaces: Namespaces;
}

/**
 * A connection the mock dropped on purpose (a queued `reset` or `timeout` fault), as `fetch` reports one: a
 * rejected promise, not a response.
 */
const asFetch =
  (inner: MockFetch): MockFetch =>
  async (input, init) => {
    const response = await inner(input, init);
    if (response.type === 'error') throw new TypeError('fetch failed', { cause: new Error('the mock dropped it') });
    return response;
  };

/** Both stateful mocks as in-memory `fetch` handlers over one clock; startMockServers puts them on sockets. */
export async function createStatefulMocks(options: StatefulMockOptions = {}): Promise<StatefulMocks> {
  const engine = createStatefulEngine(options);
  return { ...engine, partoo: asFetch(engine.partoo), argyle: asFetch(engine.argyle) };
}

/**
 * The same mocks, made synchronously: the validators are compiled ahead (src/testing/compiled), so MSW handlers
 * can be registered in a CommonJS jest file, which has no top-level await. `ready` is kept for callers that
 * awaited it; it is resolved from the start. A dropped connection is a `Response.error()` here, which the HTTP
 * server turns into a closed socket and MSW into a network error.
 */
export function createStatefulEngine(options: StatefulMockOptions = {}): StatefulMocks & { ready: Promise<void> } {
  const credentials = {
    apiKey: options.apiKey ?? DEFAULT_CREDENTIALS.apiKey,
    apiKeyId: options.apiKeyId ?? DEFAULT_CREDENTIALS.apiKeyId,
    apiKeySecret: options.apiKeySecret ?? DEFAULT_CREDENTIALS.apiKeySecret,
  };
  const validators = { partoo: requestValidator('partoo'), argyle: requestValidator('argyle') };
  const namespaces = new Namespaces(options, credentials, validators);
  const ns = namespaces.default;
  return {
    partoo: withStatefulControl('partoo', namespaces),
    argyle: withStatefulControl('argyle', namespaces),
    clock: ns.clock,
    partooState: ns.partooState,
    argyleState: ns.argyleState,
    reset: () => ns.reset(),
    namespaces,
    ready: Promise.resolve(),
  };
}
