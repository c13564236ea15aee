import { randomSeed, seededRandom, type MockClock } from './clock.js';
import { json } from './respond.js';

/**
 * Faults on every request that passes the path, method and credentials checks (a 404, 405 or 401 comes first and
 * is not counted), in each API of each namespace. Stateful mode only: startMockServers refuses them otherwise.
 */
export interface FaultOptions {
  /** milliseconds of real time waited before answering each such request (default 0) */
  latencyMs?: number;
  /** share of those requests (0 to 1) answered 500 in the API's error shape (default 0) */
  failRate?: number;
  /**
   * the seed of failRate's draws: the same seed fails the same requests; each namespace draws its own sequence from
   * it (default: a random one)
   */
  seed?: number;
  /**
   * requests each API of a namespace takes per minute of the mock's clock (a fixed window, restarted by reset())
   * before answering 429 with Retry-After in seconds (default: no limit)
   */
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
