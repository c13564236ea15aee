// How a call through the attempt core ends when something goes wrong: the caller's abort, a timeout, a fetch that
// fails in an unusual way, a 429 without a body, an answer in bytes that are not text. Each through the transport
// the clients build, over a fake fetch that behaves as fetch does with its signal.
import { getEventListeners } from 'node:events';
import { entriesOf } from '../support/request.js';
import { describe, expect, it } from 'vitest';
import { firstAttempt, retry, timeout, type AttemptDone, type Outgoing } from '../../src/core/attempt.js';
import { ConfigurationError, ConnectionError, TimeoutError } from '../../src/core/errors.js';
import { createTransport, type TransportOptions } from '../../src/core/transport.js';
import { ManualClock } from '../support/manual-clock.js';

const BASE = 'https://api.example.test/v2';

type Fetch = TransportOptions['fetch'];

/** A fetch that never answers, and rejects with its signal's reason when aborted, as fetch does. */
const hanging: Fetch = (request) =>
  new Promise((_resolve, reject) => {
    const signal = request.signal;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

const transportOver = (fetch: Fetch, over: Partial<TransportOptions> = {}) => {
  const sleeps: number[] = [];
  const transport = createTransport({
    fetch,
    baseUrl: BASE,
    authHeaders: { 'x-apikey': 'key-attempt-1' },
    secrets: ['key-attempt-1'],
    timeoutMs: 1000,
    maxRetries: 2,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...over,
  });
  // As openapi-fetch calls it: with a Request, whose signal follows the caller's.
  const send = (method = 'GET', signal?: AbortSignal) => transport(new Request(`${BASE}/x`, { method, signal }));
  return { transport, send, sleeps };
};

describe("the caller's abort", () => {
  it("ends the call with the caller's very reason, not a ConnectionError quoting it", async () => {
    const { send } = transportOver(hanging);
    const caller = new AbortController();
    const reason = new Error('the user closed the page');
    const call = send('GET', caller.signal);
    caller.abort(reason);
    await expect(call).rejects.toBe(reason);
  });

  it("leaves no listener on a call's signal once its body has been read", async () => {
    let calls = 0;
    const { transport } = transportOver(async () => (calls++, new Response('{}')));
    const shared = new AbortController().signal;
    for (let i = 0; i < 20; i++) {
      const request = new Request(`${BASE}/x`, { signal: shared });
      const before = getEventListeners(request.signal, 'abort').length;
      await (await transport(request)).text();
      expect(getEventListeners(request.signal, 'abort')).toHaveLength(before);
    }
    expect(calls).toBe(20);
  });

  it('is told to the observer as an AbortError, with no retry', async () => {
    const outcomes: Parameters<AttemptDone>[0][] = [];
    const { send } = transportOver(hanging, { observe: () => (outcome) => void outcomes.push(outcome) });
    const caller = new AbortController();
    const call = send('GET', caller.signal);
    caller.abort(new Error('stop'));
    await expect(call).rejects.toThrow('stop');
    expect(outcomes).toEqual([{ error: 'AbortError', retry: false }]);
  });
});

// Each of the two layers that see the caller's signal ends the call with the caller's reason on its own: the retry
// loop whatever failure the attempt below it reports, the timeout layer whatever its fetch rejected with.
describe("the caller's abort, layer by layer", () => {
  const outgoing = (signal: AbortSignal): Outgoing => ({
    method: 'GET',
    url: `${BASE}/x`,
    request: new Request(`${BASE}/x`),
    signal,
  });

  it('the retry loop: an attempt failing after the abort ends with its reason, no backoff, no retry', async () => {
    const caller = new AbortController();
    const reason = new Error('caller gave up');
    const sleeps: number[] = [];
    const outcomes: Parameters<AttemptDone>[0][] = [];
    let attempts = 0;
    const send = retry({
      maxRetries: 3,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      now: () => 0,
      observe: () => (outcome) => void outcomes.push(outcome),
    })(async () => {
      attempts++;
      caller.abort(reason);
      throw new ConnectionError('reset', { outcomeUnknown: false });
    });
    await expect(send(outgoing(caller.signal), firstAttempt())).rejects.toBe(reason);
    expect([attempts, sleeps, outcomes]).toEqual([1, [], [{ error: 'AbortError', retry: false }]]);
  });

  it('the timeout layer: whatever its fetch rejects with after the abort, the call ends with its reason', async () => {
    const clock = new ManualClock();
    const caller = new AbortController();
    const reason = new Error('caller gave up');
    const send = timeout(
      { timeoutMs: 1000 },
      clock.timer,
    )(async () => {
      caller.abort(reason);
      throw new TypeError('fetch failed');
    });
    await expect(send(outgoing(caller.signal), firstAttempt())).rejects.toBe(reason);
  });
});

describe('a timeout', () => {
  it('is a TimeoutError whose cause says the attempt timed out, after how long', async () => {
    const clock = new ManualClock();
    const { send } = transportOver(hanging, { runtime: clock, timeoutMs: 250, maxRetries: 0 });
    const caught = send('POST').catch((e: unknown) => e);
    await clock.advance(250);
    const error = (await caught) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(
      'POST api.example.test/v2/x timed out after 250 ms; the server may or may not have acted on it',
    );
    expect((error.cause as DOMException).name).toBe('TimeoutError');
    expect((error.cause as DOMException).message).toBe('timed out after 250 ms');
  });
});

describe('a fetch that fails', () => {
  it("with one of the SDK's own errors: that error reaches the caller as it is, and is not retried", async () => {
    let calls = 0;
    const refusal = new ConfigurationError('this fetch refuses the request');
    const { send, sleeps } = transportOver(async () => {
      calls++;
      throw refusal;
    });
    await expect(send('GET')).rejects.toBe(refusal);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('with an error carrying no code: a ConnectionError quoting its message, retried for a read', async () => {
    let calls = 0;
    const { send, sleeps } = transportOver(async () => {
      calls++;
      throw new TypeError('fetch failed');
    });
    const error = await send('GET').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe('GET api.example.test/v2/x failed: fetch failed');
    expect(calls).toBe(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it('with nothing at all: still a typed ConnectionError', async () => {
    const { send } = transportOver(() => Promise.reject(undefined), { maxRetries: 0 });
    const error = await send('GET').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe('GET api.example.test/v2/x failed: connection error');
  });

  it('with a chain of causes that loops: a ConnectionError, at once', async () => {
    const looping = Object.assign(new TypeError('fetch failed'), { cause: undefined as unknown });
    looping.cause = looping;
    const { send } = transportOver(async () => Promise.reject(looping), { maxRetries: 0 });
    const error = await send('POST').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).outcomeUnknown).toBe(true);
  });

  it('a write refused before connecting, its code a few causes deep, is sent again', async () => {
    let calls = 0;
    const refused = { code: 'ECONNREFUSED' };
    const deep = new TypeError('fetch failed', {
      cause: new Error('a', { cause: new Error('b', { cause: refused }) }),
    });
    const { send } = transportOver(async () => (calls++ === 0 ? Promise.reject(deep) : new Response('{}')));
    await expect(send('POST')).resolves.toMatchObject({ status: 200 });
    expect(calls).toBe(2);
  });
});

describe('answers', () => {
  it('a 429 without a body on a write is waited out as Retry-After says, then sent again', async () => {
    let calls = 0;
    const { send, sleeps } = transportOver(async () =>
      calls++ === 0 ? new Response(null, { status: 429, headers: { 'retry-after': '12' } }) : new Response('{}'),
    );
    await expect(send('POST')).resolves.toMatchObject({ status: 200 });
    expect(sleeps).toEqual([12_000]);
  });

  it('Retry-After in seconds of several digits, with decimals, or with spaces around is read as seconds', async () => {
    for (const [value, ms] of [
      ['12', 12_000],
      ['1.25', 1250],
      ['2 ', 2000],
      [' 30', 30_000],
    ] as const) {
      let calls = 0;
      const { send, sleeps } = transportOver(async () =>
        calls++ === 0 ? new Response('{}', { status: 503, headers: { 'retry-after': value } }) : new Response('{}'),
      );
      await send('GET');
      expect([value, sleeps]).toEqual([value, [ms]]);
    }
  });

  it('a Retry-After with a unit or letters after its number is neither seconds nor a date: the backoff', async () => {
    for (const value of ['5s', '10sec', '2.5x']) {
      let calls = 0;
      const { send, sleeps } = transportOver(async () =>
        calls++ === 0 ? new Response('{}', { status: 503, headers: { 'retry-after': value } }) : new Response('{}'),
      );
      await send('GET');
      expect([value, sleeps]).toEqual([value, [250]]);
    }
  });

  it('a key echoed back in every header of an answer is redacted in each', async () => {
    const { send } = transportOver(
      async () => new Response(new Uint8Array([0x7b, 0x7d]), { headers: { 'x-echo': 'key key-attempt-1' } }),
    );
    const received = await send('GET');
    expect(entriesOf(received.headers)).toEqual([['x-echo', 'key [redacted]']]);
    expect(await received.text()).toBe('{}');
  });

  it('bytes that are not text reach `.api` as they came', async () => {
    const bytes = new Uint8Array([0xff, 0x00, 0xe9, 0x80, 0x41]);
    const { transport } = transportOver(async () => new Response(bytes, { status: 200 }));
    const response = await transport(new Request(`${BASE}/file`));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });
});

describe('a rate limit', () => {
  it("is waited on before each attempt, with the caller's signal, even with no observer", async () => {
    const taken: (AbortSignal | undefined)[] = [];
    const limiter = { take: async (signal?: AbortSignal) => void taken.push(signal) };
    let calls = 0;
    const { send } = transportOver(async () => new Response('{}', { status: calls++ === 0 ? 503 : 200 }), {
      limiter,
    });
    const caller = new AbortController();
    await expect(send('GET', caller.signal)).resolves.toMatchObject({ status: 200 });
    // The Request's own signal, which follows the caller's.
    expect(taken).toHaveLength(2);
    caller.abort();
    expect(taken.every((signal) => signal?.aborted)).toBe(true);
  });
});
