// The attempt core: every request either API makes goes through here once, whether openapi-fetch built it (`.api`)
// or the wrapper's own operations did (src/core/request.ts). Small layers, octokit-style, each a function of the
// next one, composed by `attemptCore`: origin check, retry (with the rate limit and the per-attempt observe hook),
// per-attempt timeout, credentials, then the exchange that reads and redacts the body under the attempt's timer.
import { ConfigurationError, ConnectionError, SdkError, TimeoutError } from './errors.js';
import { redactSecrets } from './redact.js';
import type { Runtime } from './runtime.js';

/** A request as the core carries it: no credentials in it (they go on each attempt), its body read once. */
export interface Outgoing {
  method: string;
  url: string;
  headers: Headers;
  body?: ArrayBuffer | string;
  /** the caller's signal, only when one was given: no signal means no listener to add and remove per attempt */
  signal?: AbortSignal;
}

/** A response whose body was read and redacted under its attempt's timer (or skipped, when a retry follows). */
export interface Received {
  status: number;
  statusText: string;
  /** registered secrets redacted */
  headers: Headers;
  /** the body's text, registered secrets redacted; '' when no body was read */
  text: string;
  /** the bytes as they came, kept when the text needed no redaction */
  bytes?: ArrayBuffer;
}

/** One attempt, as the layers below the retry loop see it. */
export interface Attempt {
  attempt: number;
  /** whether a response with this status ends the call: its body is read; otherwise it is discarded */
  final(status: number): boolean;
  /** set by the timeout layer: aborts on the timer or on the caller's signal */
  signal?: AbortSignal;
  /** set by the auth layer when the request is not a Request already: this attempt's headers, credentials on */
  headers?: Headers;
}

export type Send = (out: Outgoing, at: Attempt) => Promise<Received>;
export type Layer = (next: Send) => Send;
/** How the core calls the client's fetch: as `globalThis.fetch` is called, with the URL and an init. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
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
const utf8 = new TextDecoder();

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
 * A timer per attempt, cancelled as soon as the attempt ends (AbortSignal.timeout would leave one pending per call
 * for the whole timeout). The caller's signal is listened to only when there is one. Failures leave this layer
 * typed: the caller's own reason, a TimeoutError, or a ConnectionError saying whether a write may have landed.
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
    try {
      return await next(out, at);
    } catch (error) {
      if (caller?.aborted) throw caller.reason;
      throw classifyFailure(error, fired, out, timeoutMs);
    } finally {
      cancel();
      caller?.removeEventListener('abort', onAbort);
    }
  };

/**
 * Credentials go on the attempt's own headers only: the caller's, `.api`'s Request and its middleware never hold
 * them, and a fetch that drops `init` sends none.
 */
export const authenticate =
  (auth: [string, string][]): Layer =>
  (next) =>
  (out, at) => {
    const headers = new Headers(out.headers);
    for (const [k, v] of auth) headers.set(k, v);
    at.headers = headers;
    return next(out, at);
  };

/**
 * The innermost step: fetch, then the body read under the attempt's timer (a body cut short is a typed
 * ConnectionError, not a bare TypeError) and redacted. `fetchImpl` is called unbound: Workers' and browsers'
 * fetch throws "Illegal invocation" when its `this` is any object other than the global one. It is called as
 * `globalThis.fetch` is, with the URL and an init: no Request is built here (on Node 20 each costs an AbortSignal,
 * and fetch would copy it again), and `init` carries the signal and manual redirects (a redirect must not carry
 * credentials to wherever it points).
 */
export const exchange =
  (fetchImpl: FetchLike): Send =>
  async (out, at) => {
    const { method, url, body } = out;
    const response = await fetchImpl(url, { method, headers: at.headers, body, signal: at.signal, redirect: 'manual' });
    const { status, statusText } = response;
    if (!at.final(status)) {
      await response.body?.cancel().catch(() => {});
      return { status, statusText, headers: response.headers, text: '' };
    }
    return buffer(response, await response.arrayBuffer());
  };

/** A server may echo credentials back (a debugging proxy, an error page quoting the request): none survives. */
export function buffer(response: Response, bytes: ArrayBuffer): Received {
  const text = utf8.decode(bytes);
  const clean = redactSecrets(text);
  const { status, statusText } = response;
  const headers = cleanHeaders(response.headers);
  return clean === text ? { status, statusText, headers, text, bytes } : { status, statusText, headers, text: clean };
}

function cleanHeaders(headers: Headers): Headers {
  // Stryker disable next-line BooleanLiteral: a copy has the same names and values
  let dirty = false;
  headers.forEach((value) => (dirty ||= redactSecrets(value) !== value));
  if (!dirty) return headers;
  const out = new Headers();
  headers.forEach((value, name) => out.append(name, redactSecrets(value)));
  return out;
}

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

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
