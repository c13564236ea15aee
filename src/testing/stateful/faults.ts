import type { MockClock } from './clock.js';
import { json, type Handler } from './respond.js';

export interface FaultOptions {
  /** added to every response */
  latencyMs?: number;
  /** share of requests (0..1) answered with a 500 */
  failRate?: number;
  /** requests a minute (of the mock's clock) before answering 429 with Retry-After */
  rateLimitPerMinute?: number;
  /** the 500/429 bodies, in the API's own error shape */
  errorBody?: (status: number) => unknown;
}

/** Latency, random 500s and a rate limit, in front of a mock's handler. Control paths pass untouched. */
export function withFaults(handler: Handler, clock: MockClock, faults: FaultOptions): Handler {
  const { latencyMs = 0, failRate = 0, rateLimitPerMinute } = faults;
  let windowStart = 0;
  let used = 0;
  return async (request) => {
    if (new URL(request.url).pathname.startsWith('/__mock/')) return handler(request);
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    if (rateLimitPerMinute !== undefined) {
      const now = clock.nowMs();
      if (now - windowStart >= 60_000) {
        windowStart = now;
        used = 0;
      }
      if (used >= rateLimitPerMinute) {
        const retryAfter = Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000));
        return json(429, faults.errorBody?.(429) ?? { error: 'Too many requests' }, {
          'retry-after': String(retryAfter),
        });
      }
      used++;
    }
    if (failRate > 0 && Math.random() < failRate)
      return json(500, faults.errorBody?.(500) ?? { error: 'Injected failure' });
    return handler(request);
  };
}
