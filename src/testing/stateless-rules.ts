// Partoo's and Argyle's rules that need no memory, checked after the spec's own: both modes apply them at the same
// step with the same words, so a request the stateful mock refuses is refused by the static one too.
import { argyleErrors, MISSING_INVITATION_ID, partooErrors, PARTOO_RULES } from './api-errors.js';
import type { SpecName } from './specs.js';
import { json } from './stateful/respond.js';

/** One request after routing, credentials and the spec's validation. */
export interface CheckedCall {
  /** the operationId */
  operation: string;
  url: URL;
  body: unknown;
}

/**
 * `+` and digits only. Partoo's search matches numbers as exact strings, so a mock that took "06 01 02 03 04" and
 * "+33601020304" as two phones would hide the double SMS a partner needs to see; the SDK sends E.164.
 */
export const E164_SYNTAX = /^\+\d{6,15}$/;

const partoo400 = (field: string, message: string) => json(400, partooErrors.invalid(message, field));

function sendRule(b: Record<string, unknown>): Response | undefined {
  if (typeof b.invite_content === 'string' && !b.invite_content.includes('@link'))
    return partoo400('invite_content', PARTOO_RULES.link);
  if (b.invite_content !== undefined && b.template_id !== undefined)
    return partoo400('invite_content', PARTOO_RULES.contentWithTemplate);
  if (typeof b.target_phone === 'string' && !E164_SYNTAX.test(b.target_phone))
    return partoo400('target_phone', PARTOO_RULES.phone);
  return undefined;
}

function partooRule({ operation, url, body }: CheckedCall): Response | undefined {
  const b = (body ?? {}) as Record<string, unknown>;
  if (operation === 'sendReviewInvitation') return sendRule(b);
  if (operation === 'checkDuplicatedReviewInvitation') {
    const phone = url.searchParams.get('target_phone');
    if (phone !== null && !E164_SYNTAX.test(phone)) return partoo400('target_phone', PARTOO_RULES.phone);
  }
  if (operation === 'updateReviewBoosterTemplate' && typeof b.text === 'string' && !b.text.includes('${url}'))
    return partoo400('text', PARTOO_RULES.url);
  if (operation === 'getReviewInvitationStatus' && !url.searchParams.has('invitation_id'))
    return json(400, MISSING_INVITATION_ID);
  return undefined;
}

/** Each mode's own cursors (opaque to partners): one that mode never gave out is refused alike. */
export type CursorCheck = (cursor: string) => boolean;

export const INVALID_CURSOR = argyleErrors.invalid('Invalid cursor.', 'cursor');

export function statelessRule(api: SpecName, call: CheckedCall, cursorValid?: CursorCheck): Response | undefined {
  if (api === 'partoo') return partooRule(call);
  const cursor = call.url.searchParams.get('cursor');
  if (call.operation === 'listInvites' && cursor !== null && cursorValid && !cursorValid(cursor))
    return json(400, INVALID_CURSOR);
  return undefined;
}
