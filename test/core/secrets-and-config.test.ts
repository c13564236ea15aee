import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConfigurationError,
  createArgyleClient,
  createPartooClient,
  isSdkError,
  SdkError,
} from '../../src/index.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { basicToken, isRegistered } from '../../src/core/redact.js';
import { BIZ, harness } from '../support/harness.js';
import { serializations } from '../support/secrets.js';
import { asRequest, urlOf } from '../support/request.js';

const PARTOO_KEY = 'pk_live_9f8e7d6c5b4a3210';
const ARGYLE_ID = 'argyle-id-7a6b5c4d';
const ARGYLE_SECRET = 'argyle-secret-1q2w3e4r5t';
const USER_TOKEN = 'ut_eyJhbGciOiJIUzI1NiJ9.secret-user-token';
const SECRETS = [PARTOO_KEY, ARGYLE_ID, ARGYLE_SECRET, basicToken(ARGYLE_ID, ARGYLE_SECRET), USER_TOKEN];

describe('no secret in any error', () => {
  it('holds across auth failures, echoing servers, connection errors and other-origin refusals', async () => {
    const errors: unknown[] = [];
    const catchInto = (p: Promise<unknown>) =>
      p.then(
        () => errors.push(new Error('expected a failure')),
        (e) => errors.push(e),
      );
    const h = await harness({
      partoo: { apiKey: PARTOO_KEY },
      argyle: { apiKeyId: ARGYLE_ID, apiKeySecret: ARGYLE_SECRET },
    });

    // The mock accepts other credentials: 401s.
    await catchInto(h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020304' }));
    await catchInto(h.argyle.invites.list().toArray());
    // A server that echoes the request's credentials and a user_token back in its error body.
    h.setFault(
      async (req) =>
        new Response(
          JSON.stringify({
            errors: { json: `bad key ${req.headers.get('x-apikey')} / ${req.headers.get('authorization')}` },
            user_token: USER_TOKEN,
            detail: `token ${USER_TOKEN}`,
          }),
          { status: 400 },
        ),
    );
    await catchInto(h.partoo.reviewBooster.getInvitationStatus('x'));
    await catchInto(h.argyle.invites.get('6f1c2a9e-0000-4c3b-9d2e-000000000001'));
    // A connection error whose cause quotes the credentials.
    h.setFault(async (req) => {
      throw Object.assign(
        new TypeError(`fetch failed for ${req.headers.get('authorization') ?? req.headers.get('x-apikey')}`),
        { cause: { code: 'ECONNRESET', message: PARTOO_KEY } },
      );
    });
    await catchInto(h.partoo.reviewBooster.getInvitationStatus('x'));
    await catchInto(h.argyle.invites.send({ firstName: 'A', lastName: 'B', email: 'a@example.com' }));
    // A next URL on another origin.
    h.setFault(
      async () =>
        new Response(
          JSON.stringify({
            next: `https://evil.example/v2/invites?cursor=${ARGYLE_SECRET}`,
            previous: null,
            results: [],
          }),
          { status: 200 },
        ),
    );
    await catchInto(h.argyle.invites.list().toArray());

    expect(errors).toHaveLength(7);
    expect(errors.every(isSdkError)).toBe(true);
    expect(errors[0]).toBeInstanceOf(AuthenticationError);
    for (const text of errors.flatMap(serializations)) for (const secret of SECRETS) expect(text).not.toContain(secret);
    // Redaction keeps the rest of the message useful.
    expect((errors[2] as ApiError).message).toContain('bad key [redacted]');
    expect((errors[2] as ApiError).body).toMatchObject({ user_token: '[redacted]' });
  });

  it('the JSON of an ApiError carries status, operation and body', async () => {
    const h = await harness();
    h.setFault(async () => new Response('{"errors":{"json":"Resource not found"}}', { status: 404 }));
    const error = await h.partoo.reviewBooster.getInvitationStatus('x').catch((e) => e);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'NotFoundError',
      status: 404,
      operation: 'getReviewInvitationStatus',
      body: { errors: { json: 'Resource not found' } },
    });
    expect(error.message).toBe('getReviewInvitationStatus: HTTP 404: {"json":"Resource not found"}');
  });
});

describe('the secret registry follows the clients that hold the secrets', () => {
  // Real collections, so the test sees what a long-running multi-tenant process would.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const collect = async () => {
    for (let i = 0; i < 10; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it(
    "forgets a client's keys once the client is collected " + '(a client per tenant does not grow the process)',
    async () => {
      const key = `pk_tenant_${Math.random().toString(36).slice(2)}`;
      const other = `pk_kept_${Math.random().toString(36).slice(2)}`;
      const kept = createPartooClient({ apiKey: other });
      (() => void createPartooClient({ apiKey: key }))();
      (() => void createArgyleClient({ apiKeyId: `${key}-id`, apiKeySecret: `${key}-secret` }))();
      expect(
        isRegistered(key) && isRegistered(`${key}-secret`) && isRegistered(basicToken(`${key}-id`, `${key}-secret`)),
      ).toBe(true);
      await collect();
      expect([
        isRegistered(key),
        isRegistered(`${key}-id`),
        isRegistered(`${key}-secret`),
        isRegistered(basicToken(`${key}-id`, `${key}-secret`)),
      ]).toEqual([false, false, false, false]);
      expect(isRegistered(other)).toBe(true);
      expect(kept.api).toBeDefined();
    },
  );

  it('keeps a key registered while a call runs, even when nobody holds the client any more', async () => {
    const key = `pk_inflight_${Math.random().toString(36).slice(2)}`;
    // The server answers after the process collected everything it could, echoing the key.
    const echoing = async (input: RequestInfo | URL, init?: RequestInit) => {
      const echoed = asRequest(input, init).headers.get('x-apikey');
      await collect();
      return new Response(JSON.stringify({ errors: { json: `unknown key ${echoed}` } }), { status: 401 });
    };
    const error = await createPartooClient({
      apiKey: key,
      baseUrl: 'https://partoo.test/v2',
      fetch: echoing as typeof fetch,
      maxRetries: 0,
    })
      .reviewBooster.getInvitationStatus('x')
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain('unknown key [redacted]');
    for (const text of serializations(error)) expect(text).not.toContain(key);
  });
});

describe('configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('names the environment variable to set when a key is missing', () => {
    delete process.env.PARTOO_API_KEY;
    delete process.env.ARGYLE_API_KEY_ID;
    delete process.env.ARGYLE_API_KEY_SECRET;
    expect(() => createPartooClient()).toThrow(/set the PARTOO_API_KEY environment variable/);
    expect(() => createArgyleClient({ apiKeySecret: 's' })).toThrow(/ARGYLE_API_KEY_ID/);
    expect(() => createArgyleClient({ apiKeyId: 'i' })).toThrow(/ARGYLE_API_KEY_SECRET/);
    expect(() => createPartooClient()).toThrow(ConfigurationError);
  });

  it('reads keys from the environment', async () => {
    process.env.PARTOO_API_KEY = 'from-env-key';
    const seen: string[] = [];
    const client = createPartooClient({
      baseUrl: 'https://p.test',
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => (
        seen.push(asRequest(input, init).headers.get('x-apikey')!),
        new Response('{"status":"SENT"}')
      )) as typeof fetch,
    });
    await client.reviewBooster.getInvitationStatus('x');
    expect(seen).toEqual(['from-env-key']);
  });

  it('rejects bad options at construction', () => {
    expect(() => createPartooClient({ apiKey: 'k', environment: 'staging' as never })).toThrow(
      /environment must be "production" or "sandbox"/,
    );
    expect(() => createPartooClient({ apiKey: 'k', baseUrl: 'not a url' })).toThrow(
      /baseUrl must be an absolute http\(s\) URL/,
    );
    expect(() => createPartooClient({ apiKey: 'k', timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createPartooClient({ apiKey: 'k', maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => createPartooClient({ apiKey: 'k', defaultCountry: 'france' })).toThrow(/defaultCountry/);
    expect(() => createPartooClient({ apiKey: 'k', guard: { windowDays: 0 } })).toThrow(/windowDays/);
  });

  it('takes a baseUrl written as fetch would not (upper-case host, default port) for the same server', async () => {
    const urls: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => (
      urls.push(urlOf(input)),
      new Response('{"invitation_id":"a","status":"SENT"}')
    )) as typeof globalThis.fetch;
    for (const baseUrl of ['https://Partoo.TEST:443/v2/', 'https://partoo.test/v2']) {
      const client = createPartooClient({ apiKey: 'k', fetch, baseUrl, rateLimit: false });
      await client.reviewBooster.getInvitationStatus('a');
      await client.api.GET('/review_booster/invitation_status', { params: { query: { invitation_id: 'a' } } });
    }
    expect(new Set(urls)).toEqual(new Set(['https://partoo.test/v2/review_booster/invitation_status?invitation_id=a']));
    expect(urls).toHaveLength(4);
  });

  it('refuses a baseUrl with credentials, a query or a fragment, without quoting the credentials', () => {
    const withPassword = 'https://user:pw-secret-123@partoo.test/v2';
    const error = (() => {
      try {
        createPartooClient({ apiKey: 'k', baseUrl: withPassword });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toMatch(/baseUrl must not carry credentials/);
    expect(error?.message).not.toContain('pw-secret-123');
    expect(() => createArgyleClient({ apiKeyId: 'i', apiKeySecret: 's', baseUrl: 'https://a.test/v2?x=1' })).toThrow(
      /baseUrl must not have a query or a fragment/,
    );
    expect(() => createPartooClient({ apiKey: 'k', baseUrl: 'https://p.test/v2#top' })).toThrow(/query or a fragment/);
  });

  it('targets production by default and the sandbox on request', async () => {
    const urls: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => (
      urls.push(urlOf(input)),
      new Response('{"status":"SENT"}')
    )) as typeof globalThis.fetch;
    await createPartooClient({ apiKey: 'k', fetch }).reviewBooster.getInvitationStatus('a');
    await createPartooClient({ apiKey: 'k', fetch, environment: 'sandbox' }).reviewBooster.getInvitationStatus('a');
    expect(urls).toEqual([
      'https://api.partoo.co/v2/review_booster/invitation_status?invitation_id=a',
      'https://api.sandbox.partoo.co/v2/review_booster/invitation_status?invitation_id=a',
    ]);
  });

  it('isSdkError recognizes errors from another copy of the package', () => {
    const foreign = Object.assign(new Error('from another copy'), { [Symbol.for('partoo-argyle-sdk.error')]: true });
    expect(isSdkError(foreign)).toBe(true);
    expect(isSdkError(new Error('x'))).toBe(false);
    expect(new ConfigurationError('x')).toBeInstanceOf(SdkError);
  });
});

describe('credentials stay below the middleware and on their origin', () => {
  it(
    'a middleware on .api never sees a key, before or after any attempt, ' + 'for reused and rebuilt requests',
    async () => {
      const h = await harness();
      const seen: string[] = [];
      const look = (where: string) => (r: Request) =>
        void seen.push(
          `${where} ${r.method} ${r.headers.get('x-apikey') ?? ''}${r.headers.get('authorization') ?? ''}`,
        );
      for (const api of [h.partoo.api, h.argyle.api] as { use(m: object): void }[])
        api.use({
          onRequest: ({ request }: { request: Request }) => look('before')(request),
          onResponse: ({ request }: { request: Request }) => look('after')(request),
        });
      // The first GET gets a 503 and is retried: the key goes on and comes off around each attempt.
      let failures = 0;
      h.setFault(async (req, forward) =>
        req.method === 'GET' && failures++ === 0 ? new Response('{}', { status: 503 }) : forward(req),
      );
      const sent = await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020304' });
      if (sent.status !== 'sent') throw new Error('expected a send');
      await h.partoo.reviewBooster.getInvitationStatus(sent.invitationId);
      await h.argyle.invites.list({ limit: 2 }).pages().next();
      expect(seen).toEqual([
        'before GET ',
        'after GET ',
        'before POST ',
        'after POST ',
        'before GET ',
        'after GET ',
        'before GET ',
        'after GET ',
      ]);
      // ...while every request that reached the server carried its credentials.
      expect(h.requests.map((r) => Boolean(r.headers.get('x-apikey') ?? r.headers.get('authorization')))).toEqual(
        h.requests.map(() => true),
      );
      expect(h.requests).toHaveLength(5);
    },
  );

  it('does not follow a redirect: the key never reaches the host it points to', async () => {
    const { createServer } = await import('node:http');
    const reached: (string | undefined)[] = [];
    const elsewhere = createServer(
      (req, res) => (reached.push(req.headers['x-apikey'] as string | undefined), res.end('{"status":"SENT"}')),
    );
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
    const elsewherePort = (elsewhere.address() as { port: number }).port;
    const target = `http://127.0.0.1:${elsewherePort}/v2/review_booster/invitation_status`;
    const redirecting = createServer((_, res) => res.writeHead(302, { location: target }).end());
    await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', r));
    try {
      // The built-in fetch, and a logging wrapper of the kind users write, which hands `init` on.
      const logging = ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)) as typeof fetch;
      const client = (fetchImpl?: typeof fetch) =>
        createPartooClient({
          apiKey: PARTOO_KEY,
          baseUrl: `http://127.0.0.1:${(redirecting.address() as { port: number }).port}/v2`,
          rateLimit: false,
          fetch: fetchImpl,
        });
      for (const fetchImpl of [undefined, logging]) {
        const error = await client(fetchImpl)
          .reviewBooster.getInvitationStatus('x')
          .catch((e) => e);
        expect(error).toBeInstanceOf(ApiError);
        expect(error.status).toBe(302);
      }
      expect(reached).toEqual([]);
      // A wrapper that drops `init` still sends the attempt's Request, which says `redirect: 'manual'` itself:
      // nothing reaches the other host.
      const dropping = ((input: RequestInfo | URL) => fetch(input)) as typeof fetch;
      await client(dropping)
        .reviewBooster.getInvitationStatus('x')
        .catch(() => undefined);
      expect(reached).toEqual([]);
    } finally {
      elsewhere.close();
      redirecting.close();
    }
  });
});
