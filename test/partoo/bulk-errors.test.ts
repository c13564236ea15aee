// A failed bulk outcome carries a typed SdkError, as the docs promise, whatever the row threw.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isSdkError, SdkError, type BulkOutcome, type SendInvitationInput } from '../../src/index.js';
import { BIZ, harness } from '../support/harness.js';

describe('a failed bulk outcome', () => {
  it('types its error as SdkError', () => {
    type Failed = Extract<BulkOutcome<SendInvitationInput>, { status: 'failed' }>;
    expectTypeOf<Failed['error']>().toEqualTypeOf<SdkError>();
    // What a consumer writes, as the docs show it: no cast needed.
    const read = (o: Failed): SdkError => o.error;
    expect(read).toBeTypeOf('function');
  });

  it('wraps a value that is not an SdkError, keeping it as the cause; the other rows go on', async () => {
    const h = await harness({ partoo: { rateLimit: false } });
    const boom = new RangeError('a getter of the caller threw');
    const hostile = {
      businessId: BIZ,
      inviteContent: 'Thanks! @link',
      get targetPhone(): string {
        throw boom;
      },
    };
    const fine = { businessId: BIZ, targetPhone: '+33601020399', inviteContent: 'Thanks! @link' };
    const outcomes = [];
    for await (const o of h.partoo.reviewBooster.sendInvitations([hostile, fine])) outcomes.push(o);
    const failed = outcomes.find((o) => o.status === 'failed');
    expect(failed?.index).toBe(0);
    if (failed?.status !== 'failed') throw new Error('the hostile row did not fail');
    expect(isSdkError(failed.error)).toBe(true);
    expect(failed.error).toBeInstanceOf(SdkError);
    // The cause is kept as a redacted copy, like every cause an SdkError carries.
    expect(failed.error.cause).toMatchObject({ name: 'RangeError', message: boom.message });
    expect(failed.error.message).toContain('RangeError: a getter of the caller threw');
    expect(outcomes.find((o) => o.index === 1)?.status).toBe('sent');
  });
});
