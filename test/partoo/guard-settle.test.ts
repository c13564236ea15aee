// The settle time and the force/resendUnknown table, on the in-memory harness (its sleeps are recorded, not waited),
// and the store deadline with a store that stops answering.
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ConnectionError, createPartooClient } from '../../src/index.js';
import type { GuardStore } from '../../src/redis/index.js';
import { BIZ, connectionReset, harness } from '../support/harness.js';

const input = { businessId: BIZ, targetPhone: '+33601020304' };

/** The POST is written, then the connection dies before any answer: its outcome is unknown. */
const resetFirstPost = (h: Awaited<ReturnType<typeof harness>>, acted: boolean) => {
  let posts = 0;
  h.setFault(async (req, forward) => {
    if (req.method === 'POST' && posts++ === 0) {
      if (acted) await forward(req);
      throw connectionReset();
    }
    return forward(req);
  });
};

describe('the settle time before the search that decides a resend', () => {
  it('defaults to 30 s, or timeoutMs when longer, and runs between the failed POST and that search', async () => {
    for (const [timeoutMs, expected] of [
      [undefined, 30_000],
      [5_000, 30_000],
      [45_000, 45_000],
    ] as const) {
      const h = await harness({ partoo: { timeoutMs } });
      const order: string[] = [];
      h.setFault(async (req, forward) => {
        order.push(`${req.method}@${h.sleeps.length}`);
        if (req.method === 'POST' && order.filter((o) => o.startsWith('POST')).length === 1) throw connectionReset();
        return forward(req);
      });
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
      expect(h.sleeps).toEqual([expected]);
      expect(order).toEqual(['GET@0', 'POST@0', 'GET@1', 'POST@1']);
    }
  });

  it('takes guard.settleMs, and never waits less than the retry backoff', async () => {
    for (const [settleMs, expected] of [
      [2_500, 2_500],
      [0, 500],
    ] as const) {
      const h = await harness({ partoo: { guard: { settleMs } } });
      resetFirstPost(h, false);
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
      expect(h.sleeps).toEqual([expected]);
    }
  });

  it('an ordinary send whose first POST landed: the search finds it, one POST, one SMS', async () => {
    const h = await harness();
    resetFirstPost(h, true);
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'sent', invitationId: [...h.mocks.partooState.invitations.keys()][0] });
    expect(h.posts()).toHaveLength(1);
  });
});

describe('force and resendUnknown', () => {
  it('forced, nothing found after the settle time: no second POST, ConnectionError { outcomeUnknown }', async () => {
    const h = await harness();
    resetFirstPost(h, false);
    const error = await h.partoo.reviewBooster.sendInvitation({ ...input, force: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({
      outcomeUnknown: true,
      message: expect.stringContaining('guard.resendUnknown: true'),
    });
    expect(h.posts()).toHaveLength(1);
    expect(h.sleeps).toEqual([30_000]);
  });

  it('forced with resendUnknown: true: one more POST after the settle time', async () => {
    const h = await harness({ partoo: { guard: { resendUnknown: true } } });
    resetFirstPost(h, false);
    expect((await h.partoo.reviewBooster.sendInvitation({ ...input, force: true })).status).toBe('sent');
    expect(h.posts()).toHaveLength(2);
    expect(h.mocks.partooState.sentCount(BIZ, input.targetPhone)).toBe(1);
  });

  it('forced, and the first POST did land: sent with its id, whatever resendUnknown says', async () => {
    const h = await harness();
    resetFirstPost(h, true);
    const result = await h.partoo.reviewBooster.sendInvitation({ ...input, force: true });
    expect(result).toMatchObject({ status: 'sent', invitationId: [...h.mocks.partooState.invitations.keys()][0] });
    expect(h.posts()).toHaveLength(1);
  });

  it('refuses settings it cannot honour, naming the option', () => {
    const make = (guard: object) => () => createPartooClient({ apiKey: 'pk_config_test_123456', guard });
    for (const bad of [{ settleMs: -1 }, { settleMs: 1.5 }, { settleMs: '1000' }, { settleMs: 600_001 }]) {
      expect(make(bad)).toThrow(ConfigurationError);
      expect(make(bad)).toThrow(/guard\.settleMs/);
    }
    for (const bad of [{ storeTimeoutMs: 0 }, { storeTimeoutMs: Number.NaN }, { storeTimeoutMs: 60_001 }]) {
      expect(make(bad)).toThrow(/guard\.storeTimeoutMs/);
    }
    expect(make({ resendUnknown: 'yes' })).toThrow(/guard\.resendUnknown/);
  });
});

/** `work`'s result, or a failure naming the bound once `ms` of real time pass first. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

describe('a store that stops answering', () => {
  const STORE_TIMEOUT_MS = 50;
  const hanging = (answers: { value: boolean }): GuardStore => {
    const never = new Promise<never>(() => {});
    const gate = <T>(value: T) => (answers.value ? Promise.resolve(value) : never);
    return {
      get: () => gate(undefined),
      set: () => gate(undefined),
      acquire: () => gate(true),
      release: () => gate(undefined),
    };
  };

  it('is given up on after storeTimeoutMs per call: the send goes on with the search, says so once', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => void warnings.push(m);
    try {
      const answers = { value: false };
      const h = await harness({ partoo: { guard: { store: hanging(answers), storeTimeoutMs: STORE_TIMEOUT_MS } } });
      // Ledger read, lock, record, release: four deadlines at most, with generous slack for a loaded machine. The
      // store's deadlines run on real timers, so the bound is a wait from the configuration, not a measured time.
      const bound = 4 * STORE_TIMEOUT_MS + 2_000;
      const send = h.partoo.reviewBooster.sendInvitation(input);
      expect((await within(bound, send)).status).toBe('sent');
      expect((await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020305' })).status).toBe(
        'sent',
      );
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/guard store failed \(no answer within 50 ms\).*Partoo's search alone/);
      // The search still guarded: the number already texted is skipped, not sent again.
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('skipped');
      answers.value = true;
      await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020306' });
      expect(warnings).toHaveLength(2);
      expect(warnings[1]).toMatch(/guard store answers again/);
      expect(h.mocks.partooState.sentCount(BIZ, input.targetPhone)).toBe(1);
    } finally {
      console.warn = warn;
    }
  });
});
