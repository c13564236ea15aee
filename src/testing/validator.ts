// Request and response validation by Prism's own validator (@stoplight/prism-http), not a home-made one.
import { createRequire } from 'node:module';
import type { IHttpOperation } from '@stoplight/types';

type PrismHttp = typeof import('@stoplight/prism-http');
type Diagnostic = { message: string; path?: string[]; severity: number };
export interface HttpMessage {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: unknown;
}

function prismHttp(): { http: PrismHttp; validator: any; route: any } {
  const require = createRequire(import.meta.url);
  try {
    return {
      http: require('@stoplight/prism-http'),
      validator: require('@stoplight/prism-http/dist/validator'),
      route: require('@stoplight/prism-http/dist/router').default,
    };
  } catch {
    throw new Error('The stateful mock needs @stoplight/prism-http: npm install --save-dev @stoplight/prism-http@5.12.0');
  }
}

export interface SpecValidator {
  operations: IHttpOperation[];
  /** the operation a request routes to, or undefined */
  route(method: string, path: string): IHttpOperation | undefined;
  /** error-level problems of a request, as readable lines */
  checkRequest(operation: IHttpOperation, message: HttpMessage): string[];
  checkResponse(operation: IHttpOperation, response: { status: number; headers?: Record<string, string>; body?: unknown }): string[];
}

export async function createSpecValidator(spec: object): Promise<SpecValidator> {
  const { http, validator, route } = prismHttp();
  const operations = await http.getHttpOperationsFromSpec(structuredClone(spec));
  const errors = (result: { _tag: string; left?: Diagnostic[] }) =>
    result._tag === 'Left' ? (result.left ?? []).filter((d) => d.severity === 0).map((d) => `${d.path?.join('.') ?? ''} ${d.message}`.trim()) : [];
  return {
    operations,
    route(method, path) {
      const r = route({ resources: operations, input: { method: method.toLowerCase(), url: { path } } });
      return r._tag === 'Right' ? r.right : undefined;
    },
    checkRequest(operation, m) {
      return errors(
        validator.validateInput({
          resource: operation,
          element: { method: m.method.toLowerCase(), url: { path: m.path, query: m.query ?? {} }, headers: m.headers ?? {}, body: m.body },
        }),
      );
    },
    checkResponse(operation, r) {
      return errors(
        validator.validateOutput({
          resource: operation,
          element: { statusCode: r.status, headers: { 'content-type': 'application/json', ...(r.headers ?? {}) }, body: r.body },
        }),
      );
    },
  };
}
