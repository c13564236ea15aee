// `import { startMockServers } from 'partoo-argyle-sdk/testing'`. No test-runner import here: it must load
// inside a vitest or jest globalSetup.
import { mockClients, type MockConnection } from './clients.js';
import { withArgyleControl, withControl } from './control.js';
import { serve, type HttpServer } from './http.js';
import { startPrism, type PrismServer } from './prism.js';
import { rulesFor, type ApiRules } from './rules.js';
import { namespaceHandle, type MockNamespace } from './namespace-handle.js';
import type { MockCredentials } from './rules.js';
import { createStatefulEngine, DEFAULT_CREDENTIALS, type StatefulMockOptions } from './stateful/index.js';
import type { MockNamespaceState } from './stateful/namespace.js';
import { DEFAULT_NAMESPACE, type Namespaces } from './stateful/namespaces.js';
import { MockClock } from './stateful/clock.js';
import type { Handler } from './stateful/respond.js';
import { staticFront } from './static-front.js';

/** Options of {@link startMockServers}: the mode, where to listen, and (stateful mode) the engine's options. */
export interface MockServerOptions extends StatefulMockOptions {
  /**
   * a stateful mock, which remembers sends and needs no other package (default false: Prism serving the specs'
   * examples behind the same checks, which needs `@stoplight/prism-cli` and refuses the fault options)
   */
  stateful?: boolean;
  /** the address both mocks listen on (default 127.0.0.1) */
  host?: string;
  /** the Partoo mock's port (default 0: a free one, read back from `partooUrl`) */
  portPartoo?: number;
  /** the Argyle mock's port (default 0: a free one, read back from `argyleUrl`) */
  portArgyle?: number;
  /** request bodies past this many bytes get 413 before they are read (default 1 MB) */
  maxBodyBytes?: number;
}

/**
 * Running mocks: where they listen, the credentials they accept, their clock and controls, and close(). Its own
 * controls are the default namespace's; `namespace(name)` gives another (stateful mode).
 */
export interface MockServers extends MockNamespace {
  /**
   * A namespace of its own (its clock, store, rate counter, invites, faults, journal and reset), reached with the
   * Partoo key and Argyle key id `mock-<name>`; `namespace('default')` is this one. Stateful mode.
   */
  namespace(name: string): MockNamespace;
  /** stops both mocks (and Prism, in static mode); calling it again returns the same promise */
  close(): Promise<void>;
}

/** What one mode started: its clock, its reset and the partner-facing URLs (Partoo, Argyle). */
interface Started {
  clock: MockClock;
  resetState: () => void;
  urls: [string, string];
  /** stateful mode: every namespace */
  namespaces?: Namespaces;
}

/** Serves a handler on the host, records the server for close(), and gives its URL. */
type Listen = (handler: Handler, port: number | undefined, rules: ApiRules) => Promise<string>;
type Rules = { partoo: ApiRules; argyle: ApiRules };

/**
 * Starts both mocks on loopback ports: Partoo Review Booster and Argyle invites, in static mode (Prism serving the
 * specs' examples; needs `@stoplight/prism-cli`) or stateful mode (remembers sends, Partoo's 10-day rule, a movable
 * clock; needs no other package). Both check each request in one order with the same answers. Always `close()`.
 *
 * @example
 * const mock = await startMockServers({ stateful: true });
 * const partoo = mock.partooClient();
 * await partoo.reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33601020304' });
 * await mock.close();
 */
export async function startMockServers(options: MockServerOptions = {}): Promise<MockServers> {
  const host = options.host ?? '127.0.0.1';
  const servers: (HttpServer | PrismServer)[] = [];
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= Promise.all(servers.map((s) => s.close())).then(() => undefined));
  const credentials = {
    apiKey: options.apiKey ?? DEFAULT_CREDENTIALS.apiKey,
    apiKeyId: options.apiKeyId ?? DEFAULT_CREDENTIALS.apiKeyId,
    apiKeySecret: options.apiKeySecret ?? DEFAULT_CREDENTIALS.apiKeySecret,
  };
  const rules: Rules = { partoo: rulesFor('partoo', credentials), argyle: rulesFor('argyle', credentials) };
  const listen: Listen = async (handler, port, { errors }) => {
    const server = await serve(handler, { host, port: port ?? 0, errors, maxBodyBytes: options.maxBodyBytes });
    servers.push(server);
    return server.url;
  };
  try {
    const started = options.stateful
      ? await startStateful(options, listen, rules)
      : await startStatic(options, listen, rules, servers);
    return running(started, credentials, close);
  } catch (e) {
    // Whatever started before the failure is stopped: no orphan server.
    await close();
    throw e;
  }
}

/** The mocks as a test drives them: the default namespace's controls, and any other namespace by name. */
function running(started: Started, credentials: MockCredentials, close: () => Promise<void>): MockServers {
  const [partooUrl, argyleUrl] = started.urls;
  const { namespaces } = started;
  if (namespaces) {
    // One handle per namespace state, so a reset clears the ledgers of every client made from any handle of it.
    const handles = new WeakMap<MockNamespaceState, MockNamespace>();
    const handleOf = (ns: MockNamespaceState) => {
      const handle = handles.get(ns) ?? namespaceHandle(ns, { partooUrl, argyleUrl });
      handles.set(ns, handle);
      return handle;
    };
    return { ...handleOf(namespaces.default), namespace: (name) => handleOf(namespaces.get(name)), close };
  }
  const { clock, resetState } = started;
  const connection: MockConnection = {
    partooUrl,
    argyleUrl,
    partooApiKey: credentials.apiKey,
    argyleApiKeyId: credentials.apiKeyId,
    argyleApiKeySecret: credentials.apiKeySecret,
  };
  const now = () => clock.now();
  const { clients, clearLedgers } = mockClients(connection, now);
  const needsState = (name: string) => () => {
    throw new Error(`${name} needs startMockServers({ stateful: true }) (Prism keeps no state)`);
  };
  return {
    name: DEFAULT_NAMESPACE,
    ...connection,
    connection,
    ...clients,
    now,
    advanceTime: (ms) => {
      clock.advance(ms);
      return Promise.resolve();
    },
    reset: () => {
      resetState();
      clearLedgers();
      return Promise.resolve();
    },
    sentCount: needsState('sentCount'),
    requests: needsState('requests'),
    queueFault: needsState('queueFault'),
    pendingFaults: needsState('pendingFaults'),
    namespace: needsState('namespace'),
    argyle: { setInviteStatus: needsState('argyle.setInviteStatus'), sendWebhook: needsState('argyle.sendWebhook') },
    close,
  };
}

/** Prism serving the spec's examples behind a front that answers as the stateful mock does. */
async function startStatic(
  options: MockServerOptions,
  listen: Listen,
  rules: Rules,
  servers: (HttpServer | PrismServer)[],
): Promise<Started> {
  const faults = (['latencyMs', 'failRate', 'seed', 'rateLimitPerMinute'] as const).filter(
    (k) => options[k] !== undefined,
  );
  if (faults.length) {
    throw new Error(`${faults.join(', ')} need stateful: true (the static mock is Prism, serving the spec's examples)`);
  }
  const clock = new MockClock();
  const resetState = () => clock.reset();
  // Prism on internal free ports (it retries a hung start there); the front takes the partner's ports.
  const [partooPrism, argylePrism] = await Promise.all(
    [startPrism('partoo'), startPrism('argyle')].map(async (p) => {
      const prism = await p;
      servers.push(prism);
      return prism;
    }),
  );
  const front = (api: 'partoo' | 'argyle', prism: PrismServer) =>
    withControl(staticFront(api, prism.url, rules[api]), clock, resetState, rules[api].errors);
  const urls: [string, string] = [
    await listen(front('partoo', partooPrism), options.portPartoo, rules.partoo),
    await listen(front('argyle', argylePrism), options.portArgyle, rules.argyle),
  ];
  return { clock, resetState, urls };
}

async function startStateful(options: MockServerOptions, listen: Listen, rules: Rules): Promise<Started> {
  // The engine's own: a dropped connection stays a Response.error() for the HTTP layer to drop the socket.
  const mocks = createStatefulEngine(options);
  const { namespaces } = mocks;
  const argyle = withArgyleControl(mocks.argyle, (name) => namespaces.get(name).argyleState);
  const urls: [string, string] = [
    await listen(mocks.partoo, options.portPartoo, rules.partoo),
    await listen(argyle, options.portArgyle, rules.argyle),
  ];
  return { clock: mocks.clock, resetState: mocks.reset, urls, namespaces };
}

export { connectMockServers } from './connect.js';
export type { ConnectedMocks, ConnectedNamespace } from './connect.js';
export type { MockClients, MockConnection } from './clients.js';
export type { ArgyleMockControls, MockNamespace } from './namespace-handle.js';
export type { JournalEntry } from './stateful/journal.js';
export type { PendingFault, QueuedFault, QueuedFaultKind } from './stateful/fault-queue.js';
export { createStatefulMocks } from './stateful/index.js';
export type { StatefulMocks, StatefulMockOptions } from './stateful/index.js';
export type { Handler, MockFetch } from './stateful/respond.js';
export type { ArgyleState } from './stateful/argyle.js';
export type { ArgyleTimings, SetInviteStatusOptions } from './stateful/argyle-lifecycle.js';
export type { SendWebhookOptions, SentWebhook } from './stateful/argyle-webhooks.js';
export type { PartooState } from './stateful/partoo.js';
export type { MockClock } from './stateful/clock.js';
export type { FaultOptions } from './stateful/faults.js';
