// A test file, in any worker: the mocks of the globalSetup, the clock followed, clients wired to both.
import { beforeAll, beforeEach, expect, inject, it } from 'vitest';
import { connectMockServers, type ConnectedMocks } from 'partoo-argyle-sdk/testing';

let mock: ConnectedMocks;
beforeAll(async () => {
  mock = await connectMockServers(inject('mocks'));
});
beforeEach(() => mock.reset());

it('skips the repeat, and sends again once the clock has moved 10 days', async () => {
  const partoo = mock.partooClient();
  const invitation = { businessId: 'my-business', targetPhone: '+33601020304', inviteContent: 'Thanks! @link' };
  expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('sent');
  expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('skipped');
  await mock.advanceTime(10 * 24 * 60 * 60 * 1000);
  expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('sent');
});

it('lists Argyle invites', async () => {
  const invites = await mock.argyleClient().invites.list().toArray();
  expect(invites.length).toBeGreaterThan(0);
});
