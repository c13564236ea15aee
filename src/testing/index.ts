// `import { startMockServers } from 'partoo-argyle-sdk/testing'`. No test-runner import here: it must load
// inside a vitest or jest globalSetup.
import { serve, type HttpServer } from './http.js';
import { startPrism, type PrismServer } from './prism.js';
import { createStatefulMocks, DEFAULT_CREDENTIALS, type StatefulMockOptions } from './stateful/index.js';
import { MockClock } from './stateful/clock.js';

export interface MockServerOptions extends StatefulMockOptions {
  /** a stateful mock (default false: Prism serving the spec's examples) */
  stateful?: boolean;
  /** default 127.0.0.1 */
  host?: string;
  /** default 0: a free port */
  portPartoo?: number;
  portArgyle?: number;
}

export interface MockServers {
  partooUrl: string;
  argyleUrl: string;
  /** the credentials the mocks accept */
  partooApiKey: string;
  argyleApiKeyId: string;
  argyleApiKeySecret: string;
  /** the mocks' clock; pass `now: () => mock.now()` to createPartooClient */
  now(): Date;
  /** moves the mocks' clock forward (stateful mode) */
  advanceTime(ms: number): void;
  /** forgets every invitation and invite and rewinds the clock (stateful mode) */
  reset(): void;
  /** stateful mode: how many SMS were sent to one number of one business */
  sentCount(businessId: string, targetPhone: string): number;
  close(): Promise<void>;
}

export async function startMockServers(options: MockServerOptions = {}): Promise<MockServers> {
  const host = options.host ?? '127.0.0.1';
  const servers: (HttpServer | PrismServer)[] = [];
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= Promise.all(servers.map((s) => s.close())).then(() => undefined));
  const credentials = {
    partooApiKey: options.apiKey ?? DEFAULT_CREDENTIALS.apiKey,
    argyleApiKeyId: options.apiKeyId ?? DEFAULT_CREDENTIALS.apiKeyId,
    argyleApiKeySecret: options.apiKeySecret ?? DEFAULT_CREDENTIALS.apiKeySecret,
  };
  try {
    if (!options.stateful) {
      const faults = (['latencyMs', 'failRate', 'rateLimitPerMinute'] as const).filter((k) => options[k] !== undefined);
      if (faults.length) throw new Error(`${faults.join(', ')} need stateful: true (the static mock is Prism, serving the spec's examples)`);
      const clock = new MockClock();
      const staticOnly = (what: string) => () => {
        throw new Error(`${what} needs startMockServers({ stateful: true })`);
      };
      const partoo = await startPrism('partoo', { host, port: options.portPartoo || undefined });
      servers.push(partoo);
      const argyle = await startPrism('argyle', { host, port: options.portArgyle || undefined });
      servers.push(argyle);
      return {
        partooUrl: partoo.url,
        argyleUrl: argyle.url,
        ...credentials,
        now: () => clock.now(),
        advanceTime: staticOnly('advanceTime'),
        reset: () => {},
        sentCount: staticOnly('sentCount'),
        close,
      };
    }
    const mocks = await createStatefulMocks(options);
    const partoo = await serve(mocks.partoo, host, options.portPartoo ?? 0);
    servers.push(partoo);
    const argyle = await serve(mocks.argyle, host, options.portArgyle ?? 0);
    servers.push(argyle);
    return {
      partooUrl: partoo.url,
      argyleUrl: argyle.url,
      ...credentials,
      now: () => mocks.clock.now(),
      advanceTime: (ms) => mocks.clock.advance(ms),
      reset: mocks.reset,
      sentCount: (b, p) => mocks.partooState.sentCount(b, p),
      close,
    };
  } catch (e) {
    // Whatever started before the failure is stopped: no orphan server.
    await close();
    throw e;
  }
}

export { createStatefulMocks } from './stateful/index.js';
export type { StatefulMocks, StatefulMockOptions } from './stateful/index.js';
export type { Handler } from './stateful/respond.js';
export type { ArgyleState } from './stateful/argyle.js';
export type { PartooState } from './stateful/partoo.js';
export type { MockClock } from './stateful/clock.js';
export type { FaultOptions } from './stateful/faults.js';
