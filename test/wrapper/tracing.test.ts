// Spans through the application's OpenTelemetry setup, recorded by the SDK's in-memory exporter: one per public
// operation, the guard's decision on it, errors by class, and no secret or full phone number in any attribute.
import { context, trace } from '@opentelemetry/api';
import { AsyncHooksContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from '../../src/testing/stateful/index.js';
import { BIZ, harness } from '../support/harness.js';

const exporter = new InMemorySpanExporter();
const PHONE = '+33601020304';

beforeAll(() => {
  context.setGlobalContextManager(new AsyncHooksContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(() => {
  trace.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

const spans = () => exporter.getFinishedSpans().map((s) => ({ name: s.name, attributes: s.attributes, status: s.status.code, kind: s.kind }));

describe('spans', () => {
  it('a send and a skipped repeat: one client span each, with the guard decision and its reason', async () => {
    const h = await harness();
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE });
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE });
    const [sent, skipped] = spans();
    expect(sent).toMatchObject({
      name: 'partoo.sendInvitation',
      kind: 2,
      attributes: { 'partoo.business_id': BIZ, 'partoo.guard.decision': 'sent', 'partoo.guard.reason': 'posted' },
    });
    expect(skipped.attributes).toMatchObject({ 'partoo.guard.decision': 'skipped', 'partoo.guard.reason': 'ledger' });
  });

  it('a failed call: status ERROR and error.type, never the message', async () => {
    const h = await harness();
    await expect(h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: 'not a phone' })).rejects.toThrow();
    await expect(h.partoo.reviewBooster.getInvitationStatus('unknown-invitation')).rejects.toThrow();
    expect(spans().map((s) => [s.name, s.status, s.attributes['error.type']])).toEqual([
      ['partoo.sendInvitation', 2, 'ValidationError'],
      ['partoo.getInvitationStatus', 2, 'NotFoundError'],
    ]);
  });

  it('a status poll is one span for the whole wait', async () => {
    const h = await harness();
    const sent = await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE });
    if (sent.status !== 'sent') throw new Error('not sent');
    h.mocks.clock.advance(5_000);
    await h.partoo.reviewBooster.waitForFinalStatus(sent.invitationId, { intervalMs: 1 });
    expect(spans().map((s) => s.name)).toEqual(['partoo.sendInvitation', 'partoo.waitForFinalStatus']);
  });

  it('no attribute of any span holds a key or a full phone number', async () => {
    const h = await harness();
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE });
    await h.partoo.reviewBooster.checkInvitation({ businessId: BIZ, targetPhone: PHONE });
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: 'bad' }).catch(() => {});
    const text = JSON.stringify(exporter.getFinishedSpans().map((s) => [s.name, s.attributes, s.status, s.events]));
    expect(spans()).toHaveLength(3);
    for (const secret of [DEFAULT_CREDENTIALS.apiKey, PHONE, PHONE.slice(1)]) expect(text).not.toContain(secret);
  });
});
