// `/__mock/*`: the clock and reset, on either server, in both modes. Input is checked here (a clock moved
// by 1e300 ms made every later search fail until a reset), and errors come in the API's own shape.
import type { ApiErrors } from './api-errors.js';
import type { MockClock } from './stateful/clock.js';
import { json, toRequest, type Handler, type MockFetch } from './stateful/respond.js';

/** The most advance-time takes at once: 100 years, far past any window a test moves across. */
export const MAX_ADVANCE_MS = 100 * 365 * 86_400_000;

export function withControl(inner: Handler, clock: MockClock, reset: () => void, errors: ApiErrors): MockFetch {
  const now = () => json(200, { now: clock.now().toISOString(), offsetMs: clock.offset });
  return async (input, init) => {
    const request = toRequest(input, init);
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith('/__mock/')) return inner(request);
    if (pathname === '/__mock/time' && request.method === 'GET') return now();
    if (pathname === '/__mock/advance-time' && request.method === 'POST') {
      const { ms } = ((await request.json().catch(() => undefined)) ?? {}) as { ms?: unknown };
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
        return json(400, errors.invalid(`must be a number of milliseconds from 0 to ${MAX_ADVANCE_MS}`, 'ms'));
      }
      clock.advance(ms);
      return now();
    }
    if (pathname === '/__mock/reset' && request.method === 'POST') {
      reset();
      return now();
    }
    return json(404, errors.fixed(404));
  };
}
