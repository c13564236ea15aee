// The attempt core: every request either API makes goes through here once, as openapi-fetch built it (`.api`, which
// the wrapper's own methods call too, through src/core/request.ts). Small layers, octokit-style, each a function of the
// next one, composed by `attemptCore`: origin check, retry (with the rate limit and the per-attempt observe hook),
// per-attempt timeout, credentials, then the exchange that reads and redacts the body under the attempt's timer.
import { ConfigurationError, ConnectionError, SdkError, TimeoutError } from './errors.js';
import type { Runtime } from './runtime.js';
import { scrubbed, type BodyFailures } from './scrubbed-response.js';

/** A request as the core carries it: openapi-fetch's Request, without credentials (each attempt's copy has them). */
export interface Outgoing {
  method: string;
  url: string;
  request: Request;
  /** openapi-fetch's `requestInitExt`, handed on to fetch as its second argument */
  init?: RequestInit;
  /** the Request's signal: it aborts when the caller's does */
  signal?: AbortSignal;
}

/** What fetch answered: its body scrubbed as it flows (scrubbed-response.ts), or cancelled when a retry follows. */
export type Received = Response;

/** One attempt, as the layers below the retry loop see it. */
export interface Attempt {
  attempt: number;
  /** whether a response with this status ends the call: its body is read; otherwise it is discarded */
  final(status: number): boolean;
  /** set by the timeout layer: aborts on the timer or on the caller's signal */
  signal?: AbortSignal;
  /** set by the auth layer: this attempt's headers, credentials on */
  headers?: Headers;
  /** set by the timeout layer: what a failure of the body's read becomes */
  body?: BodyFailures;
}

export type Send = (out: Outgoing, at: Attempt) => Promise<Received>;
export type Layer = (next: Send) => Send;
/** How the core calls the client's fetch: as openapi-fetch calls it, with a Request and `requestInitExt`. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;
/** How an attempt ended: the status, or the failure's class; and whether another attempt follows. */
export type AttemptDone = (outcome: { status?: number; error?: string; retry: boolean }) => void;
export type Observe = (request: { method: string; url: string }, attempt: number, waitedMs: number) => AttemptDone;

const RETRY_BASE_MS = 500;
const RETRY_CAP_MS = 8_000;
const RETRY_AFTER_CAP_MS = 60_000;
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Codes meaning the request never reached a server, so even a write may be sent again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** The first attempt's context, before the retry layer makes its own: final until the retry layer says otherwise. */
// Stryker disable next-line ObjectLiteral,ArrowFunction,BooleanLiteral: retry makes each attempt's own; never read
export const firstAttempt = (): Attempt => ({ attempt: 0, final: () => true });

/** Credentials never leave for another origin (a `next` URL pointing elsewhere, an absolute URL in `.api`). */
export const checkOrigin =
  (origin: string): Layer =>
  (next) =>
  (out, at) => {
    if (out.url.startsWith(`${origin}/`)) return next(out, at);
    // Written otherwise than fetch sends it (`https://API.partoo.co:443/…`, a per-call baseUrl of `.api`'s): the
    // same server, as fetch reads it.
    const url = new URL(out.url);
    if (url.origin === origin) return next({ ...out, url: url.href }, at);
    return Promise.reject(
      new ConfigurationError(`Refusing to send credentials to ${url.origin}: the client is configured for ${origin}`),
    );
  };

export interface RetryOptions {
  maxRetries: number;
  sleep: Runtime['sleep'];
  random: Runtime['random'];
  now: Runtime['now'];
  /** waited on before every attempt (a client-wide rate limit) */
  limiter?: { take(signal?: AbortSignal): Promise<void> };
  /** told of each attempt as it starts (after `waitedMs` for the limiter), then of how it ended */
  observe?: Observe;
}

/**
 * Reads are retried on connection failures and retryable statuses; writes only on 429 or when the connection
 * never opened (the server cannot have acted). Retry-After wins over the backoff, capped at a minute.
 */
export const retry =
  (o: RetryOptions): Layer =>
  (next) =>
  async (out) => {
    const idempotent = IDEMPOTENT.has(out.method);
    const retryable = (status: number) => RETRYABLE_STATUS.has(status) && (idempotent || status === 429);
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= o.maxRetries;
      const done = o.limiter ? await begin(o, out, attempt) : o.observe?.(out, attempt, 0);
      let received: Received;
      try {
        received = await next(out, { attempt, final: (status) => last || !retryable(status) });
      } catch (error) {
        await failed(o, out, { error, attempt, again: !last && retriable(error, out, idempotent), done });
        continue;
      }
      const again = !last && retryable(received.status);
      done?.({ status: received.status, retry: again });
      if (!again) return received;
      const delay = retryAfterMs(received.headers.get('retry-after'), o.now()) ?? backoff(attempt, o.random);
      await o.sleep(Math.min(delay, RETRY_AFTER_CAP_MS), out.signal);
    }
  };

/** A failed attempt: reported, then thrown (the caller's abort as its reason), or waited out before the next. */
async function failed(
  o: RetryOptions,
  out: Outgoing,
  f: { error: unknown; attempt: number; again: boolean; done: AttemptDone | undefined },
): Promise<void> {
  f.done?.({ error: out.signal?.aborted ? 'AbortError' : errorName(f.error), retry: f.again });
  if (out.signal?.aborted) throw out.signal.reason;
  if (!f.again) throw f.error;
  await o.sleep(backoff(f.attempt, o.random), out.signal);
}

/**
 * The rate limit's wait, then the observe hook told of the attempt starting (and of how long the limit held it).
 * Without a limiter the retry loop tells the hook itself, at once, without a turn of the event loop.
 */
async function begin(o: RetryOptions, out: Outgoing, attempt: number): Promise<AttemptDone | undefined> {
  const waitStart = o.observe ? o.now() : 0;
  await o.limiter!.take(out.signal);
  return o.observe?.(out, attempt, o.now() - waitStart);
}

/** A failure worth another attempt: not the caller's abort, and a read, or a write that never reached a server. */
const retriable = (error: unknown, out: Outgoing, idempotent: boolean) =>
  !out.signal?.aborted && error instanceof ConnectionError && (idempotent || !error.outcomeUnknown);

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'Error');

/**
 * A timer per attempt, over the wait for the headers; the body then gets the same time between two chunks
 * (scrubbed-response.ts), so a stream may outlast it. The caller's signal stays heard while the body flows.
 * Failures leave this layer typed: the caller's own reason, a TimeoutError, or a ConnectionError saying whether a
 * write may have landed.
 */
export const timeout =
  (o: { timeoutMs: number }, timer: Runtime['timer']): Layer =>
  (next) =>
  async (out, at) => {
    const caller = out.signal;
    // A call cancelled before its attempt sends nothing, even through a fetch that would not look at the signal.
    if (caller?.aborted) throw caller.reason;
    const { timeoutMs } = o;
    const controller = new AbortController();
    let fired = false;
    const cancel = timer(() => {
      fired = true;
      controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
    // Stryker disable next-line OptionalChaining: only called with a caller's signal
    const onAbort = () => controller.abort(caller?.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal aborts once; the listener goes with the attempt
    caller?.addEventListener('abort', onAbort, { once: true });
    at.signal = controller.signal;
    const classify = (error: unknown, timedOut: boolean) =>
      caller?.aborted ? caller.reason : classifyFailure(error, timedOut, out, timeoutMs);
    const ended = () => caller?.removeEventListener('abort', onAbort);
    at.body = { idleMs: timeoutMs, timer, classify, ended };
    try {
      return await next(out, at);
    } catch (error) {
      ended();
      throw classify(error, fired);
    } finally {
      cancel();
    }
  };

/**
 * Credentials go on the attempt's own headers only: the caller's Request, openapi-fetch's and its middleware's
 * never hold them.
 */
export const authenticate =
  (auth: [string, string][]): Layer =>
  (next) =>
  (out, at) => {
    const headers = new Headers(out.request.headers);
    for (const [k, v] of auth) headers.set(k, v);
    at.headers = headers;
    return next(out, at);
  };

/**
 * The innermost step: a copy of the Request for this attempt (of its own class, the caller's custom keys on it),
 * with the credentials, the attempt's signal and manual redirects (a redirect must not carry credentials to
 * wherever it points); then fetch, called unbound (Workers' and browsers' fetch throws "Illegal invocation" when
 * its `this` is any object other than the global one). A final answer comes back scrubbed as it flows.
 */
export const exchange =
  (fetchImpl: FetchLike): Send =>
  async (out, at) => {
    const { request } = out;
    // The caller's Request keeps its body for the next attempt: each takes a copy's.
    const source = request.body ? request.clone() : request;
    const Copy = request instanceof Request ? (request.constructor as typeof Request) : Request;
    // A Request built from another with an init resets its referrer and referrer policy (Fetch's rule): kept here.
    const { referrer, referrerPolicy } = request;
    const attempt = new Copy(source, {
      headers: at.headers,
      signal: at.signal,
      redirect: 'manual',
      referrer,
      referrerPolicy,
    });
    // openapi-fetch puts a call's own keys (a `dispatcher`, say) on its Request: the copy carries them too.
    Object.assign(attempt, Object.fromEntries(Object.entries(request)));
    const response = await fetchImpl(attempt, out.init);
    if (!at.final(response.status)) {
      at.body!.ended();
      await response.body?.cancel().catch(() => {});
      return response;
    }
    return scrubbed(response, at.body!);
  };

/** The layers in order, outermost first, over the exchange. */
export const compose = (layers: Layer[], innermost: Send): Send =>
  layers.reduceRight((next, layer) => layer(next), innermost);

function classifyFailure(error: unknown, timedOut: boolean, out: Outgoing, timeoutMs: number): SdkError {
  if (error instanceof SdkError) return error;
  const code = timedOut ? undefined : errorCode(error);
  // A read can always be repeated; a write is unknown unless the connection never opened.
  const outcomeUnknown = out.method !== 'GET' && !(code !== undefined && NOT_SENT_CODES.has(code));
  const what = timedOut
    ? `timed out after ${timeoutMs} ms`
    : `failed: ${code ?? (error as Error)?.message ?? 'connection error'}`;
  // The host and port say which server could not be reached: a wrong baseUrl or a mock not started shows at once.
  const url = new URL(out.url);
  const unknown = outcomeUnknown ? '; the server may or may not have acted on it' : '';
  return new (timedOut ? TimeoutError : ConnectionError)(`${out.method} ${url.host}${url.pathname} ${what}${unknown}`, {
    cause: error,
    outcomeUnknown,
  });
}

function errorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** The exponential backoff's ceiling for an attempt: 500 ms doubling, capped at 8 s. */
export const backoffCeiling = (attempt: number) => Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt);

/** Exponential backoff with full jitter. */
export const backoff = (attempt: number, random: () => number) => Math.floor(random() * backoffCeiling(attempt));

/** Retry-After as seconds or an HTTP date (read against `now`, the Runtime's); undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
