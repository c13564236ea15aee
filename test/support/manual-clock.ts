// A controlled Runtime for tests: time moves only when the test says so, timers fire in order, randomness is
// seeded. Replaces busy-waits and head starts measured on the wall clock.
import type { Runtime } from '../../src/core/runtime.js';

interface Pending {
  at: number;
  seq: number;
  fire: () => void;
}

/** Lets every promise chain that is ready run (real I/O included) before time moves again. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ManualClock implements Runtime {
  private pending: Pending[] = [];
  private seq = 0;
  private ids = 0;
  private state: number;

  constructor(
    private current = Date.UTC(2026, 0, 1),
    seed = 1,
  ) {
    this.state = seed >>> 0 || 1;
  }

  now = () => this.current;

  /** mulberry32: a small seeded generator, so a failing run repeats */
  random = () => {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  uuid = () => `00000000-0000-4000-8000-${String(++this.ids).padStart(12, '0')}`;

  timer = (fn: () => void, ms: number) => {
    const entry = { at: this.current + Math.max(0, ms), seq: this.seq++, fire: fn };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  };

  sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        cancel();
        reject(signal?.reason);
      };
      const cancel = this.timer(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  /** Timers waiting to fire. */
  get waiting(): number {
    return this.pending.length;
  }

  /** Moves time forward by `ms`, firing each timer due on the way at its own time, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    await settle();
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) {
      this.pending = this.pending.filter((p) => p !== next);
      this.current = Math.max(this.current, next.at);
      next.fire();
      await settle();
    }
    this.current = end;
    await settle();
  }

  /**
   * Moves time forward by `ms` without firing anything, as a paused process (a long GC, a frozen container) sees it:
   * the timers that fell due fire late, at the next `advance`.
   */
  jump(ms: number): void {
    this.current += ms;
  }

  /** Advances in steps until `done` holds or `limitMs` of clock time has passed; returns the time it took. */
  async until(done: () => boolean | Promise<boolean>, limitMs = 600_000, stepMs = 10): Promise<number> {
    const start = this.current;
    while (!(await done())) {
      if (this.current - start >= limitMs) throw new Error(`condition not met within ${limitMs} ms of clock time`);
      await this.advance(stepMs);
    }
    return this.current - start;
  }

  private nextDue(end: number): Pending | undefined {
    const due = this.pending.filter((p) => p.at <= end);
    return due.sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
  }
}
