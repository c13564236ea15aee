import { loadMockSpec } from '../specs.js';
import { createSpecValidator } from '../validator.js';
import { argyleHandler, ArgyleState, seedArgyle, type ArgyleMockOptions } from './argyle.js';
import { MockClock } from './clock.js';
import { withFaults, type FaultOptions } from './faults.js';
import { partooHandler, PartooState, type PartooMockOptions } from './partoo.js';
import type { Handler } from './respond.js';
import { argyleErrors, partooErrors } from '../api-errors.js';
import { withControl } from '../control.js';

export interface StatefulMockOptions extends Partial<PartooMockOptions>, Partial<ArgyleMockOptions>, FaultOptions {}

export const DEFAULT_CREDENTIALS = {
  apiKey: 'mock-partoo-api-key',
  apiKeyId: 'mock-argyle-key-id',
  apiKeySecret: 'mock-argyle-key-secret',
};

export interface StatefulMocks {
  partoo: Handler;
  argyle: Handler;
  clock: MockClock;
  partooState: PartooState;
  argyleState: ArgyleState;
  reset(): void;
}

/** Both stateful mocks as in-memory `fetch` handlers over one clock; startMockServers puts them on sockets. */
export async function createStatefulMocks(options: StatefulMockOptions = {}): Promise<StatefulMocks> {
  const clock = new MockClock();
  const partooState = new PartooState();
  const argyleState = new ArgyleState();
  const seed = options.seedInvites ?? 5;
  const [pv, av] = await Promise.all([
    createSpecValidator(loadMockSpec('partoo')),
    createSpecValidator(loadMockSpec('argyle')),
  ]);
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
  return {
    partoo: withControl(
      withFaults(partooHandler({ ...options, apiKey: creds.apiKey }, partooState, clock, pv), clock, {
        ...options,
        errorBody: partooErrors.fixed,
      }),
      clock,
      reset,
      partooErrors
    ),
    argyle: withControl(
      withFaults(argyleHandler({ ...options, ...creds }, argyleState, clock, av), clock, {
        ...options,
        errorBody: argyleErrors.fixed,
      }),
      clock,
      reset,
      argyleErrors
    ),
    clock,
    partooState,
    argyleState,
    reset,
  };
}
