// The stateful mock's `/__mock/*`, per namespace (`?namespace=<name>`, default `default`): its clock and reset,
// and what a test in any language reads back or sets up: the SMS count, the request journal, queued faults.
import { argyleErrors, partooErrors, type ApiErrors } from './api-errors.js';
import { advanceMs, controlSpec } from './control.js';
import { FaultSpecError, parseFault } from './stateful/fault-queue.js';
import type { MockNamespaceState } from './stateful/namespace.js';
import { NamespaceError, type Namespaces } from './stateful/namespaces.js';
import { json, toRequest, type MockFetch } from './stateful/respond.js';
import { JOURNAL_LIMIT } from './stateful/journal.js';

type Control = (ns: MockNamespaceState, request: Request, url: URL, errors: ApiErrors) => Promise<Response> | Response;

const clockOf = (ns: MockNamespaceState) =>
  json(200, { now: ns.clock.now().toISOString(), offsetMs: ns.clock.offset, namespace: ns.name });

/** A query parameter given once, or a 400 naming it. */
function param(url: URL, name: string, errors: ApiErrors): string | Response {
  const all = url.searchParams.getAll(name);
  if (all.length !== 1 || all[0] === '') return json(400, errors.invalid('is required, once', name));
  return all[0];
}

function sent(ns: MockNamespaceState, url: URL, errors: ApiErrors): Response {
  const businessId = param(url, 'business_id', errors);
  if (businessId instanceof Response) return businessId;
  const phone = param(url, 'target_phone', errors);
  if (phone instanceof Response) return phone;
  // A bare + in a query is a space: counting " 33601020304" would say 0 about a number that got an SMS.
  if (!phone.startsWith('+'))
    return json(400, errors.invalid('must start with + (write it as %2B in a query)', 'target_phone'));
  return json(200, { count: ns.partooState.sentCount(businessId, phone) });
}

function requests(ns: MockNamespaceState, url: URL, errors: ApiErrors): Response {
  const raw = url.searchParams.get('limit');
  const limit = raw === null ? JOURNAL_LIMIT : Number(raw);
  if (!Number.isInteger(limit) || limit < 0 || limit > JOURNAL_LIMIT)
    return json(400, errors.invalid(`must be an integer from 0 to ${JOURNAL_LIMIT}`, 'limit'));
  return json(200, { namespace: ns.name, ...ns.journal.list(limit) });
}

async function queueFault(ns: MockNamespaceState, request: Request, errors: ApiErrors): Promise<Response> {
  const body = await request.json().catch(() => undefined);
  try {
    const fault = parseFault(body);
    ns.faults.add(fault);
    return json(200, { namespace: ns.name, queued: fault, faults: ns.faults.list() });
  } catch (e) {
    if (e instanceof FaultSpecError) return json(400, errors.invalid(e.message.slice(e.field.length + 2), e.field));
    throw e;
  }
}

const ROUTES: Record<string, Control> = {
  'GET /__mock/time': (ns) => clockOf(ns),
  'POST /__mock/advance-time': async (ns, request, _url, errors) => {
    const ms = await advanceMs(request, errors);
    if (ms instanceof Response) return ms;
    ns.clock.advance(ms);
    return clockOf(ns);
  },
  'POST /__mock/reset': (ns) => {
    ns.reset();
    return clockOf(ns);
  },
  'GET /__mock/sent': (ns, _r, url, errors) => sent(ns, url, errors),
  'GET /__mock/requests': (ns, _r, url, errors) => requests(ns, url, errors),
  'GET /__mock/faults': (ns) => json(200, { namespace: ns.name, faults: ns.faults.list() }),
  'POST /__mock/faults': (ns, request, _url, errors) => queueFault(ns, request, errors),
  'DELETE /__mock/faults': (ns) => {
    ns.faults.clear();
    return json(200, { namespace: ns.name, faults: [] });
  },
};

/** One API's server of the stateful mock: `/__mock/*` here, every other request to its namespace's handler. */
export function withStatefulControl(api: 'partoo' | 'argyle', namespaces: Namespaces): MockFetch {
  const errors = api === 'partoo' ? partooErrors : argyleErrors;
  return async (input, init) => {
    const request = toRequest(input, init);
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/__mock/')) {
      const ns = api === 'partoo' ? namespaces.forPartoo(request) : namespaces.forArgyle(request);
      return ns[api](request);
    }
    if (url.pathname === '/__mock/health' && request.method === 'GET') return json(200, { status: 'ok' });
    if (url.pathname === '/__mock/openapi.yaml' && request.method === 'GET') return controlSpec();
    const route = ROUTES[`${request.method} ${url.pathname}`];
    if (!route) return json(404, errors.fixed(404));
    let ns: MockNamespaceState;
    try {
      ns = namespaces.get(url.searchParams.get('namespace') ?? 'default');
    } catch (e) {
      if (e instanceof NamespaceError) return json(400, errors.invalid(e.message, 'namespace'));
      throw e;
    }
    return route(ns, request, url, errors);
  };
}
