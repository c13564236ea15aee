// The checks every request passes in both modes, in one order: the path (404), the method (405), the credentials
// (401), the faults and rate limit a test asked for (429, 500), the JSON (400), the spec (400), then each API's
// stateless rules (400). The static front and the stateful engine both answer through it, so one request gets one
// status and one body whichever mode answers it.
import type { SpecValidator } from './request-validator.js';
import type { ApiRules } from './rules.js';
import type { SpecName } from './specs.js';
import { statelessRule, type CheckedCall, type CursorCheck } from './stateless-rules.js';
import { fieldErrors, json, queryOf, type Handler } from './stateful/respond.js';

export interface GateOptions {
  api: SpecName;
  rules: ApiRules;
  validator: SpecValidator;
  /** latency, injected failures, the rate limit: after the credentials, so a keyless request gets its 401 */
  faults?: (request: Request) => Promise<Response | undefined>;
  /** whether a list cursor is one this mode gave out */
  cursorValid?: CursorCheck;
}

/** Answers a checked request: `request` still has its body, `call` holds the parsed one. */
export type Next = (request: Request, call: CheckedCall & { path: string }) => Promise<Response>;

export function gate(options: GateOptions, next: Next): Handler {
  const { api, rules, validator } = options;
  return async (request) => {
    const url = new URL(request.url);
    const path = rules.specPath(url.pathname);
    const methods = validator.methods(path);
    if (methods.length === 0) return json(404, rules.errors.fixed(404));
    const operation = validator.route(request.method, path);
    if (!operation) return json(405, rules.errors.fixed(405), { allow: methods.join(', ') });
    if (!rules.authorized(request)) return json(401, rules.errors.fixed(401));
    const fault = await options.faults?.(request);
    if (fault) return fault;
    const forward = request.clone();
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return json(400, rules.invalidJson);
      }
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const query = queryOf(url);
    const problems = validator.checkRequest(operation, { method: request.method, path, query, headers, body });
    if (problems.length) return json(400, rules.errors.fields(fieldErrors(problems)));
    const call = { operation: operation.iid, url, body, path };
    return statelessRule(api, call, options.cursorValid) ?? next(forward, call);
  };
}
