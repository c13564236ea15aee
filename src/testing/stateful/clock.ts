/** The mock's clock: real time plus an offset a test can move forward, so day 11 needs no waiting. */
export class MockClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number) {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`advanceTime takes a non-negative number of milliseconds, not ${ms}`);
    this.offsetMs += ms;
  }
  /** how far ahead of real time: exact, so another process can follow the clock without drift */
  get offset(): number {
    return this.offsetMs;
  }
  reset() {
    this.offsetMs = 0;
  }
}
