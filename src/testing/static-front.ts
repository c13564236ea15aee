// The static mode: Prism serves the spec's examples; this front, on the port partners use, makes it answer
// as the stateful mock does. Prism alone took any key, 404ed on /v2 paths, pointed `next` at Argyle's
// sandbox, and answered some errors in its own problem+json shape.
import { MISSING_INVITATION_ID } from './api-errors.js';
import { publicOrigin, type ApiRules } from './rules.js';
import type { SpecName } from './specs.js';
import { fieldErrors, json, type Handler } from './stateful/respond.js';
import type { RequestProblem } from './validator.js';

const HOP_BY_HOP = ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'];

type Forward = (request: Request, path: string, body: string, extra?: Record<string, string>) => Promise<Response>;

export function staticFront(api: SpecName, prismUrl: string, rules: ApiRules): Handler {
  const forward: Forward = async (request, path, body, extra = {}) => {
    const headers = new Headers(request.headers);
    for (const h of HOP_BY_HOP) headers.delete(h);
    for (const [k, v] of Object.entries(extra)) {
      if (v === '') headers.delete(k);
      else headers.set(k, v);
    }
    const { search } = new URL(request.url);
    return fetch(`${prismUrl}${path}${search}`, {
      method: request.method,
      headers,
      body: body === '' ? undefined : body,
    });
  };

  return async (request) => {
    const url = new URL(request.url);
    const path = rules.specPath(url.pathname);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    if (!rules.authorized(request)) return unauthorized(forward, request, path, body, rules);
    if (body !== '' && !isJson(body)) return json(400, rules.invalidJson);
    if (api === 'partoo' && path === '/review_booster/invitation_status' && !url.searchParams.has('invitation_id')) {
      return json(400, MISSING_INVITATION_ID);
    }
    const upstream = await forward(request, path, body, api === 'argyle' ? argylePage(url, request) : {});
    return answer(api, upstream, request, rules);
  };
}

/**
 * The stateful mock says 404 for a path the spec lacks before it looks at credentials: ask Prism whether the
 * route exists (it answers 404/405 if not, 401 if so), credentials left out.
 */
async function unauthorized(forward: Forward, request: Request, path: string, body: string, rules: ApiRules) {
  const probe = await forward(request, path, body, { 'x-apikey': '', authorization: '' });
  await probe.body?.cancel();
  const status = probe.status === 404 || probe.status === 405 ? 404 : 401;
  return json(status, rules.errors.fixed(status));
}

/**
 * Argyle's list pages are the named examples page-1, page-2, ...; their cursors are those names in base64, so
 * following `next` walks the pages as it would on Argyle.
 */
function argylePage(url: URL, request: Request): Record<string, string> {
  const cursor = url.searchParams.get('cursor');
  if (!cursor || request.headers.has('prefer')) return {};
  const name = Buffer.from(cursor, 'base64').toString();
  return /^page-\d+$/.test(name) ? { prefer: `example=${name}` } : {};
}

/** Prism's answer as the stateful mock would give it: its errors in the API's shape, Argyle's links on our origin. */
async function answer(api: SpecName, upstream: Response, request: Request, rules: ApiRules): Promise<Response> {
  const text = await upstream.text();
  const type = upstream.headers.get('content-type') ?? '';
  const headers: Record<string, string> = {};
  upstream.headers.forEach((v, k) => {
    if (!HOP_BY_HOP.includes(k) && k !== 'content-type') headers[k] = v;
  });
  // Prism's own diagnostics header: the stateful mock has none, and its content is answered below.
  delete headers['sl-violations'];
  // An invalid request: Prism (--errors) answers the spec's first 400 example, whatever was wrong; its
  // violations header says what was, in the validator's words, as the stateful mock reports them.
  const violations = requestViolations(upstream.headers.get('sl-violations'));
  if ((upstream.status === 400 || upstream.status === 422) && violations.length) {
    return json(400, rules.errors.fields(fieldErrors(violations)), headers);
  }
  if (type.includes('problem+json')) return prismProblem(upstream.status, text, rules, headers);
  return new Response(api === 'argyle' ? sameOrigin(text, publicOrigin(request)) : text, {
    status: upstream.status,
    headers: { ...headers, 'content-type': type || 'application/json' },
  });
}

/** Prism's own errors (no route, invalid request, ...) in the API's shape and the stateful mock's status. */
function prismProblem(status: number, text: string, rules: ApiRules, headers: Record<string, string>): Response {
  let problem: { validation?: { location?: string[]; message: string; severity?: string }[] } = {};
  try {
    problem = JSON.parse(text);
  } catch {
    // not JSON after all: the status alone decides
  }
  if (status === 404 || status === 405) return json(404, rules.errors.fixed(404), headers);
  if (status === 422 || status === 400) {
    const problems = (problem.validation ?? []).map((v) => ({ path: v.location ?? [], message: v.message }));
    return json(400, rules.errors.fields(fieldErrors(problems)), headers);
  }
  return json(status, rules.errors.fixed(status), headers);
}

function requestViolations(header: string | null): RequestProblem[] {
  if (!header) return [];
  try {
    const all = JSON.parse(header) as { location?: string[]; severity?: string; message: string }[];
    return all
      .filter((v) => v.severity === 'Error' && v.location?.[0] === 'request')
      .map((v) => ({ path: v.location!.slice(1), message: v.message }));
  } catch {
    return [];
  }
}

/** `next` and `previous` on the origin the request came to, as the stateful mock answers them. */
function sameOrigin(text: string, origin: string): string {
  let page: Record<string, unknown>;
  try {
    page = JSON.parse(text);
  } catch {
    return text;
  }
  if (!page || typeof page !== 'object' || !('next' in page || 'previous' in page)) return text;
  for (const key of ['next', 'previous'] as const) {
    const link = page[key];
    if (typeof link !== 'string') continue;
    const moved = new URL(link);
    page[key] = `${origin}${moved.pathname}${moved.search}`;
  }
  return JSON.stringify(page);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
