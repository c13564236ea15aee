import { loadMockSpec } from '../specs.js';
import { createSpecValidator } from '../validator.js';
import { argyleHandler, ArgyleState, seedArgyle, type ArgyleMockOptions } from './argyle.js';
import { MockClock } from './clock.js';
import { withFaults, type FaultOptions } from './faults.js';
import { partooHandler, PartooState, type PartooMockOptions } from './partoo.js';
import type { Handler, MockFetch } from './respond.js';
import { argyleErrors, partooErrors } from '../api-errors.js';
import { withControl } from '../control.js';

export interface StatefulMockOptions extends Partial<PartooMockOptions>, Partial<ArgyleMockOptions>, FaultOptions {}

export const DEFAULT_CREDENTIALS = {
  apiKey: 'mock-partoo-api-key',
  apiKeyId: 'mock-argyle-key-id',
  apiKeySecret: 'mock-argyle-key-secret',
};

export interface StatefulMocks {
  partoo: MockFetch;
  argyle: MockFetch;
  clock: MockClock;
  partooState: PartooState;
  argyleState: ArgyleState;
  reset(): void;
}

/** Both stateful mocks as in-memory `fetch` handlers over one clock; startMockServers puts them on sockets. */
export async function createStatefulMocks(options: StatefulMockOptions = {}): Promise<StatefulMocks> {
  const engine = createStatefulEngine(options);
  await engine.ready;
  return engine;
}

/**
 * The same mocks, returned at once: the specs' validators load in the background and the handlers wait for
 * them. MSW handlers are registered synchronously (a CommonJS jest file has no top-level await), and the
 * clock, state and reset work before the first request.
 */
export function createStatefulEngine(options: StatefulMockOptions = {}): StatefulMocks & { ready: Promise<void> } {
  const clock = new MockClock();
  const partooState = new PartooState();
  const argyleState = new ArgyleState();
  const seed = options.seedInvites ?? 5;
  const validators = Promise.all([
    createSpecValidator(loadMockSpec('partoo')),
    createSpecValidator(loadMockSpec('argyle')),
  ]);
  // Whoever awaits `ready` or sends a request sees a load failure; nobody waiting is no unhandled rejection.
  const settled = <T>(p: Promise<T>) => (p.catch(() => {}), p);
  const ready = settled(validators.then(() => undefined));
  const creds = {
    apiKey: options.apiKey ?? DEFAULT_CREDENTIALS.apiKey,
    apiKeyId: options.apiKeyId ?? DEFAULT_CREDENTIALS.apiKeyId,
    apiKeySecret: options.apiKeySecret ?? DEFAULT_CREDENTIALS.apiKeySecret,
  };
  const reset = () => {
    clock.reset();
    partooState.reset();
    seedArgyle(argyleState, clock, seed);
  };
  reset();
  const later =
    (handler: Promise<Handler>): Handler =>
    async (request) =>
      (await handler)(request);
  const partoo = settled(
    validators.then(([pv]) => partooHandler({ ...options, apiKey: creds.apiKey }, partooState, clock, pv)),
  );
  const argyle = settled(validators.then(([, av]) => argyleHandler({ ...options, ...creds }, argyleState, clock, av)));
  return {
    partoo: withControl(
      withFaults(later(partoo), clock, { ...options, errorBody: partooErrors.fixed }),
      clock,
      reset,
      partooErrors,
    ),
    argyle: withControl(
      withFaults(later(argyle), clock, { ...options, errorBody: argyleErrors.fixed }),
      clock,
      reset,
      argyleErrors,
    ),
    clock,
    partooState,
    argyleState,
    reset,
    ready,
  };
}
