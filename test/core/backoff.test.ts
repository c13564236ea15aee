// Retries as a caller sees them: how long each wait is, what Retry-After means, which failures are tried again,
// and that a caller's abort ends the call, its retries and its timer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, createPartooClient, type PartooClientOptions } from '../../src/index.js';
import { BIZ, connectionRefused, connectionReset, harness } from '../support/harness.js';

const unavailable = () => new Response('{"errors":{"json":"try later"}}', { status: 503 });
const status = (h: Awaited<ReturnType<typeof harness>>) => h.partoo.reviewBooster.getInvitationStatus('inv-1');
/** The client's seam for the backoff's random draw (the harness records sleeps instead of waiting them). */
const drawing = (random: () => number, extra: Partial<PartooClientOptions> = {}) =>
  ({ random, ...extra }) as PartooClientOptions;

describe('backoff between attempts', () => {
  it('doubles from 500 ms and never waits more than 8 s, whatever the number of retries', async () => {
    const h = await harness({ partoo: drawing(() => 0.9999, { maxRetries: 7 }) });
    h.setFault(async () => unavailable());
    await expect(status(h)).rejects.toMatchObject({ status: 503 });
    expect(h.sleeps).toEqual([499, 999, 1999, 3999, 7999, 7999, 7999]);
    expect(h.requests).toHaveLength(8);
  });

  it('uses full jitter: a draw of 0 retries at once, a draw of one half waits half the ceiling', async () => {
    const none = await harness({ partoo: drawing(() => 0) });
    none.setFault(async () => unavailable());
    await expect(status(none)).rejects.toMatchObject({ status: 503 });
    expect(none.sleeps).toEqual([0, 0]);

    const half = await harness({ partoo: drawing(() => 0.5, { maxRetries: 5 }) });
    half.setFault(async () => unavailable());
    await expect(status(half)).rejects.toMatchObject({ status: 503 });
    expect(half.sleeps).toEqual([250, 500, 1000, 2000, 4000]);
  });
});

describe('Retry-After', () => {
  const limitedOnce = async (retryAfter: string) => {
    const h = await harness();
    let calls = 0;
    h.setFault(async (req, forward) =>
      calls++ === 0 ? new Response('{}', { status: 429, headers: { 'retry-after': retryAfter } }) : forward(req),
    );
    await status(h).catch(() => undefined);
    return h.sleeps;
  };

  it('reads whole and fractional seconds, with surrounding spaces', async () => {
    expect(await limitedOnce('2')).toEqual([2000]);
    expect(await limitedOnce(' 1.5 ')).toEqual([1500]);
  });

  it('is capped at 60 s: a server asking for an hour does not stall the caller for an hour', async () => {
    expect(await limitedOnce('3600')).toEqual([60_000]);
  });

  it('a date in the past means now', async () => {
    expect(await limitedOnce('Wed, 21 Oct 2015 07:28:00 GMT')).toEqual([0]);
  });

  it('a value that is not a number of seconds nor a date falls back to the backoff', async () => {
    // Only the whole value counts as seconds: "x2" and "3 soon" are neither seconds nor dates.
    expect(await limitedOnce('x2')).toEqual([250]);
    expect(await limitedOnce('3 soon')).toEqual([250]);
    expect(await limitedOnce('')).toEqual([250]);
  });
});

describe('which failures are tried again', () => {
  const send = (h: Awaited<ReturnType<typeof harness>>) =>
    h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020304' });

  it('a POST refused before connecting is sent again by the transport (nothing reached the server)', async () => {
    const h = await harness({ partoo: { guard: false } });
    let calls = 0;
    h.setFault(async (req, forward) => {
      if (calls++ === 0) throw connectionRefused();
      return forward(req);
    });
    await expect(send(h)).resolves.toMatchObject({ status: 'sent' });
    expect(h.posts()).toHaveLength(2);
    expect(h.requests).toHaveLength(2);
    expect(h.sleeps).toEqual([250]);
    // The body is read once and sent whole on every attempt, with the key each time.
    expect(h.posts()[1].body).toEqual(h.posts()[0].body);
    expect(h.posts()[1].body).toMatchObject({ business_id: BIZ, target_phone: '+33601020304' });
    expect(h.posts()[1].headers.get('x-apikey')).toBe(h.posts()[0].headers.get('x-apikey'));
  });

  // The raw client, so only the transport decides (the guard would search and decide on its own after it).
  const rawPost = (h: Awaited<ReturnType<typeof harness>>) =>
    h.partoo.api.POST('/review_booster/send_invitation', { body: { business_id: BIZ, target_phone: '+33601020304' } });

  it('a POST reset after it was written is not sent again: its outcome is unknown', async () => {
    const h = await harness();
    h.setFault(async () => {
      throw connectionReset();
    });
    const error = await rawPost(h).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain('the server may or may not have acted on it');
    expect(h.requests).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('a 503 on a GET is tried again; on a POST it is handed back at once (the guard decides next)', async () => {
    const h = await harness();
    h.setFault(async () => unavailable());
    const { response } = await rawPost(h);
    expect(response.status).toBe(503);
    expect(h.requests).toHaveLength(1);
    await expect(status(h)).rejects.toMatchObject({ status: 503 });
    expect(h.requests).toHaveLength(4);
  });

  it('a 429 on a POST is tried again: the server refused it without acting', async () => {
    const h = await harness({ partoo: { guard: false } });
    let calls = 0;
    h.setFault(async (req, forward) =>
      calls++ === 0 ? new Response('{}', { status: 429, headers: { 'retry-after': '1' } }) : forward(req),
    );
    await expect(send(h)).resolves.toMatchObject({ status: 'sent' });
    expect(h.posts()).toHaveLength(2);
    expect(h.sleeps).toEqual([1000]);
  });

  const truncated = () =>
    new Response(
      new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"status":"DELIV'));
          c.error(new TypeError('terminated'));
        },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );

  // The answer is handed over when its headers arrive (so `parseAs: 'stream'` streams): a body cut short after
  // that is the caller's typed ConnectionError, its outcome known for a read, and the next call starts afresh.
  it('a GET whose body is cut short is a typed ConnectionError, outcome known; the next call succeeds', async () => {
    const h = await harness();
    const id = await h.sendElsewhere('+33601020304');
    let calls = 0;
    h.setFault(async (req, forward) => (calls++ === 0 ? truncated() : forward(req)));
    const error = await h.partoo.reviewBooster.getInvitationStatus(id).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(false);
    await expect(h.partoo.reviewBooster.getInvitationStatus(id)).resolves.toBeTypeOf('string');
    expect(h.requests).toHaveLength(2);
  });

  it('a POST whose body is cut short is not sent again: a ConnectionError with the outcome unknown', async () => {
    const h = await harness();
    h.setFault(async () => truncated());
    const error = await rawPost(h).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    expect(h.requests).toHaveLength(1);
  });

  it('a GET whose body is cut short is not retried once handed over: one request, a ConnectionError', async () => {
    const h = await harness({ partoo: { maxRetries: 1 } });
    h.setFault(async () => truncated());
    const error = await status(h).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(false);
    expect(h.requests).toHaveLength(1);
  });
});

describe("the caller's AbortSignal", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A status read through `.api` with `signal`, over `fetch`; `requests()` counts the fetch's calls. */
  const abortable = (fetch: (init: Request) => Promise<Response>, signal: AbortSignal, timeoutMs = 30_000) => {
    let requests = 0;
    const client = createPartooClient({
      apiKey: 'pk_abort_test_key',
      baseUrl: 'https://partoo.test/v2',
      rateLimit: false,
      timeoutMs,
      fetch: ((input: Request) => (requests++, fetch(input))) as typeof globalThis.fetch,
    });
    const call = client.api.GET('/review_booster/invitation_status', {
      params: { query: { invitation_id: 'inv-1' } },
      signal,
    });
    return { call, requests: () => requests };
  };

  it('ends an attempt in flight: the caller gets its own reason, not a timeout, and nothing is retried', async () => {
    const controller = new AbortController();
    const { call, requests } = abortable(
      (init) => {
        setTimeout(() => controller.abort(new Error('shutting down')), 5);
        return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));
      },
      controller.signal,
      5_000,
    );
    await expect(call).rejects.toThrow('shutting down');
    expect(requests()).toBe(1);
  });

  it('a call made with a signal already aborted ends at once with its reason: nothing is retried', async () => {
    const controller = new AbortController();
    controller.abort(new Error('already gone'));
    // As every fetch does: a request whose signal is aborted is not made.
    const { call, requests } = abortable(async (init) => {
      if (init.signal.aborted) throw init.signal.reason;
      return unavailable();
    }, controller.signal);
    await expect(call).rejects.toThrow('already gone');
    expect(requests()).toBeLessThanOrEqual(1);
  });

  it(
    'an abort during the backoff wait ends it at once ' + "(the client's own wait, no seam), leaving no timer",
    async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const controller = new AbortController();
      const { call, requests } = abortable(async () => {
        // Aborted just after the answer arrives, while the client waits before trying again.
        queueMicrotask(() => setImmediate(() => controller.abort(new Error('stop waiting'))));
        return unavailable();
      }, controller.signal);
      await expect(call).rejects.toThrow('stop waiting');
      expect(requests()).toBe(1);
      expect(vi.getTimerCount()).toBe(0);
    },
  );

  it('a signal aborted by the first answer stops the wait before it starts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const { call, requests } = abortable(async () => {
      controller.abort(new Error('done with it'));
      return unavailable();
    }, controller.signal);
    await expect(call).rejects.toThrow('done with it');
    expect(requests()).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('what a retried answer leaves behind', () => {
  it('the body of an answer that is retried is released, not left holding the connection', async () => {
    const h = await harness();
    let cancelled = 0;
    let calls = 0;
    h.setFault(async (req, forward) => {
      if (calls++ > 0) return forward(req);
      const body = new ReadableStream({ pull: () => {}, cancel: () => void cancelled++ });
      return new Response(body, { status: 503 });
    });
    await status(h).catch(() => undefined);
    expect(cancelled).toBe(1);
  });

  it('middleware never sees the credentials: they are on the request only while it is being sent', async () => {
    const h = await harness();
    const seen: (string | null)[] = [];
    h.partoo.api.use({
      onRequest: ({ request }) => void seen.push(request.headers.get('x-apikey')),
      onResponse: ({ request }) => void seen.push(request.headers.get('x-apikey')),
    });
    await h.partoo.api.GET('/review_booster/invitation_status', { params: { query: { invitation_id: 'x' } } });
    expect(seen).toEqual([null, null]);
    // ...and yet the server got them.
    expect(h.requests[0].headers.get('x-apikey')).toBeTruthy();
  });
});
