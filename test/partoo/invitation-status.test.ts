import { describe, expect, expectTypeOf, it } from 'vitest';
import { NotFoundError, ServerError, TimeoutError, ValidationError } from '../../src/index.js';
import { BIZ, harness } from '../support/harness.js';

describe('invitation status', () => {
  it('moves CREATED -> SENT -> DELIVERED on the mock clock', async () => {
    const h = await harness();
    const sent = await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020304' });
    if (sent.status !== 'sent') throw new Error('not sent');
    expect(await h.partoo.reviewBooster.getInvitationStatus(sent.invitationId)).toBe('CREATED');
    h.mocks.clock.advance(1000);
    expect(await h.partoo.reviewBooster.getInvitationStatus(sent.invitationId)).toBe('SENT');
    h.mocks.clock.advance(1000);
    const final = await h.partoo.reviewBooster.waitForFinalStatus(sent.invitationId, { intervalMs: 1 });
    expect(final).toBe('DELIVERED');
    // Typed as what it can return: a switch over it needs no CREATED or SENT branch.
    expectTypeOf(final).toEqualTypeOf<'DELIVERED' | 'FAILED_SEND' | 'FAILED_DELIVERY'>();
  });

  it('waits by polling until a final status', async () => {
    const h = await harness({ mock: { sentAfterMs: 20, deliveredAfterMs: 20 } });
    const sent = await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020000' });
    if (sent.status !== 'sent') throw new Error('not sent');
    expect(await h.partoo.reviewBooster.waitForFinalStatus(sent.invitationId, { intervalMs: 10 })).toBe(
      'FAILED_DELIVERY',
    );
    expect(h.requests.filter((r) => r.path.endsWith('invitation_status')).length).toBeGreaterThan(1);
  });

  it('leaves no timer behind once it returns (a process with nothing else to do can exit)', async () => {
    const h = await harness();
    const sent = await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020304' });
    if (sent.status !== 'sent') throw new Error('not sent');
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    h.mocks.clock.advance(5000);
    expect(
      await h.partoo.reviewBooster.waitForFinalStatus(sent.invitationId, { intervalMs: 1, timeoutMs: 600_000 }),
    ).toBe('DELIVERED');
    expect(timers()).toBe(before);
  });

  it('times out with the last status, and stops on abort', async () => {
    const h = await harness();
    const sent = await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020304' });
    if (sent.status !== 'sent') throw new Error('not sent');
    const timeout = await h.partoo.reviewBooster
      .waitForFinalStatus(sent.invitationId, { intervalMs: 10, timeoutMs: 30 })
      .catch((e) => e);
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(timeout.message).toMatch(/no final status within 30 ms \(last: CREATED\)/);
    const controller = new AbortController();
    const waiting = h.partoo.reviewBooster.waitForFinalStatus(sent.invitationId, {
      intervalMs: 10_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('stopped by caller')), 20);
    await expect(waiting).rejects.toThrow('stopped by caller');
  });

  it('reads a response that a middleware on .api replaced, and still types a malformed one', async () => {
    const h = await harness();
    const sent = await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020304' });
    if (sent.status !== 'sent') throw new Error('not sent');
    let replacement = JSON.stringify({ invitation_id: sent.invitationId, status: 'FAILED_SEND' });
    h.partoo.api.use({
      onResponse: () => new Response(replacement, { status: 200, headers: { 'content-type': 'application/json' } }),
    });
    expect(await h.partoo.reviewBooster.getInvitationStatus(sent.invitationId)).toBe('FAILED_SEND');
    replacement = '{"status": "DELIV';
    await expect(h.partoo.reviewBooster.getInvitationStatus(sent.invitationId)).rejects.toThrow(
      /malformed response: expected JSON/,
    );
  });

  it('raises NotFoundError for an unknown invitation', async () => {
    const h = await harness();
    await expect(
      h.partoo.reviewBooster.getInvitationStatus('d3d8c966-0356-4ec0-baae-13ec3622ebc2'),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.partoo.reviewBooster.getInvitationStatus('')).rejects.toBeInstanceOf(ValidationError);
  });

  it('retries a GET that gets 503 twice, then raises ServerError', async () => {
    const h = await harness();
    h.setFault(async () => new Response('{"errors":{"json":"unavailable"}}', { status: 503 }));
    const error = await h.partoo.reviewBooster
      .getInvitationStatus('d3d8c966-0356-4ec0-baae-13ec3622ebc2')
      .catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(503);
    expect(error.message).toContain('unavailable');
    expect(h.requests).toHaveLength(3);
    expect(h.sleeps).toHaveLength(2);
  });

  it('turns a malformed or truncated success body into an ApiError with the status', async () => {
    const h = await harness();
    h.setFault(
      async () => new Response('{"status": "DELIV', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    await expect(h.partoo.reviewBooster.getInvitationStatus('x')).rejects.toThrow(
      /HTTP 200 malformed response: expected JSON, got application\/json: \{"status": "DELIV/,
    );
    h.setFault(
      async () => new Response('<html>gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    await expect(h.partoo.reviewBooster.getInvitationStatus('x')).rejects.toThrow(/got text\/html/);
  });

  it('times out each attempt on its own', async () => {
    const h = await harness({ partoo: { timeoutMs: 20, maxRetries: 1 } });
    h.setFault(
      (req) => new Promise((_, reject) => req.signal.addEventListener('abort', () => reject(req.signal.reason))),
    );
    const error = await h.partoo.reviewBooster.getInvitationStatus('x').catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(h.requests).toHaveLength(2);
  });
});
