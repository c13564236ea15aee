// Run by scripts/pull-check.ts inside the scratch copy of a pull: the wrapper's four Review Booster calls (a guarded
// send, the skip of its repeat, the status, the search) against the stateful mock built from the candidate spec.
// It prints one JSON line: the steps that held, and the first that did not with its error and stack (whose first
// frame in src/ the pull reports as file:line).
import { startMockServers } from '../src/testing/index.js';

interface SmokeResult {
  passed: string[];
  failed?: { step: string; message: string; stack: string };
}

async function walk(result: SmokeResult): Promise<void> {
  let step = 'start the stateful mock';
  const mock = await startMockServers({ stateful: true, sentAfterMs: 10, deliveredAfterMs: 10 });
  try {
    result.passed.push(step);
    // The mock's own URL, key and clock, as a partner's test gets them.
    const partoo = mock.partooClient({ rateLimit: false, logLevel: 'off' });
    const invitation = {
      businessId: 'pull-check',
      targetPhone: '+33601020304',
      targetName: 'Pull Check',
      inviteContent: 'Thanks for coming! @link',
    };
    step = 'the guarded send';
    const sent = await partoo.reviewBooster.sendInvitation(invitation);
    if (sent.status !== 'sent') throw new Error(`the first send answered ${sent.status}, not sent`);
    result.passed.push(step);
    step = 'the skip of a repeat';
    const repeat = await partoo.reviewBooster.sendInvitation(invitation);
    if (repeat.status !== 'skipped') throw new Error(`the repeat answered ${repeat.status}, not skipped`);
    if (repeat.lastInvitation.id !== sent.invitationId) throw new Error('the skip names another invitation');
    result.passed.push(step);
    step = 'the status';
    const status = await partoo.reviewBooster.getInvitationStatus(sent.invitationId);
    if (typeof status !== 'string' || !status) throw new Error(`the status answered ${JSON.stringify(status)}`);
    result.passed.push(step);
    step = 'the search';
    const found: string[] = [];
    const search = { businessId: invitation.businessId, targetPhone: invitation.targetPhone };
    for await (const inv of partoo.reviewBooster.searchInvitations(search)) found.push(inv.id);
    if (!found.includes(sent.invitationId)) throw new Error(`the search found ${found.length}, not the one sent`);
    result.passed.push(step);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    result.failed = { step, message: err.message, stack: err.stack ?? '' };
  } finally {
    await mock.close();
  }
}

const result: SmokeResult = { passed: [] };
try {
  await walk(result);
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  result.failed = { step: 'start the stateful mock', message: err.message, stack: err.stack ?? '' };
}
console.log(JSON.stringify(result));
