// Store deadlines run on the Runtime they are given: a store that hangs is given up exactly when the client's clock
// says the deadline passed, and a failing one is tried again on that clock's pauses, never on the wall clock.
import { describe, expect, it } from 'vitest';
import { storeCaller, type StoreWarn } from '../../src/core/store-call.js';
import { ManualClock } from '../support/manual-clock.js';

function warnings() {
  const seen: [string, string][] = [];
  const warn: StoreWarn = (message, state) => void seen.push([state, message]);
  return { seen, warn };
}

const never = () => new Promise<string>(() => {});

describe('store calls on the Runtime', () => {
  it('a hanging call falls back when the clock passes the deadline, not before', async () => {
    const clock = new ManualClock();
    const { seen, warn } = warnings();
    const call = storeCaller(500, warn, undefined, clock);
    let answer: string | undefined;
    void call(never, 'fallback').then((a) => (answer = a));
    await clock.advance(499);
    expect(answer).toBeUndefined();
    await clock.advance(1);
    expect(answer).toBe('fallback');
    expect(seen).toEqual([['degraded', expect.stringContaining('no answer within 500 ms')]]);
    expect(clock.waiting).toBe(0);
  });

  it('a failing call is tried again every 25 ms of the clock until its deadline', async () => {
    const clock = new ManualClock();
    const { seen, warn } = warnings();
    const call = storeCaller(100, warn, undefined, clock);
    const tries: number[] = [];
    const failing = () => {
      tries.push(clock.now());
      return Promise.reject(new Error('READONLY'));
    };
    let answer: string | undefined;
    void call(failing, 'fallback').then((a) => (answer = a));
    await clock.advance(200);
    const start = tries[0];
    // 0, 25, 50, 75: a fifth try would start at 100, the deadline itself
    expect(tries.map((t) => t - start)).toEqual([0, 25, 50, 75]);
    expect(answer).toBe('fallback');
    expect(seen).toEqual([['degraded', expect.stringContaining('READONLY')]]);
  });

  it('a store restarting within the deadline is ridden out: the answer, no warning', async () => {
    const clock = new ManualClock();
    const { seen, warn } = warnings();
    const call = storeCaller(1_000, warn, undefined, clock);
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve('stored'));
    let answer: string | undefined;
    void call(flaky, 'fallback').then((a) => (answer = a));
    await clock.advance(60);
    expect(answer).toBe('stored');
    expect(calls).toBe(3);
    expect(seen).toEqual([]);
  });

  it('a misconfiguration is thrown at once, whatever the deadline', async () => {
    const clock = new ManualClock();
    const { seen, warn } = warnings();
    const call = storeCaller(1_000, warn, undefined, clock);
    const misconfigured = Object.assign(new Error('NOPERM this user has no permissions'), {
      name: 'ConfigurationError',
    });
    await expect(call(() => Promise.reject(misconfigured), 'fallback')).rejects.toBe(misconfigured);
    expect(seen).toEqual([]);
    expect(clock.waiting).toBe(0);
  });
});
