// A token bucket shared by every call of one client, so a batch runs at Partoo's ceiling without 429s.

export interface RateLimitOptions {
  /** default 300, Partoo's limit per organization */
  requestsPerMinute?: number;
}

/** Anything that makes a request wait its turn: a client's own bucket, or `redisRateLimiter` for a fleet. */
export interface RateLimiter {
  /** Resolves when a request may go; rejects with the signal's reason once it aborts. */
  take(signal?: AbortSignal): Promise<void>;
}

/**
 * The burst a limit of `requestsPerMinute` allows, and the interval between requests after it: one second's worth
 * at once, then refilled so that burst + refill over any minute stays within the limit. A server counting fixed or
 * sliding minutes never sees more than `requestsPerMinute`.
 */
export function limitShape(requestsPerMinute: number): { burst: number; intervalMs: number } {
  const burst = Math.max(1, Math.floor(requestsPerMinute / 60));
  // A burst's worth below the limit after the burst: requests reach the server with latencies that vary, which
  // shifts where its minute starts; up to one burst of them (about a second) lands late without tipping a minute
  // over. At 1 a minute, still one every minute rather than none.
  return { burst, intervalMs: 60_000 / Math.max(requestsPerMinute - 2 * burst, 1) };
}

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export class TokenBucket implements RateLimiter {
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  /** `startEmpty`: no burst at first (a bucket taking over from a shared limit that already spent it). */
  constructor(
    requestsPerMinute: number,
    private readonly clock: Clock,
    startEmpty = false,
  ) {
    const { burst, intervalMs } = limitShape(requestsPerMinute);
    this.capacity = burst;
    this.refillPerMs = 1 / intervalMs;
    this.tokens = startEmpty ? 0 : this.capacity;
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
