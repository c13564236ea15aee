// The partner example test's MSW twin: the same stateful mock in-process, no port, no child process.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createMockHandlers } from 'partoo-argyle-sdk/msw';

// Handlers on Partoo's and Argyle's production URLs: the code under test keeps its own configuration.
const mock = createMockHandlers({ sentAfterMs: 50, deliveredAfterMs: 50 });
const server = setupServer(...mock.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
// Empties the mock, rewinds its clock, and clears the ledgers of clients made by mock.partooClient().
beforeEach(() => {
  server.resetHandlers();
  mock.reset();
});

it('sends once, skips the repeat, sends again on day 11, and sees it delivered', async () => {
  // The mock's key and clock: `advanceTime` below moves the guard's clock too.
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

  mock.advanceTime(100); // past sentAfterMs + deliveredAfterMs on the mock's clock: no waiting
  expect(await partoo.reviewBooster.waitForFinalStatus(later.invitationId)).toBe('DELIVERED');
  expect(mock.sentCount('my-business', '+33601020304')).toBe(2);
});

it('lists Argyle invites over three pages', async () => {
  const argyle = mock.argyleClient();
  const pages: number[] = [];
  for await (const page of argyle.invites.list({ limit: 2 }).pages()) pages.push(page.items.length);
  expect(pages).toEqual([2, 2, 1]);
});

it('lets one test answer differently: a Partoo outage', async () => {
  server.use(http.all('https://api.partoo.co/*', () => HttpResponse.json({ errors: {} }, { status: 503 })));
  const partoo = mock.partooClient({ maxRetries: 0 });
  await expect(partoo.reviewBooster.getInvitationStatus('any')).rejects.toMatchObject({ status: 503 });
});
