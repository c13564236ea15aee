// Concurrent sends in one process: one check and one POST per (business, number), and what each caller is told.
import { describe, expect, it } from 'vitest';
import { BIZ, harness } from '../../support/harness.js';

const PHONE = '+33601020304';

describe('sends running at the same time', () => {
  it('share one send per business and number, and only while it runs', async () => {
    const h = await harness();
    const send = (businessId: string, targetPhone: string) =>
      h.partoo.reviewBooster.sendInvitation({ businessId, targetPhone });
    const other = '5409c35a97bbc544d8e26738';
    const results = await Promise.all([
      send(BIZ, PHONE),
      send(BIZ, PHONE),
      send(other, PHONE),
      send(BIZ, '+33601020305'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['sent', 'skipped', 'sent', 'sent']);
    expect(h.posts()).toHaveLength(3);
  });

  it("a follower's skip says when the number may be texted again: one window after the leader's send", async () => {
    const h = await harness({ partoo: { guard: { windowDays: 2 } } });
    const before = h.mocks.clock.now().getTime();
    const [, follower] = await Promise.all([
      h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE }),
      h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE }),
    ]);
    if (follower.status !== 'skipped') throw new Error('expected the follower to be skipped');
    expect(follower.lastInvitation.sentAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(follower.nextAllowedAt.getTime() - follower.lastInvitation.sentAt.getTime()).toBe(2 * 86_400_000);
  });

  it('a leader that fails leaves the number free: the next send is not coalesced with it', async () => {
    const h = await harness({ partoo: { maxRetries: 0 } });
    let posts = 0;
    h.setFault(async (req, forward) =>
      req.method === 'POST' && posts++ === 0 ? new Response('{}', { status: 401 }) : forward(req),
    );
    const first = await Promise.allSettled([
      h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE }),
      h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE }),
    ]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE })).resolves.toMatchObject(
      {
        status: 'sent',
      },
    );
  });
});
