// The fetch handed to openapi-fetch: auth, a timeout per attempt, and retries. openapi-fetch cannot
// re-send from middleware, so this layer owns the loop (octokit-style: one request function, small layers).
import { ConfigurationError, ConnectionError, SdkError, TimeoutError } from './errors.js';
import { redactSecrets, registerSecrets } from './redact.js';

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;
/** How an attempt ended: the status, or the failure's class; and whether another attempt follows. */
export type AttemptDone = (outcome: { status?: number; error?: string; retry: boolean }) => void;

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
  /** test seam: the backoff sleep; defaults to an abortable setTimeout */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** waited on before every attempt (a client-wide rate limit) */
  limiter?: { take(signal?: AbortSignal): Promise<void> };
  /** told of each attempt as it starts (after `waitedMs` for the limiter), then of how it ended */
  observe?: (request: Request, attempt: number, waitedMs: number) => AttemptDone;
}

const RETRY_BASE_MS = 500;
const RETRY_CAP_MS = 8_000;
const RETRY_AFTER_CAP_MS = 60_000;
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Codes meaning the request never reached a server, so even a write may be sent again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** Bodies the transport has read, by the response handed on, so the wrapper need not read them again. */
const buffered = new WeakMap<Response, string>();
const utf8 = new TextDecoder();

/** The text of a response this transport returned, or undefined for any other response. */
export const bufferedText = (response: Response): string | undefined => buffered.get(response);

/**
 * The response handed on, with its body read. A server may echo the credentials back (a debugging proxy, an error
 * page quoting the request): no registered secret survives into the body or headers that `.api` returns.
 */
function bufferedCopy(response: Response, bytes: ArrayBuffer): Response {
  const text = utf8.decode(bytes);
  const clean = redactSecrets(text);
  const empty = response.status === 204 || response.status === 304;
  const init = { status: response.status, statusText: response.statusText, headers: cleanHeaders(response.headers) };
  const copy = new Response(empty ? null : clean === text ? bytes : clean, init);
  buffered.set(copy, clean);
  return copy;
}

function cleanHeaders(headers: Headers): Headers {
  let dirty = false;
  headers.forEach((value) => (dirty ||= redactSecrets(value) !== value));
  if (!dirty) return headers;
  const out = new Headers();
  headers.forEach((value, name) => out.append(name, redactSecrets(value)));
  return out;
}

export function createTransport(opts: TransportOptions): FetchLike {
  // `opts` is the owner: the closure below holds it, so the secrets stay registered while any call can run.
  registerSecrets(opts, opts.secrets);
  const origin = new URL(opts.baseUrl).origin;
  const auth = Object.entries(opts.authHeaders);
  const sleep = opts.sleep ?? abortableSleep;
  const random = opts.random ?? Math.random;
  // Called unbound, never as `opts.fetch(...)`: Workers' and browsers' fetch throws "Illegal invocation" when its
  // `this` is any object other than the global one.
  const fetchImpl = opts.fetch;

  return async function transport(request: Request): Promise<Response> {
    if (!request.url.startsWith(`${origin}/`)) {
      // Credentials never leave for another origin (e.g. a `next` URL pointing elsewhere).
      throw new ConfigurationError(
        `Refusing to send credentials to ${new URL(request.url).origin}: the client is configured for ${origin}`,
      );
    }
    const body = request.body ? await request.clone().arrayBuffer() : undefined;
    const idempotent = IDEMPOTENT.has(request.method);
    const callerSignal = request.signal;
    for (let attempt = 0; ; attempt++) {
      const waitStart = opts.observe && opts.limiter ? Date.now() : 0;
      if (opts.limiter) await opts.limiter.take(callerSignal);
      const done = opts.observe?.(request, attempt, waitStart && Date.now() - waitStart);
      // A timer per attempt, cleared as soon as the attempt ends: AbortSignal.timeout would leave one pending
      // timer per call behind for the whole timeout, and expire for later attempts if shared.
      const controller = new AbortController();
      const timeout = { fired: false };
      const timer = setTimeout(() => {
        timeout.fired = true;
        controller.abort(new DOMException(`timed out after ${opts.timeoutMs} ms`, 'TimeoutError'));
      }, opts.timeoutMs);
      const onCallerAbort = () => controller.abort(callerSignal.reason);
      if (callerSignal.aborted) onCallerAbort();
      else callerSignal.addEventListener('abort', onCallerAbort, { once: true });
      // Credentials go on below openapi-fetch's middleware, for this attempt only, and come off in `finally`,
      // before any middleware sees the request again. A body can be read once, so a request with one is rebuilt
      // for every attempt; one without is reused (on Node 20 every Request costs an AbortSignal, which is slow).
      const attemptRequest = body
        ? new Request(request.url, { method: request.method, headers: request.headers, body, redirect: 'manual' })
        : request;
      for (const [k, v] of auth) attemptRequest.headers.set(k, v);
      try {
        let response: Response;
        try {
          // `init` carries the signal (on Node 20 a Request built around a live signal keeps about 2 kB a request
          // alive: found by the paginator's heap benchmark) and manual redirects (a redirect must not carry
          // credentials to wherever it points).
          response = await fetchImpl(attemptRequest, { signal: controller.signal, redirect: 'manual' });
        } catch (error) {
          if (callerSignal.aborted) {
            done?.({ error: 'AbortError', retry: false });
            throw callerSignal.reason;
          }
          const failure = classifyFailure(error, timeout.fired, request, opts.timeoutMs);
          const retry =
            attempt < opts.maxRetries && failure instanceof ConnectionError && (idempotent || !failure.outcomeUnknown);
          done?.({ error: failure.name, retry });
          if (retry) {
            await sleep(backoff(attempt, random), callerSignal);
            continue;
          }
          throw failure;
        }
        const retryable = RETRYABLE_STATUS.has(response.status) && (idempotent || response.status === 429);
        done?.({ status: response.status, retry: retryable && attempt < opts.maxRetries });
        if (!retryable || attempt >= opts.maxRetries) {
          // Read the body here, under this attempt's timeout: a body cut short becomes a typed ConnectionError
          // (the write's outcome unknown) instead of a bare TypeError from deep inside openapi-fetch.
          try {
            return bufferedCopy(response, await response.arrayBuffer());
          } catch (error) {
            if (callerSignal.aborted) throw callerSignal.reason;
            if (!idempotent || attempt >= opts.maxRetries)
              throw classifyFailure(error, timeout.fired, request, opts.timeoutMs);
            await sleep(backoff(attempt, random), callerSignal);
            continue;
          }
        }
        const delay = retryAfterMs(response.headers.get('retry-after')) ?? backoff(attempt, random);
        await response.body?.cancel().catch(() => {});
        await sleep(Math.min(delay, RETRY_AFTER_CAP_MS), callerSignal);
      } finally {
        clearTimeout(timer);
        callerSignal.removeEventListener('abort', onCallerAbort);
        if (attemptRequest === request) for (const [k] of auth) request.headers.delete(k);
      }
    }
  };
}

function classifyFailure(error: unknown, timedOut: boolean, request: Request, timeoutMs: number): SdkError {
  if (error instanceof SdkError) return error;
  const code = timedOut ? undefined : errorCode(error);
  // A read can always be repeated; a write is unknown unless the connection never opened.
  const outcomeUnknown = request.method !== 'GET' && !(code !== undefined && NOT_SENT_CODES.has(code));
  const what = timedOut
    ? `timed out after ${timeoutMs} ms`
    : `failed: ${code ?? (error as Error)?.message ?? 'connection error'}`;
  // The host and port say which server could not be reached: a wrong baseUrl or a mock not started shows at once.
  const url = new URL(request.url);
  return new (timedOut ? TimeoutError : ConnectionError)(
    `${request.method} ${url.host}${url.pathname} ${what}${outcomeUnknown ? '; the server may or may not have acted on it' : ''}`,
    { cause: error, outcomeUnknown },
  );
}

function errorCode(error: unknown): string | undefined {
  for (let e: any = error, i = 0; e && i < 5; e = e.cause, i++) if (typeof e.code === 'string') return e.code;
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

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
