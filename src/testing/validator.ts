// Request and response validation by Prism's own validator (@stoplight/prism-http), not a home-made one.
import { createRequire } from 'node:module';
import type { IHttpOperation } from '@stoplight/types';

type Diagnostic = { message: string; path?: string[]; severity: number };
export interface HttpMessage {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: unknown;
}

type LoadOperations = (spec: object) => Promise<IHttpOperation[]>;

// Only the three pieces the stateful mock uses, by their own paths: the package's index also loads the
// mocker and its faker (~565 ms of a ~1.2 s cold start), which a mock that writes its own answers never calls.
function prismHttp(): { getHttpOperationsFromSpec: LoadOperations; validator: any; route: any } {
  const require = createRequire(import.meta.url);
  try {
    return {
      getHttpOperationsFromSpec: require('@stoplight/prism-http/dist/utils/operations').getHttpOperationsFromSpec,
      validator: require('@stoplight/prism-http/dist/validator'),
      route: require('@stoplight/prism-http/dist/router').default,
    };
  } catch {
    throw new Error(
      'The stateful mock needs @stoplight/prism-http: npm install --save-dev @stoplight/prism-http@5.12.0',
    );
  }
}

export interface RequestProblem {
  path: string[];
  message: string;
}

export interface SpecValidator {
  operations: IHttpOperation[];
  /** the operation a request routes to, or undefined */
  route(method: string, path: string): IHttpOperation | undefined;
  /** error-level problems of a request; `path` is empty for one about the request as a whole */
  checkRequest(operation: IHttpOperation, message: HttpMessage): RequestProblem[];
  checkResponse(
    operation: IHttpOperation,
    response: { status: number; headers?: Record<string, string>; body?: unknown },
  ): string[];
}

export async function createSpecValidator(spec: object): Promise<SpecValidator> {
  const { getHttpOperationsFromSpec, validator, route } = prismHttp();
  const operations = await getHttpOperationsFromSpec(structuredClone(spec));
  const errors = (result: { _tag: string; left?: Diagnostic[] }) =>
    result._tag === 'Left'
      ? (result.left ?? []).filter((d) => d.severity === 0).map((d) => `${d.path?.join('.') ?? ''} ${d.message}`.trim())
      : [];
  return {
    operations,
    route(method, path) {
      const r = route({ resources: operations, input: { method: method.toLowerCase(), url: { path } } });
      return r._tag === 'Right' ? r.right : undefined;
    },
    checkRequest(operation, m) {
      const result = validator.validateInput({
        resource: operation,
        element: {
          method: m.method.toLowerCase(),
          url: { path: m.path, query: m.query ?? {} },
          headers: m.headers ?? {},
          body: m.body,
        },
      }) as { _tag: string; left?: Diagnostic[] };
      const found = result._tag === 'Left' ? (result.left ?? []) : [];
      return found.filter((d) => d.severity === 0).map((d) => ({ path: d.path ?? [], message: d.message }));
    },
    checkResponse(operation, r) {
      return errors(
        validator.validateOutput({
          resource: operation,
          element: {
            statusCode: r.status,
            headers: { 'content-type': 'application/json', ...(r.headers ?? {}) },
            body: r.body,
          },
        }),
      );
    },
  };
}
