// The one place the mock reads the system's clock and randomness, through the SDK's runtime seam: every other
// file of src/testing asks this module, so a namespace's clock, the ids it hands out and a seeded --fail-rate
// cannot read the wall clock behind a test's back.
import { systemRuntime } from '../../core/runtime.js';

/** Milliseconds since the epoch, real time: what a mock clock adds its offset to, and what a deadline counts on. */
export const systemNowMs = (): number => systemRuntime.now();

/** An id the mock hands out (invitation, invite, user, delivery): random, never derived from a request. */
export const mockUuid = (): string => systemRuntime.uuid();

/** A seed for a fail rate given none: printed by the CLI, so a failing run can be replayed with --seed. */
export const randomSeed = (): number => Math.floor(systemRuntime.random() * 2 ** 32);

/**
 * A seeded PRNG in [0, 1) (mulberry32): the same seed draws the same sequence, so `--fail-rate 0.2 --seed 7` fails
 * the same requests on every run.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number from a name (FNV-1a): each namespace draws its own sequence from one seed. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The mock's clock: real time plus an offset a test can move forward, so day 11 needs no waiting. */
export class MockClock {
  private offsetMs = 0;
  /** the mock's time: real time plus the offset */
  now(): Date {
    return new Date(this.nowMs());
  }
  /** the mock's time in milliseconds since the epoch */
  nowMs(): number {
    return systemNowMs() + this.offsetMs;
  }
  /** moves the clock `ms` milliseconds forward; a negative or non-finite `ms` throws a RangeError */
  advance(ms: number) {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`advanceTime takes a non-negative number of milliseconds, not ${ms}`);
    this.offsetMs += ms;
  }
  /** how far ahead of real time: exact, so another process can follow the clock without drift */
  get offset(): number {
    return this.offsetMs;
  }
  /** back to real time */
  reset() {
    this.offsetMs = 0;
  }
}
