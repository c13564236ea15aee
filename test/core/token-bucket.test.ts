// The client-wide rate limit on its own, on a clock the test moves: the burst, the pace after it, the order callers
// are served in, and an abort while waiting.
import { describe, expect, it } from 'vitest';
import { limitShape, TokenBucket, type Clock } from '../../src/core/rate-limit.js';

/** A clock whose sleeps move time forward at once, recording each. */
function steppingClock(start = 0) {
  const sleeps: number[] = [];
  let now = start;
  const clock: Clock = {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
  return { clock, sleeps, advance: (ms: number) => void (now += ms), now: () => now };
}

describe('the token bucket', () => {
  it("allows one second's worth at once, then paces so that no minute holds more than the limit", async () => {
    const { clock, now } = steppingClock();
    const bucket = new TokenBucket(300, clock);
    const times: number[] = [];
    for (let i = 0; i < 305; i++) {
      await bucket.take();
      times.push(now());
    }
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(times[5]).toBeGreaterThan(0);
    // Over any window of 60 s, at most 300 requests.
    for (let i = 0; i + 300 < times.length; i++) expect(times[i + 300] - times[i]).toBeGreaterThanOrEqual(60_000);
  });

  it('shapes 300 a minute as a burst of 5, then one every 207 ms; 1 a minute as one a minute', () => {
    expect(limitShape(300)).toEqual({ burst: 5, intervalMs: 60_000 / 290 });
    expect(limitShape(1)).toEqual({ burst: 1, intervalMs: 60_000 });
    expect(limitShape(59)).toEqual({ burst: 1, intervalMs: 60_000 / 57 });
  });

  it('refills with time and never holds more than its burst, however long it was idle', async () => {
    const { clock, sleeps, advance } = steppingClock();
    const bucket = new TokenBucket(60, clock);
    await bucket.take();
    advance(3_600_000);
    await bucket.take();
    await bucket.take();
    // One token after an hour idle, not sixty: the second take waited a whole interval (60000 / 58 ms).
    expect(sleeps).toEqual([Math.ceil(60_000 / 58)]);
  });

  it('starts empty when told to: no burst for a bucket taking over a spent shared limit', async () => {
    const { clock, sleeps } = steppingClock();
    const bucket = new TokenBucket(300, clock, true);
    await bucket.take();
    expect(sleeps).toEqual([Math.ceil(60_000 / 290)]);
  });

  it('serves callers in the order they asked', async () => {
    const { clock } = steppingClock();
    const bucket = new TokenBucket(60, clock);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => bucket.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('a caller that aborts while waiting gets its reason, and the callers behind it still get their turn', async () => {
    const { clock } = steppingClock();
    const bucket = new TokenBucket(60, clock);
    await bucket.take();
    const controller = new AbortController();
    controller.abort(new Error('gave up'));
    await expect(bucket.take(controller.signal)).rejects.toThrow('gave up');
    await expect(bucket.take()).resolves.toBeUndefined();
  });
});
