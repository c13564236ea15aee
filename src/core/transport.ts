// The fetch handed to openapi-fetch, over the attempt core (attempt.ts): every call of `.api`, and so every call of
// the wrapper's own methods, goes through it. openapi-fetch cannot re-send from middleware, so the core owns the
// retry loop below it.
import {
  authenticate,
  checkOrigin,
  compose,
  exchange,
  firstAttempt,
  retry,
  timeout,
  type FetchLike,
  type Observe,
  type Send,
} from './attempt.js';
import { registerSecrets } from './redact.js';
import { abortableSleep, systemRuntime, type Runtime } from './runtime.js';

export { backoff, backoffCeiling, retryAfterMs } from './attempt.js';
export type { AttemptDone, FetchLike } from './attempt.js';
export { abortableSleep };

export interface TransportOptions {
  fetch: FetchLike;
  /** base URL whose origin is the only one that receives credentials */
  baseUrl: string;
  /** headers carrying credentials, added only to requests on baseUrl's origin */
  authHeaders: Record<string, string>;
  /** every form of the credentials (the key, a Basic token), redacted from error text while this transport lives */
  secrets: string[];
  timeoutMs: number;
  maxRetries: number;
  /** @internal time and randomness: the backoff sleep, its jitter and the per-attempt timer */
  runtime?: Runtime;
  /** test seam: the backoff sleep; `runtime`'s when given, else an abortable setTimeout */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** waited on before every attempt (a client-wide rate limit) */
  limiter?: { take(signal?: AbortSignal): Promise<void> };
  /** told of each attempt as it starts (after `waitedMs` for the limiter), then of how it ended */
  observe?: Observe;
}

/** The fetch for openapi-fetch: it is called as openapi-fetch calls fetch, with its Request and `requestInitExt`. */
export type Transport = (request: Request, init?: RequestInit) => Promise<Response>;

/** The attempt core for these options; `opts` is held by it, so the secrets stay registered while it can run. */
export function attemptCore(opts: TransportOptions): Send {
  registerSecrets(opts, opts.secrets);
  const runtime = opts.runtime;
  const sleep = runtime?.sleep ?? opts.sleep ?? abortableSleep;
  const random = runtime?.random ?? opts.random ?? systemRuntime.random;
  const clock = runtime ?? systemRuntime;
  const origin = new URL(opts.baseUrl).origin;
  const core = compose(
    [
      checkOrigin(origin),
      retry({
        maxRetries: opts.maxRetries,
        sleep,
        random,
        now: clock.now,
        limiter: opts.limiter,
        observe: opts.observe,
      }),
      // Given `opts` itself: the core holds it, and with it the registration of its secrets.
      timeout(opts, clock.timer),
      authenticate(Object.entries(opts.authHeaders)),
    ],
    exchange(opts.fetch),
  );
  return core;
}

export function createTransport(opts: TransportOptions): Transport {
  const send = attemptCore(opts);
  return (request, init) =>
    send({ method: request.method, url: request.url, request, init, signal: request.signal }, firstAttempt());
}
