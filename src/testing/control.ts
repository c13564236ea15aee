// `/__mock/*`: the clock and reset, on either server, in both modes. Input is checked here (a clock moved
// by 1e300 ms made every later search fail until a reset), and errors come in the API's own shape. Every endpoint
// is described in openapi/mock-control.yaml, which both modes serve at GET /__mock/openapi.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiErrors } from './api-errors.js';
import { openapiDir } from './specs.js';
import { ArgyleMockError, type ArgyleState } from './stateful/argyle.js';
import type { MockClock } from './stateful/clock.js';
import { NamespaceError } from './stateful/namespaces.js';
import { json, toRequest, type Handler, type MockFetch } from './stateful/respond.js';

/** The most advance-time takes at once: 100 years, far past any window a test moves across. */
export const MAX_ADVANCE_MS = 100 * 365 * 86_400_000;

/** Every control endpoint, as openapi/mock-control.yaml names it (a test holds the two together). */
export const CONTROL_ENDPOINTS = [
  'GET /__mock/health',
  'GET /__mock/openapi.yaml',
  'GET /__mock/time',
  'POST /__mock/advance-time',
  'POST /__mock/reset',
  'GET /__mock/sent',
  'GET /__mock/requests',
  'GET /__mock/faults',
  'POST /__mock/faults',
  'DELETE /__mock/faults',
  'POST /__mock/argyle/invites/{id}/status',
  'POST /__mock/argyle/webhooks',
] as const;

const STATEFUL_ONLY = new Set(['/__mock/sent', '/__mock/requests', '/__mock/faults']);

let specText: string | undefined;
/** openapi/mock-control.yaml, read once; a package installed without openapi/ gets a 404 saying so. */
export function controlSpec(): Response {
  try {
    specText ??= readFileSync(join(openapiDir(), 'mock-control.yaml'), 'utf8');
  } catch (e) {
    return json(404, { detail: `openapi/mock-control.yaml is not installed: ${(e as Error).message}` });
  }
  return new Response(specText, { status: 200, headers: { 'content-type': 'application/yaml' } });
}

/** The milliseconds of an advance-time body, or a 400 saying what they must be. */
export async function advanceMs(request: Request, errors: ApiErrors): Promise<number | Response> {
  const { ms } = ((await request.json().catch(() => undefined)) ?? {}) as { ms?: unknown };
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
    return json(400, errors.invalid(`must be a number of milliseconds from 0 to ${MAX_ADVANCE_MS}`, 'ms'));
  }
  return ms;
}

/** What only the stateful mock answers: the SMS count, the journal, faults, any namespace but the default. */
function statelessRefusal(pathname: string, query: URLSearchParams, errors: ApiErrors): Response | undefined {
  const namespace = query.get('namespace');
  if (!STATEFUL_ONLY.has(pathname) && (namespace === null || namespace === 'default')) return undefined;
  return json(400, errors.invalid(`${pathname} needs the stateful mock (--stateful); Prism keeps no state`, 'mode'));
}

/** The static mode's controls: one clock (Prism keeps no state, so there are no namespaces to pick). */
export function withControl(inner: Handler, clock: MockClock, reset: () => void, errors: ApiErrors): MockFetch {
  const now = () => json(200, { now: clock.now().toISOString(), offsetMs: clock.offset, namespace: 'default' });
  return async (input, init) => {
    const request = toRequest(input, init);
    const { pathname, searchParams } = new URL(request.url);
    if (!pathname.startsWith('/__mock/')) return inner(request);
    // For scripts and container health checks: answers once the mock answers anything.
    if (pathname === '/__mock/health' && request.method === 'GET') return json(200, { status: 'ok' });
    if (pathname === '/__mock/openapi.yaml' && request.method === 'GET') return controlSpec();
    const refused = statelessRefusal(pathname, searchParams, errors);
    if (refused) return refused;
    if (pathname === '/__mock/time' && request.method === 'GET') return now();
    if (pathname === '/__mock/advance-time' && request.method === 'POST') {
      const ms = await advanceMs(request, errors);
      if (ms instanceof Response) return ms;
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
 * `?namespace=` picks whose invites (default: the default namespace's).
 */
export function withArgyleControl(inner: MockFetch, stateOf: (namespace: string) => ArgyleState): MockFetch {
  return async (input, init) => {
    const request = toRequest(input, init);
    const { pathname, searchParams } = new URL(request.url);
    if (!pathname.startsWith('/__mock/argyle/') || request.method !== 'POST') return inner(request);
    const body = ((await request.json().catch(() => undefined)) ?? {}) as Record<string, any>;
    try {
      const state = stateOf(searchParams.get('namespace') ?? 'default');
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
      if (e instanceof NamespaceError) return json(400, { namespace: [e.message] });
      return json(502, { detail: `the webhook could not be delivered: ${(e as Error).message}` });
    }
    return json(404, { detail: 'Not found.' });
  };
}
