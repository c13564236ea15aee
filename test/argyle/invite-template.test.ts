// overrideInviteTemplate: Argyle's documented structure, camelCase in, snake_case on the wire, every wrong part
// named before any request.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { inviteBody, type OverrideInviteTemplate, type SendInviteInput } from '../../src/argyle/inputs.js';
import type { components } from '../../src/generated/argyle.js';

const base = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
const issuesOf = (input: unknown) => {
  try {
    inviteBody(input as SendInviteInput);
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => `${i.field}:${i.rule}`);
    throw e;
  }
  throw new Error('no ValidationError');
};

describe('overrideInviteTemplate', () => {
  it('reaches the wire as override_invite_template, every documented part in its wire name', () => {
    const template: OverrideInviteTemplate = {
      brand: { color: '#112233', logo: 'https://example.com/logo.png' },
      email: {
        replyTo: ['hr@example.com', 'payroll@example.com'],
        subject: 'Connect your payroll',
        sender: 'Acme HR',
        header: 'Hello',
        subheader: 'One minute',
        bodyTextIcon1: 'https://example.com/1.png',
        bodyTextHeader2: 'Safe',
        bodyTextSubheader3: 'Private',
      },
      smsText: 'Acme: connect your payroll',
      landingPage: { header: 'Welcome', subheader: 'Three steps', step1: 'Find', step2: 'Log in', step3: 'Done' },
      flowId: 'R23CELUZ',
      successPage: { header: 'Thanks', subheader: 'All set', buttonText: 'Back', buttonUrl: 'https://example.com' },
    };
    expect(inviteBody({ ...base, overrideInviteTemplate: template })).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      override_invite_template: {
        brand: { color: '#112233', logo: 'https://example.com/logo.png' },
        email: {
          reply_to: ['hr@example.com', 'payroll@example.com'],
          subject: 'Connect your payroll',
          sender: 'Acme HR',
          header: 'Hello',
          subheader: 'One minute',
          body_text_icon_1: 'https://example.com/1.png',
          body_text_header_2: 'Safe',
          body_text_subheader_3: 'Private',
        },
        sms_text: 'Acme: connect your payroll',
        landing_page: { header: 'Welcome', subheader: 'Three steps', step_1: 'Find', step_2: 'Log in', step_3: 'Done' },
        flow_id: 'R23CELUZ',
        success_page: {
          header: 'Thanks',
          subheader: 'All set',
          button_text: 'Back',
          button_url: 'https://example.com',
        },
      },
    });
  });

  it('sends only what was given: reply-to alone is just email.reply_to', () => {
    const body = inviteBody({ ...base, overrideInviteTemplate: { email: { replyTo: ['hr@example.com'] } } });
    expect(body).toMatchObject({ override_invite_template: { email: { reply_to: ['hr@example.com'] } } });
    expect(Object.keys(body)).toContain('override_invite_template');
    expect(inviteBody(base)).not.toHaveProperty('override_invite_template');
  });

  it('is typed from the spec: camelCase of each documented name, nothing else', () => {
    type Wire = components['schemas']['OverrideInviteTemplate'];
    expectTypeOf<keyof OverrideInviteTemplate>().toEqualTypeOf<
      'brand' | 'email' | 'smsText' | 'landingPage' | 'flowId' | 'successPage'
    >();
    expectTypeOf<NonNullable<OverrideInviteTemplate['email']>['replyTo']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<keyof NonNullable<OverrideInviteTemplate['landingPage']>>().toEqualTypeOf<
      'header' | 'subheader' | 'step1' | 'step2' | 'step3'
    >();
    expectTypeOf<keyof NonNullable<Wire['email']>>().toExtend<string>();
    // @ts-expect-error reply_to is spelled replyTo on the wrapper
    const wrong: OverrideInviteTemplate = { email: { reply_to: ['a@example.com'] } };
    expect(wrong).toBeTruthy();
  });

  it('names every unknown or mistyped part by its path, before any request', () => {
    expect(
      issuesOf({
        ...base,
        overrideInviteTemplate: {
          email: { reply_to: ['a@example.com'], replyTo: ['not-an-email', 'b@example.com'], subject: 3 },
          brand: 'red',
          smsText: ['x'],
          sms: 'x',
        },
      }),
    ).toEqual([
      'overrideInviteTemplate.email.reply_to:unknown',
      'overrideInviteTemplate.email.replyTo:email',
      'overrideInviteTemplate.email.subject:type',
      'overrideInviteTemplate.brand:type',
      'overrideInviteTemplate.smsText:type',
      'overrideInviteTemplate.sms:unknown',
    ]);
    expect(issuesOf({ ...base, overrideInviteTemplate: [] })).toEqual(['overrideInviteTemplate:type']);
    expect(issuesOf({ ...base, overrideInviteTemplate: { email: { replyTo: [] } } })).toEqual([
      'overrideInviteTemplate.email.replyTo:type',
    ]);
    expect(issuesOf({ ...base, overrideInviteTemplate: { email: { replyTo: 'hr@example.com' } } })).toEqual([
      'overrideInviteTemplate.email.replyTo:type',
    ]);
  });
});
