// What a send ends as at the edges of the guard: with the guard off, at the window's exact edge, when Partoo accepts
// a send without saying its id, and what the log says when another worker sent while this one waited for the lock.
import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError } from '../../src/index.js';
import type { GuardStore } from '../../src/redis/index.js';
import { BIZ, harness } from '../support/harness.js';
import { anotherWorkerSendsDuringLockWait } from '../support/guard-stores.js';

const PHONE = '+33601020304';
const input = { businessId: BIZ, targetPhone: PHONE };
const DAY = 86_400_000;

type Level = 'error' | 'warn' | 'info' | 'debug';
function capture() {
  const calls: { level: Level; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: Level) => (fields: Record<string, unknown>, message: string) =>
    void calls.push({ level, fields, message });
  return { logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') }, calls };
}

describe('a send with the guard off', () => {
  it('two concurrent sends to one number are both posted: nothing is coalesced', async () => {
    const h = await harness({ partoo: { guard: false } });
    let ids = 0;
    h.setFault(async (req, forward) =>
      req.method === 'POST' ? Response.json({ invitation_id: `inv-${++ids}` }) : forward(req),
    );
    const results = await Promise.all([
      h.partoo.reviewBooster.sendInvitation(input),
      h.partoo.reviewBooster.sendInvitation(input),
    ]);
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(h.posts()).toHaveLength(2);
  });
});

describe('the window', () => {
  const NOW = Date.UTC(2026, 5, 1, 12);
  /** A send at NOW whose search shows one invitation sent at `sentAt` (a server that does not filter by `after`). */
  const sendAfter = async (sentAt: number) => {
    const h = await harness({ partoo: { guard: { ledger: false }, now: () => new Date(NOW) } });
    h.setFault(async (req, forward) =>
      req.method === 'GET'
        ? Response.json({
            count: 1,
            page: 1,
            max_page: 1,
            review_invitations: [{ id: 'old-one', sent_time: new Date(sentAt).toISOString() }],
          })
        : forward(req),
    );
    return h.partoo.reviewBooster.sendInvitation(input);
  };

  it('ends exactly windowDays after the last invitation: invited 10 days ago to the ms, it is sent again', async () => {
    await expect(sendAfter(NOW - 10 * DAY)).resolves.toMatchObject({ status: 'sent' });
    await expect(sendAfter(NOW - 10 * DAY + 1)).resolves.toMatchObject({
      status: 'skipped',
      lastInvitation: { id: 'old-one' },
    });
  });
});

describe('a send that outlasts its window (a process paused for days mid-send)', () => {
  // The client's clock jumps a whole window while the POST is on its way: the send is already out of the window
  // when it is recorded, so nothing is recorded, and a shared store is never asked to keep an entry for 0 ms.
  const pausedSend = async (force: boolean) => {
    const { logger, calls } = capture();
    let offset = 0;
    const sets: number[] = [];
    const store: GuardStore = {
      get: async () => undefined,
      set: async (_key, _entry, ttlMs) => void sets.push(ttlMs),
      acquire: async () => true,
      release: async () => {},
    };
    const h = await harness({
      partoo: {
        guard: { store },
        now: () => new Date(Date.UTC(2026, 5, 1) + offset),
        logger,
        logLevel: 'warn',
      },
    });
    h.setFault(async (req, forward) => {
      if (req.method === 'POST') offset += 10 * DAY;
      return forward(req);
    });
    const result = await h.partoo.reviewBooster.sendInvitation({ ...input, force });
    return { result, sets, warnings: calls.filter((c) => c.level === 'warn') };
  };

  it('unforced (under the lock): sent, and nothing recorded', async () => {
    const { result, sets, warnings } = await pausedSend(false);
    expect(result.status).toBe('sent');
    expect(sets).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('forced (no lock): sent, nothing recorded, and no store failure to warn about', async () => {
    const { result, sets, warnings } = await pausedSend(true);
    expect(result.status).toBe('sent');
    expect(sets).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('Partoo accepting a send without its id', () => {
  it('when the search cannot find it either: outcome unknown, saying the answer had no invitation_id', async () => {
    const h = await harness({ partoo: { guard: { ledger: false } } });
    h.setFault(async (req, forward) => (req.method === 'POST' ? Response.json({ status: 'ok' }) : forward(req)));
    const error = await h.partoo.reviewBooster.sendInvitation(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).outcomeUnknown).toBe(true);
    expect((error as Error).message).toContain('(sendReviewInvitation: HTTP 200 response without invitation_id');
    const cause = (error as Error).cause as ApiError;
    expect(cause).toBeInstanceOf(ApiError);
    expect(cause.operation).toBe('sendReviewInvitation');
    // One POST: Partoo said it accepted the send, so it is never sent again.
    expect(h.posts()).toHaveLength(1);
  });
});

describe('the log', () => {
  it("says when another worker sent while this one waited for the number's lock", async () => {
    const { logger, calls } = capture();
    const store = anotherWorkerSendsDuringLockWait(() => h.mocks.clock.now());
    const h = await harness({ partoo: { guard: { store }, logger, logLevel: 'info' } });
    await expect(h.partoo.reviewBooster.sendInvitation(input)).resolves.toMatchObject({ status: 'skipped' });
    const decision = calls.find((c) => c.fields.event === 'guard.decision');
    expect(decision?.fields).toMatchObject({
      reason: 'ledger_after_lock_wait',
      invitationId: 'sent-by-another-worker',
    });
    expect(decision?.message).toBe(
      "sendInvitation skipped: another worker sent it while this one waited for the number's lock",
    );
  });
});
