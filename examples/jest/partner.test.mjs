// A partner's jest test (ESM mode: NODE_OPTIONS=--experimental-vm-modules npx jest), the mocks in-process with msw.
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { setupServer } from 'msw/node';
import { createMockHandlers } from 'partoo-argyle-sdk/msw';

const mock = createMockHandlers();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

test('one SMS per number, the repeat skipped', async () => {
  const partoo = mock.partooClient();
  const invitation = { businessId: 'biz-1', targetPhone: '+33601020304', inviteContent: 'Thanks! Review us: @link' };
  expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('sent');
  expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('skipped');
  expect(mock.sentCount('biz-1', '+33601020304')).toBe(1);
});
