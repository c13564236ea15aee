// Faults a test queues for the next requests of its namespace, so the failure it tests comes when it wants: a
// 500 or 503, a request that never gets an answer, a connection dropped before the mock acts, or the case a
// send's guard exists for, the mock acting (the SMS is sent) and then answering 500 or dropping the connection.
import { json } from './respond.js';

export const QUEUED_FAULTS = ['500', '503', 'timeout', 'reset', 'acted-then-500', 'acted-then-reset'] as const;
/**
 * What a queued fault does to a request: `500`/`503` answer that status without acting; `timeout` holds it `ms`,
 * then drops the connection; `reset` drops it at once; `acted-then-500` and `acted-then-reset` carry the request
 * out (an SMS is sent) and then answer 500 or drop the connection, the case a send's guard exists for.
 */
export type QueuedFaultKind = (typeof QUEUED_FAULTS)[number];

/** A fault for the next `count` requests that match `api`, `method` and `path` (each left out matches any). */
export interface QueuedFault {
  /** what happens to the matching requests */
  fault: QueuedFaultKind;
  /** how many matching requests take it, 1 to 1000 (default 1) */
  count?: number;
  /** only requests to this API's mock (default: either) */
  api?: 'partoo' | 'argyle';
  /** only requests with this method, GET, POST, PUT, PATCH or DELETE in any case (default: any) */
  method?: string;
  /** as the spec writes it (`/review_booster/send_invitation`, `/v2/invites/{id}`) or as requested */
  path?: string;
  /** `timeout`: milliseconds the request is held before its connection is dropped, 0 to 600000 (default 60000) */
  ms?: number;
}

/** A queued fault as it stands: `remaining` counts down to its removal. */
export interface PendingFault extends Required<Pick<QueuedFault, 'fault' | 'ms'>> {
  /** how many more matching requests take it */
  remaining: number;
  /** the API it waits for, if it was given one */
  api?: 'partoo' | 'argyle';
  /** the method it waits for, upper-cased, if it was given one */
  method?: string;
  /** the path it waits for, as it was given, if it was */
  path?: string;
}

/** A fault the mock cannot queue: `field` names what is wrong. */
export class FaultSpecError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export const MAX_PENDING_FAULTS = 100;
const DEFAULT_HOLD_MS = 60_000;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function optionalString(value: unknown, field: string, check: (s: string) => boolean, rule: string) {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !check(value)) throw new FaultSpecError(field, rule);
  return value;
}

function integer(value: unknown, field: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new FaultSpecError(field, `must be an integer from ${min} to ${max}`);
  return value;
}

/** The fault a test asked for, checked whole before anything is queued. */
export function parseFault(input: unknown): PendingFault {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new FaultSpecError('body', 'must be an object');
  const f = input as Record<string, unknown>;
  if (typeof f.fault !== 'string' || !(QUEUED_FAULTS as readonly string[]).includes(f.fault))
    throw new FaultSpecError('fault', `must be one of ${QUEUED_FAULTS.join(', ')}`);
  const api = optionalString(f.api, 'api', (s) => s === 'partoo' || s === 'argyle', 'must be partoo or argyle');
  const method = optionalString(f.method, 'method', (s) => METHODS.includes(s.toUpperCase()), `one of ${METHODS}`);
  const path = optionalString(f.path, 'path', (s) => s.startsWith('/'), 'must start with /');
  return {
    fault: f.fault as QueuedFaultKind,
    remaining: integer(f.count, 'count', 1, 1, 1000),
    ms: integer(f.ms, 'ms', DEFAULT_HOLD_MS, 0, 600_000),
    ...(api && { api: api as 'partoo' | 'argyle' }),
    ...(method && { method: method.toUpperCase() }),
    ...(path && { path }),
  };
}

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
/** `/v2/invites/{id}` matches `/v2/invites/<any one segment>`; a path without braces matches itself. */
const pathMatches = (pattern: string, paths: string[]) => {
  const re = new RegExp(`^${escape(pattern).replace(/\\?\{[^}/]*\\?\}/g, '[^/]+')}$`);
  return paths.some((p) => re.test(p));
};

export class FaultQueue {
  private pending: PendingFault[] = [];

  add(fault: PendingFault) {
    if (this.pending.length >= MAX_PENDING_FAULTS)
      throw new FaultSpecError('fault', `at most ${MAX_PENDING_FAULTS} faults wait at once; DELETE /__mock/faults`);
    this.pending.push(fault);
  }

  /** The first pending fault this request matches, counted down; undefined lets the request through. */
  take(api: 'partoo' | 'argyle', method: string, paths: string[]): PendingFault | undefined {
    const i = this.pending.findIndex(
      (f) => (!f.api || f.api === api) && (!f.method || f.method === method) && (!f.path || pathMatches(f.path, paths)),
    );
    if (i < 0) return undefined;
    const fault = this.pending[i];
    if (--fault.remaining === 0) this.pending.splice(i, 1);
    return { ...fault };
  }

  list(): PendingFault[] {
    return this.pending.map((f) => ({ ...f }));
  }

  clear() {
    this.pending = [];
  }
}

/** No answer at all: the server drops the connection (Node's HTTP layer), fetch in-process rejects. */
export const dropConnection = (): Response => Response.error();

/** Holds a request `ms` or until its caller gives up, and never keeps a process alive for it. */
function hold(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The answer a request gets under a fault; `act` runs the operation (the mock's state changes). */
export async function answerWithFault(
  fault: PendingFault,
  request: Request,
  act: () => Promise<Response>,
  errorBody: (status: number) => unknown,
): Promise<Response> {
  switch (fault.fault) {
    case '500':
    case '503':
      return json(Number(fault.fault), errorBody(Number(fault.fault)));
    case 'timeout':
      await hold(fault.ms, request.signal);
      return dropConnection();
    case 'reset':
      return dropConnection();
    case 'acted-then-500':
      await (await act()).arrayBuffer();
      return json(500, errorBody(500));
    case 'acted-then-reset':
      await (await act()).arrayBuffer();
      return dropConnection();
  }
}
