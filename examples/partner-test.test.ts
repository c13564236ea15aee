// What a partner's own integration test looks like: the stateful mock, the real clients, no keys.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startMockServers, type MockServers } from 'partoo-argyle-sdk/testing';

let mock: MockServers;
beforeAll(async () => {
  mock = await startMockServers({ stateful: true, sentAfterMs: 50, deliveredAfterMs: 50 });
});
afterAll(() => mock.close());
// Empties the mock, rewinds its clock, and clears the ledgers of clients made by mock.partooClient().
beforeEach(() => mock.reset());

it('sends once, skips the repeat, sends again on day 11, and sees it delivered', async () => {
  // The mock's URL, key and clock: `advanceTime` below moves the guard's clock too.
  const partoo = mock.partooClient({ defaultCountry: 'FR' });
  const invitation = {
    businessId: 'my-business',
    targetPhone: '06 01 02 03 04',
    targetName: 'Ada',
    inviteContent: 'Thanks for coming! @link',
  };

  const first = await partoo.reviewBooster.sendInvitation(invitation);
  expect(first.status).toBe('sent');

  const repeat = await partoo.reviewBooster.sendInvitation(invitation);
  expect(repeat).toMatchObject({ status: 'skipped', reason: 'recently_invited' });

  mock.advanceTime(10 * 24 * 60 * 60 * 1000);
  const later = await partoo.reviewBooster.sendInvitation(invitation);
  expect(later.status).toBe('sent');
  if (later.status !== 'sent') return;

  const final = await partoo.reviewBooster.waitForFinalStatus(later.invitationId, { intervalMs: 25, timeoutMs: 5_000 });
  expect(final).toBe('DELIVERED');
  expect(mock.sentCount('my-business', '+33601020304')).toBe(2);
});

it('lists Argyle invites over three pages', async () => {
  const argyle = mock.argyleClient();
  const pages: number[] = [];
  for await (const page of argyle.invites.list({ limit: 2 }).pages()) pages.push(page.items.length);
  expect(pages).toEqual([2, 2, 1]);
});
