import { loadMockSpec } from '../specs.js';
import { createSpecValidator } from '../validator.js';
import { argyleError, argyleHandler, ArgyleState, seedArgyle, type ArgyleMockOptions } from './argyle.js';
import { MockClock } from './clock.js';
import { withFaults, type FaultOptions } from './faults.js';
import { partooError, partooHandler, PartooState, type PartooMockOptions } from './partoo.js';
import { json, type Handler } from './respond.js';

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
  const [pv, av] = await Promise.all([createSpecValidator(loadMockSpec('partoo')), createSpecValidator(loadMockSpec('argyle'))]);
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
  const control = (inner: Handler): Handler => async (request) => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith('/__mock/')) return inner(request);
    if (pathname === '/__mock/time' && request.method === 'GET') return json(200, { now: clock.now().toISOString() });
    if (pathname === '/__mock/advance-time' && request.method === 'POST') {
      const { ms } = (await request.json().catch(() => ({}))) as { ms?: unknown };
      if (typeof ms !== 'number' || !(ms >= 0)) return json(400, { error: 'body must be {"ms": <non-negative number>}' });
      clock.advance(ms);
      return json(200, { now: clock.now().toISOString() });
    }
    if (pathname === '/__mock/reset' && request.method === 'POST') {
      reset();
      return json(200, { now: clock.now().toISOString() });
    }
    return json(404, { error: `unknown control endpoint ${pathname}` });
  };
  return {
    partoo: control(withFaults(partooHandler({ ...options, apiKey: creds.apiKey }, partooState, clock, pv), clock, { ...options, errorBody: partooError })),
    argyle: control(withFaults(argyleHandler({ ...options, ...creds }, argyleState, clock, av), clock, { ...options, errorBody: argyleError })),
    clock,
    partooState,
    argyleState,
    reset,
  };
}
