// The static mode: Prism serves the spec's examples; this front, on the port partners use, makes it answer
// as the stateful mock does. Prism alone took any key, 404ed on /v2 paths, pointed `next` at Argyle's
// sandbox, and answered some errors in its own problem+json shape.
import { REVOKED_RESEND } from './api-errors.js';
import { gate } from './gate.js';
import { requestValidator } from './request-validator.js';
import { publicOrigin, type ApiRules } from './rules.js';
import { loadMockSpec, type SpecName } from './specs.js';
import { fieldErrors, json, type Handler } from './stateful/respond.js';
import type { RequestProblem } from './request-validator.js';

const HOP_BY_HOP = ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'];

/** Operations that name one invitation or invite: an id the examples do not hold is a 404, as in stateful mode. */
const BY_ID: Record<string, (url: URL) => string | null> = {
  getReviewInvitationStatus: (url) => url.searchParams.get('invitation_id'),
  getInvite: (url) => url.pathname.split('/')[3] ?? null,
  resendInvite: (url) => url.pathname.split('/')[3] ?? null,
  revokeInvite: (url) => url.pathname.split('/')[3] ?? null,
};

export function staticFront(api: SpecName, prismUrl: string, rules: ApiRules): Handler {
  const { known, revoked } = exampleIds(api);
  const forward = async (request: Request, path: string) => {
    const headers = new Headers(request.headers);
    for (const h of HOP_BY_HOP) headers.delete(h);
    const url = new URL(request.url);
    for (const [k, v] of Object.entries(api === 'argyle' ? argylePage(url, request) : {})) headers.set(k, v);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    return fetch(`${prismUrl}${path}${url.search}`, {
      method: request.method,
      headers,
      body: body === '' ? undefined : body,
    });
  };
  const cursorValid = (cursor: string) => /^page-\d+$/.test(Buffer.from(cursor, 'base64').toString());
  const validator = requestValidator(api);
  return gate({ api, rules, validator, cursorValid }, async (request, call) => {
    const id = BY_ID[call.operation]?.(call.url);
    const named = id === undefined || id === null || request.headers.has('prefer') ? undefined : decodeURIComponent(id);
    if (named !== undefined && !known.has(named)) return json(404, rules.errors.fixed(404));
    if (named !== undefined && call.operation === 'resendInvite' && revoked.has(named))
      return json(400, REVOKED_RESEND);
    // Named by its template, as the spec and the pull's example check name it, not by the path asked for.
    const template = validator.route(request.method, call.path)?.path ?? call.path;
    const operation = `${request.method.toUpperCase()} ${template}`;
    return answer(api, await forward(request, call.path), request, rules, operation);
  });
}

/**
 * Every invitation and invite id the spec's examples hold, the only ones static mode knows, and those its list and
 * get examples show revoked (a revoke's own answer shows what revoking does, not what the mock holds).
 */
function exampleIds(api: SpecName): { known: Set<string>; revoked: Set<string> } {
  const known = new Set<string>();
  const revoked = new Set<string>();
  const walk = (node: unknown, state: boolean) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, state));
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (state && typeof record.id === 'string' && record.status === 'revoked') revoked.add(record.id);
    for (const [k, v] of Object.entries(record)) {
      if ((k === 'id' || k === 'invitation_id') && typeof v === 'string') known.add(v);
      else walk(v, state);
    }
  };
  for (const item of Object.values<any>(loadMockSpec(api).paths ?? {}))
    for (const op of Object.values<any>(item))
      for (const response of Object.values<any>(op?.responses ?? {}))
        for (const example of Object.values<any>(response?.content?.['application/json']?.examples ?? {}))
          walk(example?.value, STATE_EXAMPLES.includes(op?.operationId));
  return { known, revoked };
}

/** The operations whose examples are what the static mock holds. */
const STATE_EXAMPLES = ['listInvites', 'getInvite'];

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
async function answer(
  api: SpecName,
  upstream: Response,
  request: Request,
  rules: ApiRules,
  operation: string,
): Promise<Response> {
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
  // An example upstream gives that breaks its own schema is never answered as though it were valid, nor as
  // Prism's opaque 500: a documented 500 names the operation and the example's first violation.
  const broken = exampleViolation(upstream.headers.get('sl-violations'), type.includes('problem+json') ? text : '');
  if (broken) return json(500, invalidExample(operation, broken), headers);
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

/** The mock's answer where the spec's own example breaks its schema (docs/regenerating.md shows it). */
export function invalidExample(operation: string, violation: string) {
  return {
    errors: { json: `mock: the spec's example for ${operation} breaks its own schema: ${violation}` },
    mock: { reason: 'invalid_example', operation, violation },
  };
}

/** The first violation Prism found in the response it built from the spec's examples (its header, or its
 *  problem body under --errors), as "at <location>: <message>". */
function exampleViolation(header: string | null, problemText: string): string | undefined {
  const lists: unknown[] = [];
  for (const text of [header, problemText]) {
    try {
      const parsed = text ? JSON.parse(text) : undefined;
      lists.push(Array.isArray(parsed) ? parsed : parsed?.validation);
    } catch {
      // not JSON: nothing to read
    }
  }
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    const v = (list as { location?: string[]; severity?: string; message?: string }[]).find(
      (x) => x?.location?.[0] === 'response' && x.severity === 'Error',
    );
    if (v) return `at ${v.location!.slice(1).join('.') || 'the body'}: ${v.message ?? 'does not match'}`;
  }
  return undefined;
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
