// Routing and request validation for both mock modes, from validators compiled ahead from the specs the mocks serve
// (src/testing/compiled/validators.ts, by scripts/build-mock-validators.ts). The same code checks a request in the
// static front and in the stateful engine, so the two modes cannot word one problem two ways; and loading it costs
// no YAML parse and no validator package, which a cold MSW test file or the mock binary would otherwise pay.
import { argyle, partoo } from './compiled/validators.js';
import type { SpecName } from './specs.js';

export interface RequestProblem {
  path: string[];
  message: string;
}

export interface HttpMessage {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One operation of a spec: `iid` is its operationId. */
export interface MockOperation {
  iid: string;
  method: string;
  /** the path template, as the spec writes it */
  path: string;
}

export interface SpecValidator {
  /** the operation a request routes to, or undefined */
  route(method: string, path: string): MockOperation | undefined;
  /** the methods the spec gives a path ([] when it has no such path): a wrong method is a 405, not a 404 */
  methods(path: string): string[];
  /** error-level problems of a request; `path` is empty for one about the request as a whole */
  checkRequest(operation: MockOperation, message: HttpMessage): RequestProblem[];
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: { missingProperty?: string };
}
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
interface Compiled {
  routes: { operationId: string; method: string; path: string; csv: string[] }[];
  params: Record<string, Validate>;
  bodies: Record<string, Validate>;
}

/** What each API says of a required field left out (marshmallow's and Django REST framework's words). */
const MISSING: Record<SpecName, string> = {
  partoo: 'Missing data for required field.',
  argyle: 'This field is required.',
};

const cache = new Map<SpecName, SpecValidator>();

export function requestValidator(api: SpecName): SpecValidator {
  let validator = cache.get(api);
  if (!validator) cache.set(api, (validator = build(api, (api === 'partoo' ? partoo : argyle) as Compiled)));
  return validator;
}

function build(api: SpecName, compiled: Compiled): SpecValidator {
  const routes = compiled.routes.map((r) => {
    const names: string[] = [];
    const source = r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { ...r, names, regex: new RegExp(`^${source}$`), literal: names.length === 0 };
  });
  // A literal path wins over a template that also matches it.
  routes.sort((a, b) => Number(b.literal) - Number(a.literal));
  const matching = (path: string) => routes.filter((r) => r.regex.test(path));
  return {
    route(method, path) {
      const upper = method.toUpperCase();
      const r = matching(path).find((x) => x.method === upper);
      return r && { iid: r.operationId, method: r.method, path: r.path };
    },
    methods: (path) => [...new Set(matching(path).map((r) => r.method))],
    checkRequest(operation, message) {
      const r = routes.find((x) => x.operationId === operation.iid)!;
      const values = r.regex.exec(message.path)?.slice(1) ?? [];
      const pathParams = Object.fromEntries(r.names.map((n, i) => [n, safeDecode(values[i])]));
      const query: Record<string, string | string[]> = { ...(message.query ?? {}) };
      for (const name of r.csv) {
        const v = query[name];
        if (v !== undefined) query[name] = ([] as string[]).concat(v).flatMap((s) => s.split(','));
      }
      const problems = [
        ...run(compiled.params[r.operationId], { path: pathParams, query }, api),
        ...run(compiled.bodies[r.operationId], message.body === undefined ? {} : { body: message.body }, api),
      ];
      return dedupe(problems);
    },
  };
}

function safeDecode(s: string | undefined) {
  try {
    return decodeURIComponent(s ?? '');
  } catch {
    return s ?? '';
  }
}

function run(validate: Validate, data: unknown, api: SpecName): RequestProblem[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => {
    const path = e.instancePath.split('/').slice(1);
    if (e.keyword === 'required' && e.params.missingProperty) {
      return { path: [...path, e.params.missingProperty], message: MISSING[api] };
    }
    return { path, message: e.message ?? `fails ${e.keyword}` };
  });
}

function dedupe(problems: RequestProblem[]): RequestProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path.join('.')}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
