// What the Argyle client checks before a request, every problem at once, and the wire forms it builds.
import type { components, operations } from '../generated/argyle.js';
import { Checker } from '../core/validate.js';
import type { InviteStatus } from './invite.js';

export type InviteCreate = components['schemas']['InviteCreate'];
type WireTemplate = components['schemas']['OverrideInviteTemplate'];

/** `body_text_icon_1` -> `bodyTextIcon1`: the wrapper's camelCase, derived from the spec's names. */
type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type Camelized<T> = {
  [K in keyof T as Camel<K & string>]?: NonNullable<T[K]> extends unknown[]
    ? T[K]
    : NonNullable<T[K]> extends object
      ? Camelized<NonNullable<T[K]>>
      : T[K];
};

/**
 * Argyle's `override_invite_template`, camelCase: the text and branding of this one invite, and `email.replyTo`,
 * the addresses Argyle emails once the user has connected an account (what `invites.list({ replyTo })` finds).
 * Argyle marks the field deprecated, yet documents no other way to set an invite's reply-to addresses.
 */
export type OverrideInviteTemplate = Camelized<WireTemplate>;
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
  /** sent as `override_invite_template`; its most common use is `{ email: { replyTo: ['team@example.com'] } }` */
  overrideInviteTemplate?: OverrideInviteTemplate;
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
  'overrideInviteTemplate',
] as const;

// The wire names of each part of override_invite_template; the input takes them camelCase. A name the spec drops
// fails to compile here.
type Part = 'brand' | 'email' | 'landing_page' | 'success_page';
const wireKeys = <P extends Part>(keys: (keyof NonNullable<WireTemplate[P]>)[]) => keys as string[];
const TEMPLATE_PARTS: Record<Part, string[]> = {
  brand: wireKeys<'brand'>(['color', 'logo']),
  email: wireKeys<'email'>([
    'reply_to',
    'subject',
    'sender',
    'header',
    'subheader',
    ...([1, 2, 3] as const).flatMap(
      (n) => [`body_text_icon_${n}`, `body_text_header_${n}`, `body_text_subheader_${n}`] as const,
    ),
  ]),
  landing_page: wireKeys<'landing_page'>(['header', 'subheader', 'step_1', 'step_2', 'step_3']),
  success_page: wireKeys<'success_page'>(['header', 'subheader', 'button_text', 'button_url']),
};
const TEMPLATE_STRINGS = ['sms_text', 'flow_id'] satisfies (keyof WireTemplate)[];
const camel = (wire: string) => wire.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
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
  const template =
    input.overrideInviteTemplate === undefined ? undefined : templateBody(check, input.overrideInviteTemplate);
  check.throwIfAny();
  return {
    first_name: input.firstName,
    last_name: input.lastName,
    ...contact!,
    ...(input.externalId !== undefined && { external_id: input.externalId }),
    ...(input.flowId !== undefined && { flow_id: input.flowId }),
    ...(input.flowItems !== undefined && { flow_items: input.flowItems }),
    ...(input.ddsConfig !== undefined && { dds_config: input.ddsConfig }),
    ...(template !== undefined && { override_invite_template: template }),
  };
}

/** override_invite_template in its wire names; an unknown or mistyped part is an issue naming its path. */
function templateBody(check: Checker, input: unknown): WireTemplate | undefined {
  const at = 'overrideInviteTemplate';
  if (!check.object(input, at)) return undefined;
  const out: Record<string, unknown> = {};
  const parts = Object.keys(TEMPLATE_PARTS) as Part[];
  const accepted = [...parts, ...TEMPLATE_STRINGS].map(camel);
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const wire = [...parts, ...TEMPLATE_STRINGS].find((w) => camel(w) === key);
    if (wire === undefined)
      check.add(`${at}.${key}`, 'unknown', `${at}.${key} is not an accepted field (accepted: ${accepted.join(', ')})`);
    else if (value === undefined) continue;
    else if ((TEMPLATE_STRINGS as string[]).includes(wire)) {
      if (check.optionalString(value, `${at}.${key}`)) out[wire] = value;
    } else out[wire] = templatePart(check, `${at}.${key}`, TEMPLATE_PARTS[wire as Part], value);
  }
  return out as WireTemplate;
}

function templatePart(check: Checker, at: string, wireKeys: string[], input: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!check.object(input, at)) return out;
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const wire = wireKeys.find((w) => camel(w) === key);
    const field = `${at}.${key}`;
    if (wire === undefined)
      check.add(field, 'unknown', `${field} is not an accepted field (accepted: ${wireKeys.map(camel).join(', ')})`);
    else if (value === undefined) continue;
    else if (wire === 'reply_to') {
      if (!Array.isArray(value) || value.length === 0)
        check.add(field, 'type', `${field} must be a non-empty array of email addresses`);
      else {
        const bad = value.filter((v) => typeof v !== 'string' || !EMAIL.test(v));
        if (bad.length)
          check.add(
            field,
            'email',
            `${field} must hold email addresses only, not ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
          );
        else out[wire] = value;
      }
    } else if (check.optionalString(value, field)) out[wire] = value;
  }
  return out;
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
