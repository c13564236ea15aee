// Every error body a mock answers, in its API's documented shape, whichever mode and whichever layer (socket,
// control endpoint, auth, validation) produced it: a partner's error handling meets what production sends.

export interface ApiErrors {
  /** the API's fixed bodies for 401, 403, 404, 429 and 5xx */
  fixed(status: number): unknown;
  /** per-field problems (`field` -> messages); `ROOT` holds those about the request as a whole */
  fields(problems: Record<string, string[]>): unknown;
  /** one problem with the request (a malformed Host, a body over the limit) or with one field of it */
  invalid(message: string, field?: string): unknown;
}

/** The key both mocks use for a problem no single field owns; each API names it its own way. */
export const ROOT = '\u0000root';

const rename = (problems: Record<string, string[]>, root: string) =>
  Object.fromEntries(Object.entries(problems).map(([k, v]) => [k === ROOT ? root : k, v]));

// Partoo (marshmallow behind Flask): `{"errors": {"json": {...}}}`, `_schema` for the body as a whole.
const PARTOO_FIXED: Record<number, unknown> = {
  401: { errors: { authentication: 'User not authenticated' } },
  403: { errors: { authorization: 'Operation not allowed' } },
  404: { errors: { json: 'Resource not found' } },
  405: { errors: { json: 'Method not allowed' } },
  429: { errors: { json: 'Too many requests' } },
};

export const partooErrors: ApiErrors = {
  fixed: (status) => PARTOO_FIXED[status] ?? { errors: { json: 'Internal server error' } },
  fields: (problems) => ({ errors: { json: rename(problems, '_schema') } }),
  invalid: (message, field = ROOT) => partooErrors.fields({ [field]: [message] }),
};

// Argyle (Django REST framework): `{"detail": "..."}`, or field -> messages with `non_field_errors`.
const ARGYLE_FIXED: Record<number, unknown> = {
  401: { detail: 'Invalid username/password.' },
  403: { detail: 'You do not have permission to perform this action.' },
  404: { detail: 'Not found.' },
  405: { detail: 'Method not allowed.' },
  429: { detail: 'Request was throttled.' },
};

export const argyleErrors: ApiErrors = {
  fixed: (status) => ARGYLE_FIXED[status] ?? { detail: 'Internal server error.' },
  fields: (problems) => rename(problems, 'non_field_errors'),
  invalid: (message, field) => (field ? { [field]: [message] } : { detail: message }),
};

/** `invitation_status` without `invitation_id`: the spec leaves it optional; both modes answer this 400. */
export const MISSING_INVITATION_ID = partooErrors.invalid('Missing data for required field.', 'invitation_id');

/**
 * Partoo's words for its own rules, one wording each in both modes (the static mode's examples in
 * openapi/mock/partoo.yaml carry the same text; a test holds them together). Partoo documents none of them: a
 * client must never match on them, only on the status and the field.
 */
export const PARTOO_RULES = {
  recentlyInvited: 'An invitation was already sent to this number less than 10 days ago',
  link: '@link must be included',
  url: '${url} must be present',
  contentWithTemplate: 'Cannot be used in combination with template_id',
  phone: 'Not a valid phone number: + and digits only (E.164).',
};

/** The 400 of Partoo's 10-day rule. */
export const RECENTLY_INVITED = partooErrors.invalid(PARTOO_RULES.recentlyInvited, 'target_phone');

/** Re-sending a revoked invite (Argyle documents no answer): both modes answer this 400. */
export const REVOKED_RESEND = argyleErrors.invalid('A revoked invite cannot be re-sent.');
