// `import { startMockServers } from 'partoo-argyle-sdk/testing'`. No test-runner import here: it must load
// inside a vitest or jest globalSetup.
import { mockClients, type MockClients, type MockConnection } from './clients.js';
import { withArgyleControl, withControl } from './control.js';
import { serve, type HttpServer } from './http.js';
import { startPrism, type PrismServer } from './prism.js';
import { rulesFor, type ApiRules } from './rules.js';
import { createStatefulMocks, DEFAULT_CREDENTIALS, type StatefulMockOptions } from './stateful/index.js';
import type { ArgyleState } from './stateful/argyle.js';
import { MockClock } from './stateful/clock.js';
import type { Handler } from './stateful/respond.js';
import { staticFront } from './static-front.js';

/** Options of {@link startMockServers}: the mode, where to listen, and (stateful mode) the engine's options. */
export interface MockServerOptions extends StatefulMockOptions {
  /** a stateful mock (default false: Prism serving the spec's examples) */
  stateful?: boolean;
  /** default 127.0.0.1 */
  host?: string;
  /** default 0: a free port */
  portPartoo?: number;
  portArgyle?: number;
  /** request bodies past this many bytes get 413 before they are read (default 1 MB) */
  maxBodyBytes?: number;
}

/** Running mocks: where they listen, the credentials they accept, their clock and controls, and close(). */
export interface MockServers extends MockConnection, MockClients {
  /** the URLs and credentials alone, as plain data: what a globalSetup `provide`s to test workers */
  connection: MockConnection;
  /** the mocks' clock; clients from partooClient() use it already */
  now(): Date;
  /** moves the mocks' clock forward (static mode: the clock only; Prism keeps no state) */
  advanceTime(ms: number): void;
  /**
   * Forgets every invitation and invite (stateful mode), rewinds the clock, and empties the guard ledgers of
   * clients made by partooClient(). A client made otherwise keeps its ledger: make a new one after a reset.
   */
  reset(): void;
  /** stateful mode: how many SMS were sent to one number of one business */
  sentCount(businessId: string, targetPhone: string): number;
  /** stateful mode: move an invite through its life, and send Argyle's signed webhooks to a URL of the test's */
  argyle: ArgyleMockControls;
  close(): Promise<void>;
}

/** What a test does in place of a user in Argyle Link (stateful mode; static mode throws, saying so). */
export type ArgyleMockControls = Pick<ArgyleState, 'setInviteStatus' | 'sendWebhook'>;

/** What one mode started: its clock, its reset, its sent count and the partner-facing URLs (Partoo, Argyle). */
interface Started {
  clock: MockClock;
  resetState: () => void;
  sentCount: MockServers['sentCount'];
  argyle: ArgyleMockControls;
  urls: [string, string];
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
    const { clock, resetState, sentCount, argyle, urls } = options.stateful
      ? await startStateful(options, listen, rules)
      : await startStatic(options, listen, rules, servers);
    const connection: MockConnection = {
      partooUrl: urls[0],
      argyleUrl: urls[1],
      partooApiKey: credentials.apiKey,
      argyleApiKeyId: credentials.apiKeyId,
      argyleApiKeySecret: credentials.apiKeySecret,
    };
    const now = () => clock.now();
    const { clients, clearLedgers } = mockClients(connection, now);
    return {
      ...connection,
      connection,
      ...clients,
      now,
      advanceTime: (ms) => clock.advance(ms),
      reset: () => {
        resetState();
        clearLedgers();
      },
      sentCount,
      argyle,
      close,
    };
  } catch (e) {
    // Whatever started before the failure is stopped: no orphan server.
    await close();
    throw e;
  }
}

/** Prism serving the spec's examples behind a front that answers as the stateful mock does. */
async function startStatic(
  options: MockServerOptions,
  listen: Listen,
  rules: Rules,
  servers: (HttpServer | PrismServer)[],
): Promise<Started> {
  const faults = (['latencyMs', 'failRate', 'rateLimitPerMinute'] as const).filter((k) => options[k] !== undefined);
  if (faults.length) {
    throw new Error(`${faults.join(', ')} need stateful: true (the static mock is Prism, serving the spec's examples)`);
  }
  const clock = new MockClock();
  const resetState = () => clock.reset();
  const sentCount = () => {
    throw new Error('sentCount needs startMockServers({ stateful: true })');
  };
  const needsState = (name: string) => () => {
    throw new Error(`argyle.${name} needs startMockServers({ stateful: true }) (Prism keeps no invites)`);
  };
  const argyle = { setInviteStatus: needsState('setInviteStatus'), sendWebhook: needsState('sendWebhook') };
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
  return { clock, resetState, sentCount, argyle, urls };
}

async function startStateful(options: MockServerOptions, listen: Listen, rules: Rules): Promise<Started> {
  const mocks = await createStatefulMocks(options);
  const urls: [string, string] = [
    await listen(mocks.partoo, options.portPartoo, rules.partoo),
    await listen(withArgyleControl(mocks.argyle, mocks.argyleState), options.portArgyle, rules.argyle),
  ];
  return {
    clock: mocks.clock,
    resetState: mocks.reset,
    sentCount: (b, p) => mocks.partooState.sentCount(b, p),
    argyle: {
      setInviteStatus: (id, status, o) => mocks.argyleState.setInviteStatus(id, status, o),
      sendWebhook: (o) => mocks.argyleState.sendWebhook(o),
    },
    urls,
  };
}

export { connectMockServers } from './clients.js';
export type { ConnectedMocks, MockClients, MockConnection } from './clients.js';
export { createStatefulMocks } from './stateful/index.js';
export type { StatefulMocks, StatefulMockOptions } from './stateful/index.js';
export type { Handler, MockFetch } from './stateful/respond.js';
export type { ArgyleState } from './stateful/argyle.js';
export type { ArgyleTimings, SetInviteStatusOptions } from './stateful/argyle-lifecycle.js';
export type { SendWebhookOptions, SentWebhook } from './stateful/argyle-webhooks.js';
export type { PartooState } from './stateful/partoo.js';
export type { MockClock } from './stateful/clock.js';
export type { FaultOptions } from './stateful/faults.js';
