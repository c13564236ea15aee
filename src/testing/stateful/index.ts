import { argyleErrors, partooErrors } from '../api-errors.js';
import { withControl } from '../control.js';
import { gate } from '../gate.js';
import { requestValidator } from '../request-validator.js';
import { rulesFor } from '../rules.js';
import { argyleHandler, ArgyleState, seedArgyle, type ArgyleMockOptions } from './argyle.js';
import { MockClock } from './clock.js';
import { createFaults, type FaultOptions } from './faults.js';
import { partooHandler, PartooState, type PartooMockOptions } from './partoo.js';
import type { MockFetch } from './respond.js';

/** What the stateful mocks take: credentials, Partoo's status timings and 10-day rule, Argyle's seeds, faults. */
export interface StatefulMockOptions extends Partial<PartooMockOptions>, Partial<ArgyleMockOptions>, FaultOptions {}

/** The credentials the mocks accept unless told otherwise. */
export const DEFAULT_CREDENTIALS = {
  apiKey: 'mock-partoo-api-key',
  apiKeyId: 'mock-argyle-key-id',
  apiKeySecret: 'mock-argyle-key-secret',
};

/** Both stateful mocks as in-memory `fetch` functions over one clock, with their state. */
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
  return createStatefulEngine(options);
}

/**
 * The same mocks, made synchronously: the validators are compiled ahead (src/testing/compiled), so MSW handlers
 * can be registered in a CommonJS jest file, which has no top-level await. `ready` is kept for callers that
 * awaited it; it is resolved from the start.
 */
export function createStatefulEngine(options: StatefulMockOptions = {}): StatefulMocks & { ready: Promise<void> } {
  const clock = new MockClock();
  const partooState = new PartooState();
  const argyleState = new ArgyleState();
  const seed = options.seedInvites ?? 5;
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
  const partooValidator = requestValidator('partoo');
  const argyleValidator = requestValidator('argyle');
  const partoo = partooHandler({ ...options, apiKey: creds.apiKey }, partooState, clock, partooValidator);
  const argyle = argyleHandler({ ...options, ...creds }, argyleState, clock, argyleValidator);
  const partooGate = gate(
    {
      api: 'partoo',
      rules: rulesFor('partoo', creds),
      validator: partooValidator,
      faults: createFaults(clock, options, partooErrors.fixed),
    },
    (request) => partoo(request),
  );
  const argyleGate = gate(
    {
      api: 'argyle',
      rules: rulesFor('argyle', creds),
      validator: argyleValidator,
      faults: createFaults(clock, options, argyleErrors.fixed),
    },
    (request) => argyle(request),
  );
  return {
    partoo: withControl(partooGate, clock, reset, partooErrors),
    argyle: withControl(argyleGate, clock, reset, argyleErrors),
    clock,
    partooState,
    argyleState,
    reset,
    ready: Promise.resolve(),
  };
}
