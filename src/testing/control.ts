// `/__mock/*`: the clock and reset, on either server, in both modes. Input is checked here (a clock moved
// by 1e300 ms made every later search fail until a reset), and errors come in the API's own shape.
import type { ApiErrors } from './api-errors.js';
import { ArgyleMockError, type ArgyleState } from './stateful/argyle.js';
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
    // For scripts and container health checks: answers once the mock answers anything.
    if (pathname === '/__mock/health' && request.method === 'GET') return json(200, { status: 'ok' });
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

/**
 * `/__mock/argyle/*` on the stateful Argyle server: what `mock.argyle` does in-process, for tests in any language.
 * `POST /__mock/argyle/invites/{id}/status` `{"status", "delivery_status"?}` moves an invite;
 * `POST /__mock/argyle/webhooks` `{"url", "secret", "event", "invite_id", "name"?}` sends a signed webhook.
 */
export function withArgyleControl(inner: MockFetch, state: ArgyleState): MockFetch {
  return async (input, init) => {
    const request = toRequest(input, init);
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith('/__mock/argyle/') || request.method !== 'POST') return inner(request);
    const body = ((await request.json().catch(() => undefined)) ?? {}) as Record<string, any>;
    try {
      const status = /^\/__mock\/argyle\/invites\/([^/]+)\/status$/.exec(pathname);
      if (status) {
        const options = body.delivery_status === undefined ? {} : { deliveryStatus: body.delivery_status };
        return json(200, state.setInviteStatus(decodeURIComponent(status[1]), body.status, options));
      }
      if (pathname === '/__mock/argyle/webhooks') {
        const { url, secret, event, invite_id: inviteId, name } = body;
        const sent = await state.sendWebhook({ url, secret, event, inviteId, name });
        return json(200, { status: sent.status, body: sent.body, signature: sent.signature });
      }
    } catch (e) {
      if (e instanceof ArgyleMockError) return json(e.status, { detail: e.message });
      return json(502, { detail: `the webhook could not be delivered: ${(e as Error).message}` });
    }
    return json(404, { detail: 'Not found.' });
  };
}
