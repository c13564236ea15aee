import { randomSeed, seededRandom, type MockClock } from './clock.js';
import { json } from './respond.js';

export interface FaultOptions {
  /** added to every response */
  latencyMs?: number;
  /** share of requests (0..1) answered with a 500 */
  failRate?: number;
  /** the seed of failRate's draws: the same seed fails the same requests (default: a random one) */
  seed?: number;
  /** requests a minute (of the mock's clock) before answering 429 with Retry-After */
  rateLimitPerMinute?: number;
}

/** The 500 and 429 bodies, in the API's own error shape. */
export type ErrorBody = (status: number) => unknown;

/**
 * Latency, random 500s and a rate limit, as one step of a request's checks. It runs after the route and the
 * credentials are checked, as an API gateway counts: a request without a key gets its 401, never a 429, and is
 * not counted. Undefined lets the request through.
 */
export function createFaults(
  clock: MockClock,
  faults: FaultOptions,
  errorBody: ErrorBody,
  random = seededRandom(faults.seed ?? randomSeed()),
) {
  const { latencyMs = 0, failRate = 0, rateLimitPerMinute } = faults;
  let windowStart = 0;
  let used = 0;
  const step = async (): Promise<Response | undefined> => {
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    if (rateLimitPerMinute !== undefined) {
      const now = clock.nowMs();
      if (now - windowStart >= 60_000) {
        windowStart = now;
        used = 0;
      }
      if (used >= rateLimitPerMinute) {
        const retryAfter = Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000));
        return json(429, errorBody(429), { 'retry-after': String(retryAfter) });
      }
      used++;
    }
    if (failRate > 0 && random() < failRate) return json(500, errorBody(500));
    return undefined;
  };
  // A reset rewinds the clock behind the window's start: the count starts over with it.
  const reset = () => {
    windowStart = 0;
    used = 0;
  };
  return Object.assign(step, { reset });
}
