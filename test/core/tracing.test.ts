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

const spans = () =>
  exporter
    .getFinishedSpans()
    .map((s) => ({ name: s.name, attributes: s.attributes, status: s.status.code, kind: s.kind }));

describe('spans', () => {
  it('a send and a skipped repeat: one client span each, with the guard decision and its reason', async () => {
    const h = await harness();
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE });
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE });
    const [sent, skipped] = spans().filter((s) => s.name.startsWith('partoo.'));
    expect(sent).toMatchObject({
      name: 'partoo.sendInvitation',
      kind: 2,
      attributes: { 'partoo.business_id': BIZ, 'partoo.guard.decision': 'sent', 'partoo.guard.reason': 'posted' },
    });
    expect(skipped.attributes).toMatchObject({ 'partoo.guard.decision': 'skipped', 'partoo.guard.reason': 'ledger' });
  });

  it('each HTTP attempt is a child span of its operation, with the HTTP client conventions and no query', async () => {
    const h = await harness();
    let failures = 0;
    h.setFault(async (req, forward) =>
      req.method === 'GET' && failures++ < 1 ? new Response('{}', { status: 503 }) : forward(req),
    );
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE });
    const finished = exporter.getFinishedSpans();
    const operation = finished.find((s) => s.name === 'partoo.sendInvitation')!;
    const attempts = finished.filter((s) => s !== operation);
    expect(
      attempts.map((s) => [
        s.name,
        s.attributes['http.response.status_code'],
        s.attributes['http.request.resend_count'],
      ]),
    ).toEqual([
      ['GET', 503, undefined],
      ['GET', 200, 1],
      ['POST', 200, undefined],
    ]);
    for (const a of attempts) {
      expect(a.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
      expect(a.attributes).toMatchObject({
        'server.address': 'partoo.test',
        'server.port': 443,
        'http.request.method': a.name,
      });
      expect(String(a.attributes['url.full'])).not.toContain('?');
    }
    expect(attempts[0].attributes['error.type']).toBe('503');
  });

  it('a failed call: status ERROR and error.type, never the message', async () => {
    const h = await harness();
    await expect(
      h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: 'not a phone' }),
    ).rejects.toThrow();
    await expect(h.partoo.reviewBooster.getInvitationStatus('unknown-invitation')).rejects.toThrow();
    const operations = spans().filter((s) => s.name.startsWith('partoo.'));
    expect(operations.map((s) => [s.name, s.status, s.attributes['error.type']])).toEqual([
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
    expect(
      spans()
        .map((s) => s.name)
        .filter((n) => n.startsWith('partoo.')),
    ).toEqual(['partoo.sendInvitation', 'partoo.waitForFinalStatus']);
  });

  it('Argyle: a span per operation, its request nested under it, no key anywhere', async () => {
    const h = await harness();
    const invite = await h.argyle.invites.send({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
    await h.argyle.invites.revoke(invite.id);
    const finished = exporter.getFinishedSpans();
    const names = finished.map((s) => s.name);
    expect(names).toEqual(['POST', 'argyle.invites.send', 'POST', 'argyle.invites.revoke']);
    expect(finished[0].parentSpanContext?.spanId).toBe(finished[1].spanContext().spanId);
    const text = JSON.stringify(finished.map((s) => s.attributes));
    for (const secret of [DEFAULT_CREDENTIALS.apiKeyId, DEFAULT_CREDENTIALS.apiKeySecret])
      expect(text).not.toContain(secret);
  });

  it('no attribute of any span holds a key or a full phone number', async () => {
    const h = await harness();
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE });
    await h.partoo.reviewBooster.checkInvitation({ businessId: BIZ, targetPhone: PHONE });
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: 'bad' }).catch(() => {});
    const text = JSON.stringify(exporter.getFinishedSpans().map((s) => [s.name, s.attributes, s.status, s.events]));
    expect(spans().filter((s) => s.name.startsWith('partoo.'))).toHaveLength(3);
    for (const secret of [DEFAULT_CREDENTIALS.apiKey, PHONE, PHONE.slice(1)]) expect(text).not.toContain(secret);
  });
});
