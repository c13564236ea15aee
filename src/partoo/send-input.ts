// The rules a send's input must pass before anything is requested, every problem reported at once: known fields,
// a phone in E.164, and Partoo's content rules (286 characters, `@link`, ASCII only).
import { Checker } from '../core/validate.js';
import type { PhoneNormalizer } from './reads.js';

const SEND_FIELDS = ['businessId', 'targetPhone', 'targetName', 'inviteContent', 'force', 'stripNonAscii'] as const;
const MAX_CONTENT = 286;

export interface SendInvitationInput {
  businessId: string;
  /** E.164 (`+33601020304`), or national (`0601020304`) with the client's defaultCountry */
  targetPhone: string;
  targetName?: string;
  /** at most 286 characters, must contain `@link`, ASCII only */
  inviteContent?: string;
  /** send even if this number was invited within the window */
  force?: boolean;
  /** drop non-ASCII characters from inviteContent instead of rejecting them */
  stripNonAscii?: boolean;
}

export interface PreparedSend {
  phone: string;
  content: string | undefined;
  force: boolean;
  /** the guard's key for (business, number) */
  key: string;
}

export async function prepareSend(input: SendInvitationInput, normalizePhone: PhoneNormalizer): Promise<PreparedSend> {
  const check = new Checker();
  if (!check.object(input, 'input')) check.throwIfAny();
  check.knownKeys(input, SEND_FIELDS);
  check.requiredString(input.businessId, 'businessId');
  const phone = await normalizePhone(check, input.targetPhone);
  check.optionalString(input.targetName, 'targetName', 255);
  check.optionalBoolean(input.force, 'force');
  check.optionalBoolean(input.stripNonAscii, 'stripNonAscii');
  const content = inviteContent(check, input.inviteContent, input.stripNonAscii === true);
  check.throwIfAny();
  // Printable, since a shared store uses it in its own keys.
  return {
    phone: phone!,
    content,
    force: input.force === true,
    key: `${encodeURIComponent(input.businessId)}:${phone}`,
  };
}

function inviteContent(check: Checker, value: unknown, stripNonAscii: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    check.add('inviteContent', 'type', `inviteContent must be a string, not ${typeof value}`);
    return undefined;
  }
  // Partoo silently drops non-ASCII characters; a silently mangled SMS is worse than an error.
  const nonAscii = [...new Set([...value].filter((c) => c.charCodeAt(0) > 0x7f))];
  let text = value;
  if (nonAscii.length && !stripNonAscii) {
    const listed = nonAscii.map((c) => JSON.stringify(c)).join(', ');
    check.add(
      'inviteContent',
      'ascii',
      `inviteContent has non-ASCII characters Partoo would remove: ${listed} (pass stripNonAscii: true to drop them)`,
    );
  } else if (nonAscii.length) {
    text = [...value].filter((c) => c.charCodeAt(0) <= 0x7f).join('');
  }
  if (text.length > MAX_CONTENT)
    check.add(
      'inviteContent',
      'maxLength',
      `inviteContent must be at most ${MAX_CONTENT} characters (got ${text.length})`,
    );
  if (!text.includes('@link'))
    check.add('inviteContent', 'link', 'inviteContent must contain @link (where Partoo puts the review link)');
  return text;
}
