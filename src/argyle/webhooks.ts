// Argyle's webhooks: each delivery carries `X-Argyle-Signature`, the hex HMAC-SHA512 of the raw body under the
// subscription's secret. Web Crypto only (no node:crypto, no Buffer), so the check runs on Node, Bun, Deno and
// Workers alike. Argyle sends no invite events: accounts.* and users.fully_synced carry `user`, the same id as
// an invite's `userId`, which is how an event is matched to its invite.
import { SdkError } from '../core/errors.js';

/** The header Argyle signs each delivery in (HTTP headers are case-insensitive). */
export const ARGYLE_SIGNATURE_HEADER = 'X-Argyle-Signature';

interface AccountData {
  /** the account's id */
  account: string;
  /** the user's id: an invite's `userId` */
  user: string;
  /** the whole account object, when the subscription's config has `include_resource: true` */
  resource?: Record<string, unknown>;
}

interface Webhook<E extends string, D> {
  event: E;
  /** the subscription's name */
  name: string;
  data: D;
}

/** A user submitted credentials through Link: an account was created, not yet connected. */
export type AccountsAddedEvent = Webhook<'accounts.added', AccountData>;
/** An account authenticated (or re-authenticated) through Link. */
export type AccountsConnectedEvent = Webhook<'accounts.connected', AccountData>;
/** An authentication through Link failed; `error_code` says why. */
export type AccountsFailedEvent = Webhook<
  'accounts.failed',
  AccountData & { error_code?: string; error_message?: string }
>;
/** Every account the user connected has had its data retrieved. */
export type UsersFullySyncedEvent = Webhook<
  'users.fully_synced',
  {
    user: string;
    resource?: {
      id: string;
      accounts_connected?: string[];
      items_connected?: string[];
      employers_connected?: string[];
      external_metadata?: Record<string, unknown>;
      external_id?: string | null;
      created_at?: string;
    };
  }
>;

/** The events this SDK types; `switch (event.event)` narrows each one's `data`. */
export type KnownArgyleWebhookEvent =
  AccountsAddedEvent | AccountsConnectedEvent | AccountsFailedEvent | UsersFullySyncedEvent;

/** Any other event Argyle sends (it has many more, and may add some): passed through as it came. */
export interface UnlistedArgyleWebhookEvent {
  event: string;
  name: string;
  data: Record<string, unknown>;
}

export type ArgyleWebhookEvent = KnownArgyleWebhookEvent | UnlistedArgyleWebhookEvent;

const KNOWN = ['accounts.added', 'accounts.connected', 'accounts.failed', 'users.fully_synced'];

/** Narrows a verified event to the ones this SDK types, so a `switch` on `event.event` narrows `data`. */
export function isKnownArgyleWebhookEvent(e: ArgyleWebhookEvent): e is KnownArgyleWebhookEvent {
  return KNOWN.includes(e.event);
}

export type WebhookVerificationReason =
  'missing_secret' | 'missing_signature' | 'malformed_signature' | 'signature_mismatch' | 'invalid_payload';

/** A delivery that cannot be trusted (or read). The message names the reason, never the secret or the digest. */
export class WebhookVerificationError extends SdkError {
  readonly reason: WebhookVerificationReason;
  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

const HEX_SHA512 = /^[0-9a-f]{128}$/i;

/**
 * Checks an Argyle webhook delivery and returns its event. `rawBody` must be the bytes as received: a body parsed
 * and serialized again no longer matches its signature. Throws `WebhookVerificationError` (a `reason` and a
 * message without the secret) on a missing or wrong signature, and on a signed body that is not an event.
 */
export async function verifyArgyleWebhook(
  rawBody: string | Uint8Array | ArrayBuffer,
  signatureHeader: string | null | undefined,
  secret: string,
): Promise<ArgyleWebhookEvent> {
  if (typeof secret !== 'string' || secret === '')
    throw new WebhookVerificationError('missing_secret', 'no webhook secret given: pass the subscription secret');
  if (signatureHeader === null || signatureHeader === undefined || signatureHeader.trim() === '')
    throw new WebhookVerificationError('missing_signature', `the delivery has no ${ARGYLE_SIGNATURE_HEADER} header`);
  const given = signatureHeader.trim();
  if (!HEX_SHA512.test(given)) {
    throw new WebhookVerificationError(
      'malformed_signature',
      `${ARGYLE_SIGNATURE_HEADER} is not a hex HMAC-SHA512 digest (128 hex digits, ${given.length} characters given)`,
    );
  }
  const body = bytesOf(rawBody);
  const expected = await hmacSha512(body, secret);
  if (!equalInConstantTime(hexToBytes(given), expected)) {
    throw new WebhookVerificationError(
      'signature_mismatch',
      `${ARGYLE_SIGNATURE_HEADER} does not match the body: a wrong secret, or a body changed (or parsed and ` +
        're-serialized) after Argyle signed it',
    );
  }
  return eventOf(new TextDecoder().decode(body));
}

function eventOf(text: string): ArgyleWebhookEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'the signed body is not JSON');
  }
  const p = payload as Partial<UnlistedArgyleWebhookEvent> | null;
  if (!p || typeof p !== 'object' || typeof p.event !== 'string' || typeof p.data !== 'object' || p.data === null)
    throw new WebhookVerificationError('invalid_payload', 'the signed body is not an event: no "event" and "data"');
  return p as ArgyleWebhookEvent;
}

function bytesOf(raw: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof raw === 'string') return new TextEncoder().encode(raw);
  if (raw instanceof Uint8Array) return raw;
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  throw new WebhookVerificationError(
    'invalid_payload',
    'rawBody must be the body as a string, Uint8Array or ArrayBuffer',
  );
}

async function hmacSha512(body: Uint8Array, secret: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-512' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, body as Uint8Array<ArrayBuffer>));
}

const hexToBytes = (hex: string) =>
  Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));

/** Every byte compared whatever the first difference, so the time taken says nothing of where it is. */
function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
