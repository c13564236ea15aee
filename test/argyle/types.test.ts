// The invite-creation body's type is the spec's either/or, not `unknown`: what `.api` accepts at compile time,
// and what the client refuses at run time where the caller's types cannot say which contact is given.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ArgyleComponents, ArgylePaths } from '../../src/index.js';
import { ValidationError } from '../../src/index.js';
import { harness } from '../support/harness.js';

type InviteCreate = ArgyleComponents['schemas']['InviteCreate'];
type PostBody = NonNullable<ArgylePaths['/v2/invites']['post']['requestBody']>['content']['application/json'];

describe('the invite-creation body', () => {
  it('is precise: a name and an email or a phone number (or both), nothing else', () => {
    expectTypeOf<PostBody>().toEqualTypeOf<InviteCreate>();
    expectTypeOf<InviteCreate>().not.toBeUnknown();
    expectTypeOf({ first_name: 'A', last_name: 'B', email: 'a@example.com' }).toExtend<InviteCreate>();
    expectTypeOf({ first_name: 'A', last_name: 'B', phone_number: '+12125555555' }).toExtend<InviteCreate>();
    expectTypeOf({ first_name: 'A', last_name: 'B', email: 'a@b.co', phone_number: '+1212' }).toExtend<InviteCreate>();
    expectTypeOf({ first_name: 'A', last_name: 'B' }).not.toExtend<InviteCreate>();
    expectTypeOf({ email: 'a@example.com' }).not.toExtend<InviteCreate>();
    expectTypeOf(42).not.toExtend<InviteCreate>();
  });

  it('.api.POST refuses a body that is not an invite at compile time', async () => {
    const h = await harness();
    // @ts-expect-error a number is not an invite-creation body (it compiled while the spec's oneOf made it unknown)
    const wrong = await h.argyle.api.POST('/v2/invites', { body: 42 });
    expect(wrong.response.status).toBe(400);
    // @ts-expect-error neither an email nor a phone number
    const neither = await h.argyle.api.POST('/v2/invites', { body: { first_name: 'A', last_name: 'B' } });
    expect(neither.response.status).toBe(400);
    const ok = await h.argyle.api.POST('/v2/invites', {
      body: { first_name: 'A', last_name: 'B', email: 'a@example.com' },
    });
    expect(ok.response.status).toBe(200);
  });

  it('invites.send checks the either/or at run time, before any request', async () => {
    const h = await harness();
    const error = await h.argyle.invites.send({ firstName: 'A', lastName: 'B' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { field: 'email', rule: 'required', message: 'email or phoneNumber is required' },
    ]);
    expect(h.requests).toHaveLength(0);
    const sent = await h.argyle.invites.send({ firstName: 'A', lastName: 'B', phoneNumber: '+12125555555' });
    expect(sent.phoneNumber).toBe('+12125555555');
    expect(h.requests.at(-1)?.body).toEqual({ first_name: 'A', last_name: 'B', phone_number: '+12125555555' });
  });
});
