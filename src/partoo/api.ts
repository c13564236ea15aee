// Partoo's answers typed by operation id, from src/generated: a typo in an operation id, or a field the spec does
// not have, fails to compile instead of reading `undefined` at run time.
import type { Client } from 'openapi-fetch';
import type { operations, paths } from '../generated/partoo.js';
import { unwrap, type Reply } from '../core/api-result.js';
import type { Requests } from '../core/request.js';

/** `.api`: openapi-fetch's client for every operation of the spec. */
export type PartooApi = Client<paths>;
/** The wrapper's own calls: the same call shape, typed from `paths`, through the same attempt core. */
export type PartooRequests = Requests<paths>;
export type Operation = keyof operations;

/** The JSON body of an operation's 200 answer, as the spec declares it. */
export type OkBody<Op extends Operation> = operations[Op]['responses'] extends {
  200: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/**
 * `unwrap` for one operation: its errors typed, its success body parsed and typed from the spec. The same function
 * as `unwrap`, under a signature that ties the body's type to the operation id (no wrapper on the core import).
 */
export const unwrapOk: <Op extends Operation>(
  result: Reply<unknown> | OpenapiResult,
  operation: Op,
) => Promise<OkBody<Op>> = unwrap;

/** What openapi-fetch's client answers. */
type OpenapiResult = { data?: unknown; error?: unknown; response: Response };
