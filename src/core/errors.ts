import type { operations as ArgyleOperations } from '../generated/argyle.js';
import { redactText, redactValue } from './redact.js';

const BRAND = Symbol.for('partoo-argyle-sdk.error');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Base of every error this SDK throws. Messages, stacks, JSON and inspect output carry no secret. */
export class SdkError extends Error {
  readonly [BRAND] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(redactText(message), options?.cause === undefined ? undefined : { cause: scrubCause(options.cause) });
    this.name = new.target.name;
  }
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [k, v] of Object.entries(this)) out[k] = v;
    return out;
  }
  [INSPECT]() {
    return `${redactText(this.stack ?? `${this.name}: ${this.message}`)} ${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

/** Works across two installed copies of the package, where `instanceof` does not. */
export function isSdkError(e: unknown): e is SdkError {
  // Stryker disable next-line ConditionalExpression: only a function carrying the brand differs; no SDK makes one
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}

export class ConfigurationError extends SdkError {}

export interface ValidationIssue {
  field: string;
  rule: string;
  message: string;
}

/** Bad input, caught before any request: `issues` lists every problem, not just the first. */
export class ValidationError extends SdkError {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    super(
      issues.length === 1
        ? `Invalid input: ${issues[0].message}`
        : `Invalid input (${issues.length} problems): ${issues.map((i) => i.message).join('; ')}`,
    );
    this.issues = issues;
  }
}

export class ApiError extends SdkError {
  readonly status: number;
  readonly body: unknown;
  readonly operation: string;
  readonly headers: Record<string, string>;
  constructor(init: { status: number; body: unknown; operation: string; headers?: Headers; message?: string }) {
    const body = redactValue(init.body);
    super(`${init.operation}: HTTP ${init.status}${init.message ? ` ${init.message}` : ''}${describeBody(body)}`);
    this.status = init.status;
    this.body = body;
    this.operation = init.operation;
    this.headers = {};
    for (const name of ['retry-after', 'x-request-id', 'content-type']) {
      const v = init.headers?.get(name);
      if (v) this.headers[name] = v;
    }
  }
}
export class BadRequestError extends ApiError {}
export class AuthenticationError extends ApiError {}
export class PermissionDeniedError extends ApiError {}
export class NotFoundError extends ApiError {}
export class RateLimitError extends ApiError {
  readonly retryAfterMs: number | undefined;
  constructor(init: ConstructorParameters<typeof ApiError>[0] & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}
export class ServerError extends ApiError {}

/** The request may or may not have reached the server. For a write, `outcomeUnknown` says so. */
export class ConnectionError extends SdkError {
  readonly outcomeUnknown: boolean;
  constructor(message: string, options: { cause?: unknown; outcomeUnknown: boolean }) {
    super(message, options);
    this.outcomeUnknown = options.outcomeUnknown;
  }
}
export class TimeoutError extends ConnectionError {}

/** A 200 without what the operation needs: an ApiError carrying the body, rather than a guess. */
export const unexpectedBody = (operation: string, message: string, body?: unknown) =>
  new ApiError({ status: 200, body, operation, message });

// A 401 names the key to check: "HTTP 401" alone sent partners looking everywhere but their key. Typed against
// the generated operations, so a renamed Argyle operation fails the build instead of getting Partoo's hint.
const ARGYLE_OPERATIONS: ReadonlySet<string> = new Set<keyof ArgyleOperations>([
  'listInvites',
  'sendInvite',
  'getInvite',
  'resendInvite',
  'revokeInvite',
]);
const keyHint = (operation: string) =>
  ARGYLE_OPERATIONS.has(operation)
    ? '(credentials refused: check the apiKeyId and apiKeySecret options ' +
      'or ARGYLE_API_KEY_ID and ARGYLE_API_KEY_SECRET)'
    : '(key refused: check the apiKey option or PARTOO_API_KEY)';

export function apiErrorFor(init: ConstructorParameters<typeof RateLimitError>[0]): ApiError {
  const s = init.status;
  if (s === 400) return new BadRequestError(init);
  if (s === 401) return new AuthenticationError({ ...init, message: init.message ?? keyHint(init.operation) });
  if (s === 403) return new PermissionDeniedError(init);
  if (s === 404) return new NotFoundError(init);
  if (s === 429) return new RateLimitError(init);
  if (s >= 500) return new ServerError(init);
  return new ApiError(init);
}

/** The server's own words: Partoo nests them under `errors`, Argyle under `detail` or per field. */
function describeBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  if (typeof body === 'string') return `: ${truncate(body)}`;
  const b = body as Record<string, unknown>;
  const picked = b.errors ?? b.detail ?? b.message ?? b.error ?? body;
  return `: ${truncate(typeof picked === 'string' ? picked : JSON.stringify(picked))}`;
}

const truncate = (s: string) => (s.length > 500 ? `${s.slice(0, 500)}…` : s);

// Causes from fetch may hold URLs or messages; keep only a scrubbed name/message/code.
function scrubCause(cause: unknown): unknown {
  if (isSdkError(cause)) return cause;
  if (cause instanceof Error) {
    const copy = new Error(redactText(cause.message));
    copy.name = cause.name;
    const code = (cause as { code?: unknown }).code ?? (cause as { cause?: { code?: unknown } }).cause?.code;
    // Stryker disable next-line ConditionalExpression: a code set to undefined shows in no message, JSON or inspect
    if (code !== undefined) (copy as Error & { code?: unknown }).code = code;
    copy.stack = redactText(cause.stack ?? '');
    return copy;
  }
  return typeof cause === 'string' ? redactText(cause) : undefined;
}
