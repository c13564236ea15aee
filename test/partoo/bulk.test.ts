import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError, type SendInvitationInput } from '../../src/index.js';
import { systemRuntime } from '../../src/core/runtime.js';
import { createPartooClientWith } from '../../src/partoo/client.js';
import { BIZ, harness } from '../support/harness.js';

const row = (phone: string, extra: Partial<SendInvitationInput> = {}): SendInvitationInput => ({
  businessId: BIZ,
  targetPhone: phone,
  inviteContent: 'Thanks! @link',
  ...extra,
});

describe('sendInvitations', () => {
  it('yields one outcome per input: valid, invalid and duplicate rows, duplicates sent once', async () => {
    const h = await harness({ partoo: { rateLimit: false } });
    const inputs = [
      row('+33601020301'),
      row('not a phone'),
      row('+33601020302'),
      row('+33601020301'),
      row('+33601020303', { inviteContent: 'no link' }),
      row('+33 6 01 02 03 02'),
    ];
    const progress: number[] = [];
    const outcomes = [];
    for await (const o of h.partoo.reviewBooster.sendInvitations(inputs, {
      concurrency: 3,
      onProgress: (p) => progress.push(p.done),
    }))
      outcomes.push(o);
    outcomes.sort((a, b) => a.index - b.index);
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'failed', 'sent', 'skipped', 'failed', 'skipped']);
    const failed = outcomes.filter((o) => o.status === 'failed');
    expect(failed.every((o) => o.status === 'failed' && o.error instanceof ValidationError)).toBe(true);
    expect(outcomes[3].input).toBe(inputs[3]);
    expect(h.posts()).toHaveLength(2);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('takes async iterables lazily and stops taking inputs on abort, yielding what was in flight', async () => {
    const h = await harness({ partoo: { rateLimit: false } });
    const controller = new AbortController();
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield row(`+336010${String(20000 + i)}`);
      }
    }
    const seen: number[] = [];
    for await (const o of h.partoo.reviewBooster.sendInvitations(source(), {
      concurrency: 2,
      signal: controller.signal,
    })) {
      seen.push(o.index);
      if (seen.length === 5) controller.abort();
    }
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.length).toBeLessThan(10);
    expect(pulled).toBeLessThan(12);
    expect(h.posts()).toHaveLength(seen.length);
  });

  it('keeps a fast server under its limit: 300/min, no 429, >= 95% of the ceiling (mock clock)', async () => {
    const h = await harness({ mock: { rateLimitPerMinute: 300 } });
    // The client's clock is the mock's, so the limiter's minutes pass instantly.
    const clock = {
      ...systemRuntime,
      now: () => h.mocks.clock.nowMs(),
      sleep: async (ms: number) => h.mocks.clock.advance(ms),
    };
    const statuses: number[] = [];
    const partoo = createPartooClientWith(
      {
        apiKey: 'mock-partoo-api-key',
        baseUrl: 'https://partoo.test/v2',
        now: () => h.mocks.clock.now(),
        fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
          const res = await h.mocks.partoo(input, init);
          statuses.push(res.status);
          return res;
        }) as typeof fetch,
      },
      clock,
    );
    const start = h.mocks.clock.nowMs();
    const inputs = Array.from({ length: 200 }, (_, i) => row(`+336010${String(30000 + i)}`));
    let sent = 0;
    for await (const o of partoo.reviewBooster.sendInvitations(inputs, { concurrency: 8 }))
      if (o.status === 'sent') sent++;
    const minutes = (h.mocks.clock.nowMs() - start) / 60_000;
    expect(sent).toBe(200);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(statuses).toHaveLength(400);
    expect(400 / minutes / 300).toBeGreaterThanOrEqual(0.95);
  });

  it('a concurrency it cannot honour is a typed ConfigurationError, and nothing is requested', async () => {
    const h = await harness();
    for (const concurrency of [0, 1.5, 257]) {
      const run = h.partoo.reviewBooster.sendInvitations([row('+33601020304')], { concurrency });
      await expect(run.next()).rejects.toThrow(ConfigurationError);
    }
    expect(h.requests).toHaveLength(0);
  });
});
