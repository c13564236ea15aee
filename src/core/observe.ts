// What each HTTP attempt becomes outside the transport: a debug record, a warning when retries are spent or the
// rate limit held a request for long, and a child span following OpenTelemetry's HTTP client conventions. No query
// string anywhere: Partoo's carry customers' phone numbers. With the default level and no OpenTelemetry, an
// attempt costs a clock read and a closure.
import type { Log } from './log.js';
import { attemptSpan, tracing } from './trace.js';
import type { Observe } from './attempt.js';
import { systemRuntime, type Runtime } from './runtime.js';

/** A wait for the rate limit longer than this is worth an info record: it explains a slow batch. */
const SLOW_WAIT_MS = 1_000;

/** `clock`: the client's runtime, whose clock times each attempt (the system's when none is given). */
export function attemptObserver(log: Log, clock: Pick<Runtime, 'now'> = systemRuntime): Observe {
  return (request, attempt, waitedMs) => {
    const started = clock.now();
    const where = () => ({ method: request.method, path: new URL(request.url).pathname, attempt: attempt + 1 });
    if (waitedMs > SLOW_WAIT_MS && log.enabled('info')) {
      log('info', `waited ${waitedMs} ms for the rate limit`, { event: 'ratelimit.wait', waitedMs, ...where() });
    }
    const span = tracing() ? spanFor(request, attempt) : undefined;
    return ({ status, error, retry }) => {
      const failed = error !== undefined || (status !== undefined && status >= 400);
      span?.(status === undefined ? { 'error.type': error ?? 'Error' } : statusAttributes(status), failed);
      const spent = failed && !retry && attempt > 0;
      if (!spent && !log.enabled('debug')) return;
      const fields = { event: 'http.attempt', ...where(), status, error, durationMs: clock.now() - started, retry };
      const what = `${fields.method} ${fields.path}: ${status ?? error}`;
      log('debug', `${what} in ${fields.durationMs} ms${retry ? ', retrying' : ''}`, fields);
      if (spent)
        log('warn', `${what} after ${attempt + 1} attempts; no retry left`, { ...fields, event: 'http.retries_spent' });
    };
  };
}

// The method and the resend count go on at the start (a sampler may read them); what needs the URL parsed, only
// on a span that records.
function spanFor(request: { method: string; url: string }, attempt: number) {
  const start = { 'http.request.method': request.method, ...(attempt > 0 && { 'http.request.resend_count': attempt }) };
  return attemptSpan(request.method, start, () => {
    const url = new URL(request.url);
    return {
      'server.address': url.hostname,
      'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      'url.full': `${url.origin}${url.pathname}`,
    };
  });
}

const statusAttributes = (status: number) => ({
  'http.response.status_code': status,
  ...(status >= 400 && { 'error.type': String(status) }),
});
