// The controlled clock the guard's tests run on: time moves only when told, timers fire in order and on time,
// a jump fires nothing until the next advance, aborts clear their timers, and a seed repeats its randomness.
import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock.js';

describe('ManualClock', () => {
  it('fires timers in time order, each at its own time, and only once time reaches them', async () => {
    const clock = new ManualClock(1_000);
    const fired: string[] = [];
    clock.timer(() => fired.push(`b@${clock.now()}`), 200);
    clock.timer(() => fired.push(`a@${clock.now()}`), 100);
    clock.timer(() => fired.push(`c@${clock.now()}`), 200);
    await clock.advance(99);
    expect(fired).toEqual([]);
    await clock.advance(150);
    expect(fired).toEqual(['a@1100', 'b@1200', 'c@1200']);
    expect(clock.now()).toBe(1_249);
    expect(clock.waiting).toBe(0);
  });

  it('runs a timer that a timer schedules within the same advance, and cancels one on request', async () => {
    const clock = new ManualClock(0);
    const ticks: number[] = [];
    const tick = () => {
      ticks.push(clock.now());
      if (ticks.length < 3) clock.timer(tick, 10);
    };
    clock.timer(tick, 10);
    const cancel = clock.timer(() => ticks.push(-1), 15);
    cancel();
    await clock.advance(100);
    expect(ticks).toEqual([10, 20, 30]);
  });

  it('sleeps resolve when time reaches them; an abort rejects at once and leaves no timer', async () => {
    const clock = new ManualClock(0);
    let woke = false;
    const sleeping = clock.sleep(50).then(() => (woke = true));
    await clock.advance(49);
    expect(woke).toBe(false);
    await clock.advance(1);
    await sleeping;
    expect(woke).toBe(true);
    const controller = new AbortController();
    const aborted = clock.sleep(1_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(clock.waiting).toBe(0);
  });

  it('a jump moves time without firing; the timers it passed fire late, at the next advance', async () => {
    const clock = new ManualClock(0);
    const fired: number[] = [];
    clock.timer(() => fired.push(clock.now()), 10);
    clock.jump(500);
    expect(clock.now()).toBe(500);
    expect(fired).toEqual([]);
    await clock.advance(0);
    expect(fired).toEqual([500]);
  });

  it('until advances in steps to a condition and says how long it took, or throws past its limit', async () => {
    const clock = new ManualClock(0);
    let ready = false;
    clock.timer(() => (ready = true), 35);
    expect(await clock.until(() => ready)).toBe(40);
    await expect(clock.until(async () => false, 100)).rejects.toThrow('not met within 100 ms');
  });

  it('draws the same numbers from the same seed, in [0, 1), and numbers its uuids', () => {
    const draw = (seed: number) => {
      const clock = new ManualClock(0, seed);
      return Array.from({ length: 5 }, clock.random);
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((n) => n >= 0 && n < 1)).toBe(true);
    const clock = new ManualClock();
    expect(clock.uuid()).not.toBe(clock.uuid());
    expect(clock.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
