// A test file in a jest worker: connects to the globalSetup's mocks; its clients follow the mocks' clock.
const { connectMockServers } = require('partoo-argyle-sdk/testing');

let mock;
beforeAll(async () => {
  mock = await connectMockServers(JSON.parse(process.env.MOCKS));
});
beforeEach(() => mock.reset());

test('sends once, skips the repeat, sends again 10 days later', async () => {
  const partoo = mock.partooClient();
  const invitation = { businessId: 'my-business', targetPhone: '+33601020304', inviteContent: 'Thanks! @link' };
  expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('sent');
  expect(await partoo.reviewBooster.sendInvitation(invitation)).toMatchObject({ status: 'skipped' });
  await mock.advanceTime(10 * 24 * 60 * 60 * 1000);
  expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('sent');
  expect(await mock.sentCount('my-business', '+33601020304')).toBe(2);
});

test('lists Argyle invites', async () => {
  const invites = await mock.argyleClient().invites.list().toArray();
  expect(invites.length).toBe(5);
});
