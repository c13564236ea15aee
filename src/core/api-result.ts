import { apiErrorFor } from './errors.js';
import { systemRuntime } from './runtime.js';
import { retryAfterMs } from './transport.js';

/** A reply whose body was read under its attempt's timer, secrets redacted; `unwrap` parses it. */
export interface Reply<T> {
  response: { status: number; ok: boolean; headers: Headers };
  text: string;
  /** the error body as openapi-fetch would give it: parsed JSON, the text, or undefined without a body */
  error?: unknown;
  /** when it arrived, on the client's Runtime: an HTTP-date Retry-After is read against it */
  receivedAt?: number;
  /** type only: what `unwrap` returns */
  readonly data?: T;
}

/** The JSON body of an operation's 200 answer, as a spec's generated `operations` declare it. */
export type OkBody<Ops, Op extends keyof Ops> = Ops[Op] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

/**
 * `unwrap` for one spec's operations: errors typed, the success body parsed and typed by operation id (a typo in the
 * id, or a field the spec lacks, fails to compile). Each API assigns `unwrap` itself to it: nothing added at run time.
 */
export type UnwrapOk<Ops> = <Op extends keyof Ops & string>(
  result: Reply<unknown>,
  operation: Op,
) => Promise<OkBody<Ops, Op>>;

/**
 * Errors typed, and the success body parsed from the text the attempt core already read under the attempt's
 * timeout, once. A truncated or non-JSON success body becomes a typed ApiError carrying the status rather than a
 * bare SyntaxError.
 */
export async function unwrap<T>(result: Reply<T>, operation: string): Promise<T>;
export async function unwrap<T>(result: Reply<unknown>, operation: string): Promise<T>;
export async function unwrap<T>(result: Reply<unknown>, operation: string): Promise<T> {
  const { response, text } = result;
  if (!response.ok) {
    throw apiErrorFor({
      status: response.status,
      body: result.error,
      operation,
      headers: response.headers,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after'), result.receivedAt ?? systemRuntime.now()),
    });
  }
  if (text === '') throw malformed(response, text, operation);
  return parseJson<T>(response, text, operation);
}

export function parseJson<T>(response: { status: number; headers: Headers }, text: string, operation: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw malformed(response, text, operation);
  }
}

// The snippet is redacted by ApiError like any body: JSON.parse's own SyntaxError would quote it as it is.
const malformed = (response: { status: number; headers: Headers }, text: string, operation: string) =>
  apiErrorFor({
    status: response.status,
    body: text.length > 500 ? `${text.slice(0, 500)}…` : text,
    operation,
    headers: response.headers,
    message: `malformed response: expected JSON, got ${text === '' ? 'an empty body' : contentType(response)}`,
  });

const contentType = (response: { headers: Headers }) => response.headers.get('content-type') ?? 'no content type';
