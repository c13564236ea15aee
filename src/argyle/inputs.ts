// What the Argyle client checks before a request, every problem at once, and the wire forms it builds.
import type { components, operations } from '../generated/argyle.js';
import { Checker } from '../core/validate.js';
import type { InviteStatus } from './invite.js';

export type InviteCreate = components['schemas']['InviteCreate'];
export type ListQuery = NonNullable<operations['listInvites']['parameters']['query']>;

export interface ListInvitesInput {
  status?: InviteStatus[];
  replyTo?: string;
  /** per page, 1 to 200 (Argyle's default is 10) */
  limit?: number;
}

export interface SendInviteInput {
  firstName: string;
  lastName: string;
  /** email or phoneNumber (or both) is required */
  email?: string;
  phoneNumber?: string;
  externalId?: string;
  flowId?: string;
  flowItems?: string[];
  ddsConfig?: Record<string, unknown>;
}

// Every status of the spec: one added to it fails to compile here until it is listed.
const STATUSES = Object.keys({
  sent: 1,
  initiated: 1,
  attempted: 1,
  completed: 1,
  revoked: 1,
} satisfies Record<InviteStatus, 1>) as InviteStatus[];
const LIST_FIELDS = ['status', 'replyTo', 'limit'] as const;
const SEND_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phoneNumber',
  'externalId',
  'flowId',
  'flowItems',
  'ddsConfig',
] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkId(value: unknown): string {
  const check = new Checker();
  if (check.requiredString(value, 'id') && !UUID.test(value))
    check.add('id', 'uuid', `id must be an invite UUID, not ${JSON.stringify(value)}`);
  check.throwIfAny();
  return value as string;
}

/** The first page's query of a listing, once its input passed the checks. */
export function listQuery(input: ListInvitesInput): ListQuery {
  const check = new Checker();
  if (!check.object(input, 'input')) check.throwIfAny();
  check.knownKeys(input, LIST_FIELDS);
  if (input.status !== undefined) {
    if (!Array.isArray(input.status)) check.add('status', 'type', 'status must be an array of invite statuses');
    else
      for (const s of input.status)
        if (!STATUSES.includes(s))
          check.add('status', 'enum', `status ${JSON.stringify(s)} is not one of ${STATUSES.join(', ')}`);
  }
  if (check.optionalString(input.replyTo, 'replyTo') && input.replyTo !== undefined && !EMAIL.test(input.replyTo)) {
    check.add('replyTo', 'email', `replyTo must be an email address, not ${JSON.stringify(input.replyTo)}`);
  }
  check.integer(input.limit, 'limit', 1, 200);
  check.throwIfAny();
  return {
    ...(input.status?.length && { status: input.status }),
    ...(input.replyTo !== undefined && { reply_to: input.replyTo }),
    ...(input.limit !== undefined && { limit: input.limit }),
  };
}

/** The body of a send, once its input passed the checks; email or phone_number, as the spec's either/or says. */
export function inviteBody(input: SendInviteInput): InviteCreate {
  const check = new Checker();
  if (!check.object(input, 'input')) check.throwIfAny();
  check.knownKeys(input, SEND_FIELDS);
  check.requiredString(input.firstName, 'firstName');
  check.requiredString(input.lastName, 'lastName');
  if (check.optionalString(input.email, 'email') && input.email !== undefined && !EMAIL.test(input.email)) {
    check.add('email', 'email', `email must be an email address, not ${JSON.stringify(input.email)}`);
  }
  // Optional, but never empty when given: Argyle would refuse it only after the request.
  for (const field of ['phoneNumber', 'externalId', 'flowId'] as const)
    if (input[field] !== undefined) check.requiredString(input[field], field);
  const contact = contactOf(input.email, input.phoneNumber);
  if (!contact) check.add('email', 'required', 'email or phoneNumber is required');
  checkFlowAndDds(check, input);
  check.throwIfAny();
  return {
    first_name: input.firstName,
    last_name: input.lastName,
    ...contact!,
    ...(input.externalId !== undefined && { external_id: input.externalId }),
    ...(input.flowId !== undefined && { flow_id: input.flowId }),
    ...(input.flowItems !== undefined && { flow_items: input.flowItems }),
    ...(input.ddsConfig !== undefined && { dds_config: input.ddsConfig }),
  };
}

function checkFlowAndDds(check: Checker, input: SendInviteInput) {
  if (
    input.flowItems !== undefined &&
    !(Array.isArray(input.flowItems) && input.flowItems.every((i) => typeof i === 'string'))
  ) {
    check.add('flowItems', 'type', 'flowItems must be an array of strings');
  }
  if (
    input.ddsConfig !== undefined &&
    (typeof input.ddsConfig !== 'object' || input.ddsConfig === null || Array.isArray(input.ddsConfig))
  ) {
    check.add('ddsConfig', 'type', 'ddsConfig must be an object');
  }
}

/** The spec's either/or, checked here since a caller's types cannot always say which one is given. */
function contactOf(email: string | undefined, phone: string | undefined) {
  if (email !== undefined) return { email, ...(phone !== undefined && { phone_number: phone }) };
  if (phone !== undefined) return { phone_number: phone };
  return undefined;
}
