// Redaction as a user relies on it: what a client's errors may quote of its credentials, whichever other clients
// come and go in the same process, and what text counts as a credential at all.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createPartooClient, type ApiError } from '../../src/index.js';
// The registry's own test seam: only to know that the collector has run, never to decide what is redacted.
import { basicToken, isRegistered } from '../../src/core/redact.js';
// Directly: a value that refers to itself comes from code (a log field), never from a server's JSON.
import { redactValue } from '../../src/core/redact.js';
import { leakedSecrets } from '../support/secrets.js';
import { asRequest, urlOf } from '../support/request.js';

const BASE = 'https://partoo.test/v2';
const unique = (prefix: string) => `${prefix}_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;

/** A client whose server answers every request with a 401 quoting `echo(request)`, no retries. */
const echoingClient = (apiKey: string, echo: (req: Request) => string) =>
  createPartooClient({
    apiKey,
    baseUrl: BASE,
    maxRetries: 0,
    rateLimit: false,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
      new Response(JSON.stringify({ errors: { json: echo(asRequest(input, init)) } }), {
        status: 401,
      })) as typeof fetch,
  });

const statusError = (client: ReturnType<typeof createPartooClient>) =>
  client.reviewBooster.getInvitationStatus('inv-1').then(
    () => {
      throw new Error('expected the 401 to be thrown');
    },
    (e: ApiError) => e,
  );

describe('two clients sharing a key', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;

  /** Collects until `done()` holds, at most `rounds` times: a FinalizationRegistry runs its callbacks after a GC. */
  async function collectUntil(done: () => boolean, rounds = 50) {
    for (let i = 0; i < rounds && !done(); i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
    return done();
  }

  it("one is collected, the other's errors still hide the key", async () => {
    const shared = unique('pk_shared');
    const witness = unique('pk_witness');
    const survivor = echoingClient(shared, (req) => `unknown key ${req.headers.get('x-apikey')}`);
    // The second holder of the key and a witness with a key of its own are dropped at once: once the witness's key
    // has left the registry, the collector has run for the dropped holder too.
    (() => {
      void echoingClient(shared, () => '');
      void echoingClient(witness, () => '');
    })();
    expect(isRegistered(witness)).toBe(true);
    expect(await collectUntil(() => !isRegistered(witness))).toBe(true);
    // A few more rounds: the dropped holder's callback may be queued just behind the witness's.
    await collectUntil(() => false, 3);

    const error = await statusError(survivor);
    expect(error.status).toBe(401);
    expect(error.message).toContain('unknown key [redacted]');
    expect(leakedSecrets(error, [shared])).toEqual([]);
  });
});

describe('what counts as a credential in error text', () => {
  it('Basic and Bearer tokens are redacted even when no client registered them', async () => {
    const bearer = 'eyJhbGciOiJIUzI1NiJ9.payload.sig';
    const basic = 'dXNlcjpwYXNzd29yZA==';
    const client = echoingClient(
      unique('pk_tokens'),
      () => `proxy saw Authorization: Bearer ${bearer}, Basic ${basic}`,
    );
    const error = await statusError(client);
    expect(error.message).toContain('Authorization: Bearer [redacted], Basic [redacted]');
    expect(leakedSecrets(error, [bearer, basic])).toEqual([]);
  });

  it('a token is redacted whole, whatever base64 or JWT characters it holds and however it is spaced', async () => {
    // Every character a base64, base64url or JWT token can hold; exactly 8 of them is already a token.
    const client = echoingClient(unique('pk_chars'), () => 'Bearer  aZ09+/._-aZ09== and Basic\tabcdefgh');
    const error = await statusError(client);
    expect(error.message).toMatch(/\{"json":"Bearer \[redacted\] and Basic \[redacted\]"\}$/);
  });

  it('leaves ordinary words after "Bearer" or "Basic" alone: only a token-length run is one', async () => {
    const client = echoingClient(unique('pk_prose'), () => 'send a Bearer token or Basic auth');
    const error = await statusError(client);
    expect(error.message).toContain('send a Bearer token or Basic auth');
  });

  it('a key under 6 characters is not scrubbed out of ordinary text (it would shred every message)', async () => {
    // Such a key is refused by Partoo anyway; what matters is that the error stays readable.
    const client = echoingClient('abc12', () => 'the abc12 key is too short for abc12-style redaction');
    const error = await statusError(client);
    expect(error.message).toContain('the abc12 key is too short for abc12-style redaction');
  });

  it('a key of exactly 6 characters is a secret like any other', async () => {
    const client = echoingClient('k6k6k6', (req) => `key ${req.headers.get('x-apikey')} refused`);
    const error = await statusError(client);
    expect(error.message).toContain('key [redacted] refused');
  });
});

/** The ApiError of a status read whose server answers 400 with `body`, through a client of its own key. */
const bodyError = (body: unknown, keyPrefix: string) =>
  statusError(
    createPartooClient({
      apiKey: unique(keyPrefix),
      baseUrl: BASE,
      maxRetries: 0,
      rateLimit: false,
      fetch: (async () => new Response(JSON.stringify(body), { status: 400 })) as typeof fetch,
    }),
  );

describe('secrets in a response body', () => {
  it('a secret-named field is removed wherever it sits (arrays too), and its value scrubbed elsewhere', async () => {
    const token = 'ut_live_0123456789';
    const body = { errors: [{ user_token: token, detail: `token ${token} expired`, Authorization: null }] };
    const error = await bodyError(body, 'pk_body');
    expect(error.body).toEqual({
      errors: [{ user_token: '[redacted]', detail: 'token [redacted] expired', Authorization: null }],
    });
    expect(leakedSecrets(error, [token])).toEqual([]);
  });

  it('a short value in a secret-named field is removed, but not scrubbed from the rest of the text', async () => {
    const body = { api_key: 'abc', detail: 'abc is not a key' };
    const error = await bodyError(body, 'pk_short');
    expect(error.body).toEqual({ api_key: '[redacted]', detail: 'abc is not a key' });
  });

  it('a value of exactly 6 characters in a secret-named field is scrubbed from the rest of the body too', async () => {
    const body = { password: 'k3y456', detail: 'k3y456 is wrong' };
    const error = await bodyError(body, 'pk_six');
    expect(error.body).toEqual({ password: '[redacted]', detail: '[redacted] is wrong' });
  });

  it('a value that refers to itself (a log field, say) is redacted, and the redaction ends', () => {
    const token = 'ut_self_0123456789';
    const field: Record<string, unknown> = { user_token: token, detail: `${token} expired` };
    field.self = field;
    const clean = redactValue(field) as Record<string, unknown>;
    expect(clean.user_token).toBe('[redacted]');
    expect(clean.detail).toBe('[redacted] expired');
    expect(JSON.stringify(clean)).not.toContain(token);
  });

  it('a body nested deeper than is kept: nothing below that depth stays, its secrets scrubbed above', async () => {
    const nest = (levels: number, inner: unknown): unknown => (levels === 0 ? inner : { d: nest(levels - 1, inner) });
    const password = 'pw-not-registered-4242';
    const buried = 'pw-buried-deep-7777';
    const body = {
      detail: `${buried} was refused`,
      shallow: nest(19, { password }),
      deep: nest(24, { password, note: 'kept?', user_token: buried }),
    };
    const error = await bodyError(body, 'pk_deep');
    expect(leakedSecrets(error, [password, buried])).toEqual([]);
    // A value of a secret-named field dropped with its depth is still scrubbed where the body quotes it higher up.
    expect((error.body as { detail: string }).detail).toBe('[redacted] was refused');
    // Within the depth read, a secret-named field is redacted as anywhere else, and its neighbours stay.
    expect(JSON.stringify(error.body)).toContain('{"password":"[redacted]"}');
    const at = (value: unknown, levels: number): unknown =>
      levels === 0 ? value : at((value as { d: unknown }).d, levels - 1);
    const deep = (error.body as { deep: unknown }).deep;
    expect(at(deep, 20)).toBe('[redacted]');
    expect(at(deep, 19)).toEqual({ d: '[redacted]' });
  });
});

describe("Argyle's Basic token", () => {
  it('is the base64 of the UTF-8 bytes of id:secret, as Buffer gives it, for any secret', () => {
    for (const [id, secret] of [
      ['id', 'secret'],
      ['clé', 'sécret-ü-✓'],
    ]) {
      expect(basicToken(id, secret)).toBe(Buffer.from(`${id}:${secret}`, 'utf8').toString('base64'));
    }
  });
});

describe('credentials stay on the configured origin', () => {
  const recording = () => {
    const seen: string[] = [];
    const client = createPartooClient({
      apiKey: unique('pk_origin'),
      baseUrl: BASE,
      maxRetries: 0,
      rateLimit: false,
      fetch: (async (input: RequestInfo | URL) => {
        seen.push(urlOf(input));
        return new Response('{"status":"DELIVERED"}', { status: 200 });
      }) as typeof fetch,
    });
    return { client, seen };
  };
  const query = { invitation_id: 'inv-1' };

  it('the transport itself refuses a request to another origin, whatever built it', async () => {
    const { client, seen } = recording();
    // A per-request baseUrl bypasses the paginator's own check: only the transport stands in the way.
    for (const baseUrl of ['https://evil.example/v2', 'https://partoo.test.evil.example/v2', 'http://partoo.test/v2']) {
      const call = client.api.GET('/review_booster/invitation_status', { baseUrl, params: { query } });
      await expect(call).rejects.toMatchObject({
        name: 'ConfigurationError',
        message:
          `Refusing to send credentials to ${new URL(baseUrl).origin}: ` +
          'the client is configured for https://partoo.test',
      });
    }
    expect(seen).toEqual([]);
  });

  it('any path on the configured origin is fine', async () => {
    const { client, seen } = recording();
    const { data } = await client.api.GET('/review_booster/invitation_status', {
      baseUrl: 'https://partoo.test/other',
      params: { query },
    });
    expect(data).toEqual({ status: 'DELIVERED' });
    expect(seen).toEqual(['https://partoo.test/other/review_booster/invitation_status?invitation_id=inv-1']);
  });
});
