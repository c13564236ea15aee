import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isSdkError } from '../../src/core/errors.js';
import {
  isKnownArgyleWebhookEvent,
  verifyArgyleWebhook,
  WebhookVerificationError,
  type ArgyleWebhookEvent,
} from '../../src/argyle/webhooks.js';

const SECRET = 'whsec-argyle-test-secret-7f3a';
// Argyle's own accounts.connected example, as a receiver gets it: with its spacing, which a re-serialization loses.
const BODY =
  '{\n  "event": "accounts.connected",\n  "name": "name-for-the-webhook-subscription",\n  "data": {\n' +
  '    "account": "0187c66e-e7e5-811c-b006-2232f00f426a",\n    "user": "018051aa-f7a9-a0db-2f38-6cfa325e9d69"\n  }\n}';
// Signed here by node:crypto, independently of the Web Crypto code under test.
const sign = (body: string | Buffer, secret = SECRET) => createHmac('sha512', secret).update(body).digest('hex');

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as WebhookVerificationError,
  );

describe('verifyArgyleWebhook', () => {
  it('accepts a body signed as Argyle signs it, and returns its event typed', async () => {
    const event = await verifyArgyleWebhook(BODY, sign(BODY), SECRET);
    expect(event).toEqual(JSON.parse(BODY));
    expectTypeOf(event).toEqualTypeOf<ArgyleWebhookEvent>();
    if (!isKnownArgyleWebhookEvent(event)) throw new Error('a known event');
    switch (event.event) {
      case 'accounts.connected':
        expectTypeOf(event.data.user).toEqualTypeOf<string>();
        expect(event.data.user).toBe('018051aa-f7a9-a0db-2f38-6cfa325e9d69');
        break;
      case 'accounts.failed':
        expectTypeOf(event.data.error_code).toEqualTypeOf<string | undefined>();
        break;
      default:
        throw new Error(`unexpected ${event.event}`);
    }
  });

  it('takes the body as bytes (Buffer, Uint8Array, ArrayBuffer) and the digest in either case', async () => {
    const bytes = Buffer.from(BODY);
    await expect(verifyArgyleWebhook(bytes, sign(bytes), SECRET)).resolves.toMatchObject({
      event: 'accounts.connected',
    });
    const view = new Uint8Array(bytes);
    await expect(verifyArgyleWebhook(view.buffer, sign(BODY).toUpperCase(), SECRET)).resolves.toBeTruthy();
    await expect(verifyArgyleWebhook(BODY, ` ${sign(BODY)}\n`, SECRET)).resolves.toBeTruthy();
  });

  it('signs the UTF-8 bytes: a body with non-ASCII text verifies as a string and as bytes', async () => {
    const body = JSON.stringify({ event: 'users.fully_synced', name: 'n', data: { user: 'u', employer: 'Café ’€' } });
    const signature = sign(Buffer.from(body, 'utf8'));
    await expect(verifyArgyleWebhook(body, signature, SECRET)).resolves.toMatchObject({ event: 'users.fully_synced' });
    await expect(verifyArgyleWebhook(Buffer.from(body), signature, SECRET)).resolves.toBeTruthy();
  });

  it('refuses a tampered body, a re-serialized one, another secret and a one-digit change', async () => {
    const signature = sign(BODY);
    const tampered = BODY.replace('018051aa', '018051ab');
    const reserialized = JSON.stringify(JSON.parse(BODY));
    const flipped = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
    for (const [body, sig, secret] of [
      [tampered, signature, SECRET],
      [reserialized, signature, SECRET],
      [BODY, signature, 'another-secret'],
      [BODY, flipped, SECRET],
    ]) {
      const error = await failure(verifyArgyleWebhook(body, sig, secret));
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect(error?.reason).toBe('signature_mismatch');
      expect(isSdkError(error)).toBe(true);
    }
  });

  it('names what is missing or malformed, before computing anything', async () => {
    const cases: [string | null | undefined, string, string][] = [
      [undefined, SECRET, 'missing_signature'],
      [null, SECRET, 'missing_signature'],
      ['', SECRET, 'missing_signature'],
      ['sha512=' + sign(BODY), SECRET, 'malformed_signature'],
      [sign(BODY).slice(0, 64), SECRET, 'malformed_signature'],
      ['zz' + sign(BODY).slice(2), SECRET, 'malformed_signature'],
      [sign(BODY), '', 'missing_secret'],
    ];
    for (const [header, secret, reason] of cases) {
      expect((await failure(verifyArgyleWebhook(BODY, header, secret)))?.reason).toBe(reason);
    }
  });

  it('refuses a correctly signed body that is not an event', async () => {
    for (const body of ['not json', '[]', '{"event":"accounts.added"}', '{"data":{}}']) {
      expect((await failure(verifyArgyleWebhook(body, sign(body), SECRET)))?.reason).toBe('invalid_payload');
    }
  });

  it('passes an event it does not type through, as Argyle sent it', async () => {
    const body = '{"event":"paystubs.added","name":"n","data":{"account":"a","user":"u","paystub":"p"}}';
    const event = await verifyArgyleWebhook(body, sign(body), SECRET);
    expect(event).toEqual(JSON.parse(body));
    expect(isKnownArgyleWebhookEvent(event)).toBe(false);
  });

  it('never quotes the secret or a digest in its message, JSON or inspect output', async () => {
    const signature = sign(BODY);
    for (const [header, secret] of [
      [signature, 'the-wrong-secret-value'],
      ['nothex-' + SECRET, SECRET],
    ]) {
      const error = await failure(verifyArgyleWebhook(BODY.replace('account', 'acc0unt'), header, secret));
      const shown = [error?.message, JSON.stringify(error), inspect(error), String(error)].join('\n');
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(SECRET);
      expect(shown).not.toContain(signature);
      expect(shown).not.toContain(sign(BODY.replace('account', 'acc0unt'), secret));
    }
  });
});
