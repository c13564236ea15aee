// The mock's Argyle webhooks: an accounts.* or users.fully_synced event for an invite's user, signed as Argyle
// signs (hex HMAC-SHA512 of the exact body in X-Argyle-Signature) and POSTed to the URL a test gives, so the whole
// flow (invite, complete, webhook, verifyArgyleWebhook) runs offline.
import type { WireInvite } from './argyle-lifecycle.js';

export const MOCK_WEBHOOK_EVENTS = ['accounts.added', 'accounts.connected', 'accounts.failed', 'users.fully_synced'];

/** One webhook for {@link ArgyleState.sendWebhook}: what to send, about which invite, and where. */
export interface SendWebhookOptions {
  /** where to POST it: the test's own receiver */
  url: string;
  /** the subscription's secret the receiver verifies with */
  secret: string;
  /** accounts.added, accounts.connected, accounts.failed or users.fully_synced */
  event: string;
  /** the invite whose user the event is about */
  inviteId: string;
  /** the subscription's name, carried as `name` (default "mock-subscription") */
  name?: string;
}

/** What the mock POSTed and what the receiver answered; it is sent once, never retried. */
export interface SentWebhook {
  /** the receiver's HTTP status */
  status: number;
  /** the exact body that was signed and sent */
  body: string;
  /** the X-Argyle-Signature header sent: hex HMAC-SHA512 of `body` with the secret */
  signature: string;
}

export function webhookPayload(inv: WireInvite, event: string, name: string, account: string, at: Date) {
  if (event === 'users.fully_synced') {
    const resource = {
      id: inv.user,
      accounts_connected: [account],
      items_connected: ['item_000000001'],
      employers_connected: ['Mock Employer'],
      external_metadata: {},
      external_id: null,
      created_at: at.toISOString(),
    };
    return { event, name, data: { user: inv.user, resource } };
  }
  const failed = event === 'accounts.failed' && {
    error_code: 'invalid_credentials',
    error_message: 'The login credentials the user entered are wrong.',
  };
  return { event, name, data: { account, user: inv.user, ...failed } };
}

export async function signWebhook(body: string, secret: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-512' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(body)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Signs and POSTs one event; the receiver's answer is returned, never retried. */
export async function deliverWebhook(payload: unknown, options: SendWebhookOptions): Promise<SentWebhook> {
  // Spaced as Argyle's examples are: a receiver that parses and re-serializes before verifying fails, as it would.
  const body = JSON.stringify(payload, null, 2);
  const signature = await signWebhook(body, options.secret);
  const response = await fetch(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-argyle-signature': signature },
    body,
  });
  await response.arrayBuffer();
  return { status: response.status, body, signature };
}
