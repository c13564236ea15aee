// Partoo's answers typed by operation id, from src/generated (the typed `unwrap` of src/core/api-result.ts).
import type { Client } from 'openapi-fetch';
import type { operations, paths } from '../generated/partoo.js';
import { unwrap, type OkBody as BodyOf, type UnwrapOk } from '../core/api-result.js';
import type { Requests } from '../core/request.js';

/** `.api`: openapi-fetch's client for every operation of the spec. */
export type PartooApi = Client<paths>;
/** The wrapper's own calls: the same call shape, typed from `paths`, through the same attempt core. */
export type PartooRequests = Requests<paths>;
export type Operation = keyof operations;
/** The JSON body of an operation's 200 answer, as the spec declares it. */
export type OkBody<Op extends Operation> = BodyOf<operations, Op>;

export const unwrapOk: UnwrapOk<operations> = unwrap;
