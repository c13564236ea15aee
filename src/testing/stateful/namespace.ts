// One namespace of the stateful mock: its own clock, Partoo store, Argyle invites, rate counter, queued faults,
// journal and reset. Tests running in parallel against one mock each take a namespace (a Partoo key or an Argyle
// key id `mock-<name>`), so one test's reset or advanceTime never lands in another's.
import { argyleErrors, partooErrors, type ApiErrors } from '../api-errors.js';
import { gate } from '../gate.js';
import type { SpecValidator } from '../request-validator.js';
import { rulesFor, type MockCredentials } from '../rules.js';
import { argyleHandler, ArgyleState, seedArgyle } from './argyle.js';
import { hashName, MockClock, randomSeed, seededRandom } from './clock.js';
import { answerWithFault, FaultQueue } from './fault-queue.js';
import { createFaults } from './faults.js';
import { Journal } from './journal.js';
import { partooHandler, PartooState } from './partoo.js';
import type { Handler } from './respond.js';
import type { StatefulMockOptions } from './options.js';

export type ApiName = 'partoo' | 'argyle';

/** One namespace's state and its two APIs' handlers (every check, faults and journal included). */
export interface MockNamespaceState {
  name: string;
  credentials: MockCredentials;
  clock: MockClock;
  partooState: PartooState;
  argyleState: ArgyleState;
  faults: FaultQueue;
  journal: Journal;
  partoo: Handler;
  argyle: Handler;
  /** forgets its invitations, invites, queued faults and journal, and rewinds its clock */
  reset(): void;
}

export interface Validators {
  partoo: SpecValidator;
  argyle: SpecValidator;
}

/** The fault each answer took, for the journal: set where the fault is applied, read where the answer is logged. */
const faultOf = new WeakMap<Response, string>();

export function createNamespace(
  name: string,
  options: StatefulMockOptions,
  credentials: MockCredentials,
  validators: Validators,
): MockNamespaceState {
  const clock = new MockClock();
  const partooState = new PartooState();
  const argyleState = new ArgyleState();
  const faults = new FaultQueue();
  const journal = new Journal();
  const seed = options.seedInvites ?? 5;
  const rates: (() => void)[] = [];
  const reset = () => {
    for (const resetRate of rates) resetRate();
    clock.reset();
    partooState.reset();
    seedArgyle(argyleState, clock, seed);
    faults.clear();
    journal.clear();
  };
  reset();
  const partoo = partooHandler({ ...options, apiKey: credentials.apiKey }, partooState, clock, validators.partoo);
  const argyle = argyleHandler({ ...options, ...credentials }, argyleState, clock, validators.argyle);
  // Each namespace draws its own fail-rate sequence from the one seed: another namespace's traffic never
  // changes which of this one's requests fail.
  const random = seededRandom(((options.seed ?? randomSeed()) ^ hashName(name)) >>> 0);
  const parts = { name, options, credentials, validators, clock, faults, journal, random, rates };
  return {
    name,
    credentials,
    clock,
    partooState,
    argyleState,
    faults,
    journal,
    partoo: apiHandler('partoo', partooErrors, partoo, parts),
    argyle: apiHandler('argyle', argyleErrors, argyle, parts),
    reset,
  };
}

interface Parts {
  name: string;
  options: StatefulMockOptions;
  credentials: MockCredentials;
  validators: Validators;
  clock: MockClock;
  faults: FaultQueue;
  journal: Journal;
  random: () => number;
  /** each API's rate counter's reset, for the namespace's */
  rates: (() => void)[];
}

/** One API of a namespace: every check of the gate, then a queued fault if one matches, then the journal. */
function apiHandler(which: ApiName, errors: ApiErrors, handler: Handler, parts: Parts): Handler {
  const { name, options, credentials, validators, clock, faults, journal, random } = parts;
  const steps = createFaults(clock, options, errors.fixed, random);
  parts.rates.push(steps.reset);
  const gated = gate(
    {
      api: which,
      rules: rulesFor(which, credentials),
      validator: validators[which],
      faults: steps,
    },
    async (request, call) => {
      const fault = faults.take(which, request.method, [call.path, new URL(request.url).pathname]);
      if (!fault) return handler(request);
      const response = await answerWithFault(fault, request, () => handler(request), errors.fixed);
      faultOf.set(response, fault.fault);
      return response;
    },
  );
  return async (request) => {
    const time = clock.now().toISOString();
    const response = await gated(request);
    const fault = faultOf.get(response);
    const { pathname } = new URL(request.url);
    const entry = { api: which, method: request.method, path: pathname, status: response.status, time };
    journal.record({ ...entry, namespace: name, ...(fault && { fault }) });
    return response;
  };
}
