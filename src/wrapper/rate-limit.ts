// A token bucket shared by every call of one client, so a batch runs at Partoo's ceiling without 429s.

export interface RateLimitOptions {
  /** default 300, Partoo's limit per organization */
  requestsPerMinute?: number;
}

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export class TokenBucket {
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    requestsPerMinute: number,
    private readonly clock: Clock,
  ) {
    // A burst of one second's worth, refilled so that burst + refill over any minute stays within the limit:
    // a server counting fixed or sliding minutes never sees more than `requestsPerMinute`.
    this.capacity = Math.max(1, Math.floor(requestsPerMinute / 60));
    this.refillPerMs = (requestsPerMinute - this.capacity) / 60_000;
    this.tokens = this.capacity;
    this.last = clock.now();
  }

  /** Resolves when a request may go; callers are served in order. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.wait(signal));
    this.queue = turn.catch(() => {});
    return turn;
  }

  private async wait(signal?: AbortSignal) {
    for (;;) {
      const now = this.clock.now();
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.refillPerMs);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil((1 - this.tokens) / this.refillPerMs), signal);
    }
  }
}
