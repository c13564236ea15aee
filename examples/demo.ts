// `npm run demo`: the main job, end to end, against the built-in stateful mocks. No keys needed.
import { createArgyleClient, createPartooClient } from 'partoo-argyle-sdk';
import { startMockServers } from 'partoo-argyle-sdk/testing';

const mock = await startMockServers({ stateful: true, sentAfterMs: 300, deliveredAfterMs: 300 });
const line = (label: string, text: string) => console.log(`${label.padEnd(26)} ${text}`);
try {
  const partoo = createPartooClient({
    apiKey: mock.partooApiKey,
    baseUrl: mock.partooUrl,
    defaultCountry: 'FR',
    now: () => mock.now(),
  });
  const argyle = createArgyleClient({
    apiKeyId: mock.argyleApiKeyId,
    apiKeySecret: mock.argyleApiKeySecret,
    baseUrl: mock.argyleUrl,
  });
  const invitation = {
    businessId: 'demo-business',
    targetPhone: '06 01 02 03 04',
    targetName: 'Ada Lovelace',
    inviteContent: 'Thanks for your visit! Tell us how it went: @link',
  };

  console.log(`Partoo Review Booster (mock at ${mock.partooUrl})`);
  const sent = await partoo.reviewBooster.sendInvitation(invitation);
  if (sent.status !== 'sent') throw new Error(`expected a send, got ${sent.status}`);
  line('  guarded send', `sent to ${sent.targetPhone}, invitation ${sent.invitationId}`);

  const again = await partoo.reviewBooster.sendInvitation(invitation);
  if (again.status !== 'skipped') throw new Error(`expected a skip, got ${again.status}`);
  line('  same number again', `skipped (${again.reason}); next allowed ${again.nextAllowedAt.toISOString()}`);

  const final = await partoo.reviewBooster.waitForFinalStatus(sent.invitationId, {
    intervalMs: 150,
    timeoutMs: 10_000,
  });
  line('  status polled', final);

  mock.advanceTime(10 * 86_400_000 + 1000);
  const later = await partoo.reviewBooster.sendInvitation(invitation);
  line('  10 days later', `${later.status}${later.status === 'sent' ? `, invitation ${later.invitationId}` : ''}`);
  line('  SMS the mock sent', String(mock.sentCount('demo-business', '+33601020304')));

  const batch = ['06 11 11 11 11', '06 22 22 22 22', '06 01 02 03 04', 'not a phone', '06 11 11 11 11'].map(
    (targetPhone) => ({ ...invitation, targetPhone }),
  );
  const tally: Record<string, number> = {};
  const onProgress = (p: { done: number }) =>
    process.stdout.isTTY && process.stdout.write(`\r  bulk progress            ${p.done}/${batch.length}`);
  for await (const o of partoo.reviewBooster.sendInvitations(batch, { concurrency: 2, onProgress })) {
    tally[o.status] = (tally[o.status] ?? 0) + 1;
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  line(
    '  bulk batch of 5',
    Object.entries(tally)
      .map(([k, v]) => `${v} ${k}`)
      .join(', '),
  );

  console.log(`\nArgyle invites (mock at ${mock.argyleUrl})`);
  const invite = await argyle.invites.send({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
  line('  invite sent', `${invite.firstName} ${invite.lastName} <${invite.email}> ${invite.status}`);
  let pageNo = 0;
  for await (const page of argyle.invites.list({ limit: 2 }).pages()) {
    line(`  page ${++pageNo}`, page.items.map((i) => `${i.firstName} ${i.lastName} (${i.status})`).join(', '));
  }
  console.log('\ndemo finished: 0 errors');
} finally {
  await mock.close();
}
