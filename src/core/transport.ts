// The fetch handed to openapi-fetch, over the attempt core (attempt.ts) that the wrapper's own operations use too
// (request.ts). openapi-fetch cannot re-send from middleware, so the core owns the retry loop below it.
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
  type Outgoing,
  type Received,
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

/** The fetch for openapi-fetch, carrying the attempt core that request.ts sends through. */
export interface Transport extends FetchLike {
  /** the attempt core: origin check, retry, timeout, credentials, body read and redacted */
  readonly send: Send;
}

/**
 * `.api` marks the requests it makes without a signal with this init key (openapi-fetch copies unknown init keys
 * onto its Request): every Request has a signal, and listening to one nobody can abort costs a few µs a call.
 */
export const NO_CALLER_SIGNAL = 'partooArgyleSdkNoSignal';

/** Bodies the transport has read, by the response handed on, so the wrapper need not read them again. */
const buffered = new WeakMap<object, string>();

/** The text of a response this transport returned, or undefined for any other response. */
export const bufferedText = (response: object): string | undefined => buffered.get(response);

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
  async function transport(request: Request): Promise<Response> {
    const out: Outgoing = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      signal: (request as unknown as Record<string, unknown>)[NO_CALLER_SIGNAL] === true ? undefined : request.signal,
    };
    if (request.body) out.body = await request.clone().arrayBuffer();
    else out.request = request;
    return toResponse(await send(out, firstAttempt()));
  }
  return Object.assign(transport, { send });
}

/**
 * What openapi-fetch and `.api`'s callers get: a Response over the redacted body. The text is remembered, so
 * the wrapper parses it without reading the body again.
 */
function toResponse(received: Received): Response {
  const { status, statusText, headers, text, bytes } = received;
  const empty = status === 204 || status === 304;
  const copy = new Response(empty ? null : (bytes ?? text), { status, statusText, headers });
  buffered.set(copy, text);
  return copy;
}
