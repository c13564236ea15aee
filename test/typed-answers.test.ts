// The wrapper reads each answer through `unwrapOk(reply, operationId)`, typed from the generated `operations`: a
// typo in an operation id, or a field the spec does not declare, fails `tsc` (CI's type-check runs over tests).
import { describe, expectTypeOf, it } from 'vitest';
import { unwrapOk as argyleUnwrap } from '../src/argyle/api.js';
import { unwrapOk as partooUnwrap, type OkBody } from '../src/partoo/api.js';
import type { InvitationStatus } from '../src/partoo/invitations.js';

declare const reply: Parameters<typeof partooUnwrap>[0];

describe('answers typed by operation id', () => {
  it("Partoo's: the status union and the send answer come from the spec", async () => {
    expectTypeOf<NonNullable<OkBody<'getReviewInvitationStatus'>['status']>>().toEqualTypeOf<InvitationStatus>();
    expectTypeOf<OkBody<'sendReviewInvitation'>>().toHaveProperty('invitation_id');
    const check = async () => {
      // @ts-expect-error an operation id the spec does not have
      await partooUnwrap(reply, 'getReviewInvitationStatuz');
      // @ts-expect-error a field the status answer does not declare
      return (await partooUnwrap(reply, 'getReviewInvitationStatus')).statuz;
    };
    expectTypeOf(check).toBeFunction();
  });

  it("Argyle's: an invite's fields come from the spec", async () => {
    const check = async () => {
      // @ts-expect-error an operation id the spec does not have
      await argyleUnwrap(reply, 'getInvit');
      // @ts-expect-error a field an invite does not declare
      return (await argyleUnwrap(reply, 'getInvite')).first_nam;
    };
    expectTypeOf(check).toBeFunction();
  });
});
