// The error a caller gets for each way a request can fail: its class (what `instanceof` and `catch` branches key
// on), `outcomeUnknown` (whether a write may have happened), and a message that says what the server said.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createPartooClient,
  isSdkError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '../../src/index.js';
import { BIZ, connectionRefused, connectionReset, harness } from '../support/harness.js';

type H = Awaited<ReturnType<typeof harness>>;
const statusOf = (h: H) => h.partoo.reviewBooster.getInvitationStatus('inv-1').catch((e) => e);
const rawPost = (h: H) =>
  h.partoo.api
    .POST('/review_booster/send_invitation', { body: { business_id: BIZ, target_phone: '+33601020304' } })
    .catch((e) => e);

describe('network failures', () => {
  it('a connection reset is a ConnectionError, not a timeout; a read stays safe to repeat', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    h.setFault(async () => {
      throw connectionReset();
    });
    const error = await statusOf(h);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error.name).toBe('ConnectionError');
    expect(error.outcomeUnknown).toBe(false);
    // Where it went and why, so a wrong baseUrl shows at once.
    expect(error.message).toBe('GET partoo.test/v2/review_booster/invitation_status failed: ECONNRESET');
    expect(error.cause).toMatchObject({ code: 'ECONNRESET' });
  });

  it('a write refused before connecting reached no server: outcome known', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    h.setFault(async () => {
      throw connectionRefused();
    });
    const error = await rawPost(h);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).not.toContain('may or may not');
  });

  it('a failure without a code is named by its message', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    h.setFault(async () => {
      throw new TypeError('network down');
    });
    const error = await statusOf(h);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/failed: network down$/);
    // The cause keeps its class name and message (redacted), so a log still says what failed underneath.
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause.name).toBe('TypeError');
    expect(error.cause.message).toBe('network down');
    expect(error.cause.stack).toContain('network down');
  });

  it('a failure that is not even an Error is still a typed ConnectionError', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    h.setFault(async () => {
      throw 'socket gone';
    });
    const error = await statusOf(h);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/failed: connection error$/);
    expect(error.cause).toBe('socket gone');
  });

  it('a failure thrown as a plain object is a ConnectionError without it: it may hold the URL, a key', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    h.setFault(async (request) => {
      throw { message: 'socket closed', url: `${request.url}&api_key=k-123456789`, code: 'ECONNRESET' };
    });
    const error = await statusOf(h);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/failed: ECONNRESET$/);
    expect(error.cause).toBeUndefined();
    expect(inspect(error)).not.toContain('k-123456789');
  });

  it('finds the error code however deep the fetch implementation nested it', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    h.setFault(async () => {
      const root = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      throw new TypeError('fetch failed', { cause: new Error('wrapped', { cause: root }) });
    });
    const error = await rawPost(h);
    expect(error.message).toMatch(/failed: ECONNREFUSED$/);
    // Refused: nothing reached the server, even two causes down.
    expect(error.outcomeUnknown).toBe(false);
  });

  it('an attempt past timeoutMs is a TimeoutError (a ConnectionError too), its write outcome unknown', async () => {
    const hanging = (async (req: Request) =>
      new Promise((_, reject) =>
        req.signal.addEventListener('abort', () => reject(req.signal.reason)),
      )) as typeof fetch;
    const client = createPartooClient({
      apiKey: 'pk_timeout_test',
      baseUrl: 'https://partoo.test/v2',
      fetch: hanging,
      timeoutMs: 30,
      maxRetries: 0,
      rateLimit: false,
      guard: false,
    });
    const read = await client.reviewBooster.getInvitationStatus('inv-1').catch((e) => e);
    expect(read).toBeInstanceOf(TimeoutError);
    expect(read).toBeInstanceOf(ConnectionError);
    expect(read.name).toBe('TimeoutError');
    expect(read.outcomeUnknown).toBe(false);
    expect(read.message).toContain('timed out after 30 ms');
    const body = { business_id: BIZ, target_phone: '+33601020304' };
    const write = await client.api.POST('/review_booster/send_invitation', { body }).catch((e) => e);
    expect(write).toBeInstanceOf(TimeoutError);
    expect(write.outcomeUnknown).toBe(true);
  });
});

describe('HTTP errors by status', () => {
  const answered = async (status: number, body: string, headers: Record<string, string> = {}) => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    h.setFault(async () => new Response(body, { status, headers }));
    return statusOf(h);
  };

  it('each status has its class, and each class is an ApiError and an SdkError', async () => {
    const cases: [number, new (...a: never[]) => ApiError][] = [
      [400, BadRequestError],
      [401, AuthenticationError],
      [403, PermissionDeniedError],
      [404, NotFoundError],
      [429, RateLimitError],
      [500, ServerError],
      [503, ServerError],
    ];
    for (const [status, cls] of cases) {
      const error = await answered(status, '{}');
      expect(error, String(status)).toBeInstanceOf(cls);
      expect(error.name).toBe(cls.name);
      expect(error.status).toBe(status);
      expect(isSdkError(error)).toBe(true);
    }
    const teapot = await answered(418, '{}');
    expect(teapot.constructor).toBe(ApiError);
    expect(teapot.name).toBe('ApiError');
    const unprocessable = await answered(422, '{}');
    expect(unprocessable.constructor).toBe(ApiError);
  });

  it('a 401 names the key to check; other statuses carry no hint', async () => {
    const error = await answered(401, '');
    expect(error.message).toBe(
      'getReviewInvitationStatus: HTTP 401 (key refused: check the apiKey option or PARTOO_API_KEY)',
    );
    expect((await answered(403, '')).message).toBe('getReviewInvitationStatus: HTTP 403');
  });

  it("an Argyle 401 names Argyle's credentials, not Partoo's key", async () => {
    const h = await harness({ argyle: { maxRetries: 0 } });
    h.setFault(async () => new Response('', { status: 401 }));
    const error = await h.argyle.invites.get('6f1c2a9e-0000-4c3b-9d2e-000000000001').catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe(
      'getInvite: HTTP 401 (credentials refused: check the apiKeyId and apiKeySecret options or ARGYLE_API_KEY_ID ' +
        'and ARGYLE_API_KEY_SECRET)',
    );
  });

  it("quotes the server's own words: errors, detail, message or error, else the whole body", async () => {
    const said = async (body: unknown) => (await answered(404, JSON.stringify(body))).message;
    expect(await said({ errors: 'no such invitation', detail: 'x' })).toMatch(/HTTP 404: no such invitation$/);
    expect(await said({ detail: 'gone' })).toMatch(/HTTP 404: gone$/);
    expect(await said({ message: 'missing' })).toMatch(/HTTP 404: missing$/);
    expect(await said({ error: 'nope' })).toMatch(/HTTP 404: nope$/);
    expect(await said({ other: 1 })).toMatch(/HTTP 404: \{"other":1\}$/);
    expect(await said({ errors: { json: 'bad' } })).toMatch(/HTTP 404: \{"json":"bad"\}$/);
  });

  it('a text body is quoted as text, and a long one is cut at 500 characters', async () => {
    expect((await answered(502, 'Bad gateway')).message).toMatch(/HTTP 502: Bad gateway$/);
    const long = 'x'.repeat(600);
    const message = (await answered(502, long)).message as string;
    expect(message.endsWith(`: ${'x'.repeat(500)}…`)).toBe(true);
    const exact = (await answered(502, 'y'.repeat(500))).message as string;
    expect(exact.endsWith(`: ${'y'.repeat(500)}`)).toBe(true);
  });

  it('an empty body or a JSON null adds nothing after the status', async () => {
    expect((await answered(500, '')).message).toBe('getReviewInvitationStatus: HTTP 500');
    const nullBody = await answered(500, 'null');
    expect(nullBody).toBeInstanceOf(ServerError);
    expect(nullBody.message).toBe('getReviewInvitationStatus: HTTP 500');
    expect(nullBody.body).toBeNull();
  });

  it('keeps the headers a caller acts on, and nothing else', async () => {
    const error = await answered(429, '{}', {
      'retry-after': '7',
      'x-request-id': 'req-42',
      'content-type': 'application/json',
      'set-cookie': 'session=abc',
    });
    expect(error.headers).toEqual({ 'retry-after': '7', 'x-request-id': 'req-42', 'content-type': 'application/json' });
    // Only what the server sent (a text body's content-type): no key for a header it did not send.
    const bare = await answered(500, '');
    expect(Object.keys(bare.headers)).toEqual(['content-type']);
  });
});

describe('bad input', () => {
  it('one problem is named in the message; several are counted and all listed', async () => {
    const h = await harness();
    const one = await h.partoo.reviewBooster
      .sendInvitation({ businessId: BIZ, targetPhone: 'not a phone' })
      .catch((e) => e);
    expect(one.name).toBe('ValidationError');
    expect(one.issues).toHaveLength(1);
    expect(one.message).toBe(`Invalid input: ${one.issues[0].message}`);
    const two = await h.partoo.reviewBooster
      .sendInvitation({ businessId: '', targetPhone: 'not a phone' })
      .catch((e) => e);
    expect(two.issues).toHaveLength(2);
    expect(two.message).toBe(`Invalid input (2 problems): ${two.issues[0].message}; ${two.issues[1].message}`);
    expect(h.requests).toHaveLength(0);
  });
});

describe('an error as logs see it', () => {
  it('JSON and inspect carry name, message, status and body', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    h.setFault(async () => new Response('{"errors":"no"}', { status: 404 }));
    const error = await statusOf(h);
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ name: 'NotFoundError', message: error.message, status: 404, body: { errors: 'no' } });
    const text = inspect(error);
    expect(text).toContain('NotFoundError');
    expect(text).toContain('"status": 404');
  });

  it('is recognized across two installed copies of the package by its brand, not its class', () => {
    const foreign = Object.assign(new Error('from another copy'), { [Symbol.for('partoo-argyle-sdk.error')]: true });
    expect(isSdkError(foreign)).toBe(true);
    expect(isSdkError(new Error('plain'))).toBe(false);
    expect(isSdkError(null)).toBe(false);
    expect(isSdkError('partoo-argyle-sdk.error')).toBe(false);
    expect(isSdkError({ [Symbol.for('partoo-argyle-sdk.error')]: 'yes' })).toBe(false);
  });
});
