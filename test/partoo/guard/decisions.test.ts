// What an operator reads in the log for each guard decision: the sentence says what happened and why, and the
// invitation it names is the one that decided it (the new one for a send, the earlier one for a skip).
import { describe, expect, it } from 'vitest';
import { BIZ, harness } from '../../support/harness.js';

type Level = 'error' | 'warn' | 'info' | 'debug';
interface LogRecord {
  level: Level;
  fields: Record<string, unknown>;
  message: string;
}

function capture() {
  const records: LogRecord[] = [];
  const at = (level: Level) => (fields: Record<string, unknown>, message: string) =>
    void records.push({ level, fields, message });
  return { logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') }, records };
}

const input = { businessId: BIZ, targetPhone: '+33601020304' };

describe('the log line of each guard decision', () => {
  it('a send says why, with the new invitation; a skip names the invitation that caused it', async () => {
    const { logger, records } = capture();
    const h = await harness({ partoo: { logger, logLevel: 'info' } });
    const sent = await h.partoo.reviewBooster.sendInvitation(input);
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(sent.status).toBe('sent');
    const id = sent.status === 'sent' ? sent.invitationId : '';
    expect(records.map((r) => [r.message, r.fields.invitationId])).toEqual([
      ['sendInvitation sent (posted)', id],
      ['sendInvitation skipped: this number was sent to within the window (ledger, no request)', id],
    ]);
  });

  it('each reason for a skip reads as a sentence', async () => {
    const { logger, records } = capture();
    const h = await harness({ partoo: { logger, logLevel: 'info' } });
    const other = '+33601020305';
    await Promise.all([1, 2].map(() => h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: other })));
    await h.sendElsewhere('+33601020306');
    await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020306' });
    const skips = records.filter((r) => r.fields.decision === 'skipped').map((r) => r.message);
    expect(skips).toEqual([
      'sendInvitation skipped: a send to this number was already running in this process',
      "sendInvitation skipped: Partoo's search shows an invitation within the window",
    ]);
  });
});

describe('guard.ledger: false', () => {
  it('keeps no ledger: a repeat from the same client asks Partoo (one search, no POST)', async () => {
    const h = await harness({ partoo: { guard: { ledger: false } } });
    await h.partoo.reviewBooster.sendInvitation(input);
    const before = h.requests.length;
    const again = await h.partoo.reviewBooster.sendInvitation(input);
    expect(again.status).toBe('skipped');
    expect(h.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
  });
});
