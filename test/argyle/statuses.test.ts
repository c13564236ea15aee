// Argyle may add status values (its API overview says so): a response carrying one is passed through and typed as
// open, while a filter still refuses a value it does not list, before any request, so a typo fails loudly.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { listQuery } from '../../src/argyle/inputs.js';
import { toInvite, type Invite, type InviteStatus } from '../../src/argyle/invite.js';

const wire = {
  id: '6f1c2a9e-0000-4c3b-9d2e-000000000001',
  user: '018051aa-f7a9-4a0d-9f38-6cfa325e9d61',
  user_token: null,
  email: 'worker1@example.com',
  phone_number: null,
  first_name: 'Worker',
  last_name: '1',
  revoked_at: null,
  group_id: null,
  url: 'https://console.argyle.com/add-work-accounts/6f1c2a9e-0000-4c3b-9d2e-000000000001',
  created_at: '2026-11-01T10:00:00.000Z',
  updated_at: '2026-11-01T10:00:00.000Z',
  invited_at: '2026-11-01T10:00:00.000Z',
  flow_id: null,
  flow_items: [],
  reply_to: [],
};

describe('invite statuses', () => {
  it('passes a status Argyle added since through, with its delivery values, never an error', () => {
    const invite = toInvite({
      ...wire,
      status: 'expired',
      deliveries: [
        {
          id: 'd7c85e44-9729-41f0-b297-f3718e195031',
          method: 'whatsapp',
          status: 'bounced',
          sent_at: '2026-11-01T10:00:01.000Z',
          updated_at: '2026-11-01T10:00:01.000Z',
        },
      ],
    } as never);
    expect(invite.status).toBe('expired');
    expect(invite.deliveries[0]).toMatchObject({ method: 'whatsapp', status: 'bounced' });
  });

  it('types a returned status as open and a filter as the documented values only', () => {
    expectTypeOf<'expired'>().toExtend<Invite['status']>();
    expectTypeOf<'completed'>().toExtend<Invite['status']>();
    expectTypeOf<Invite['status']>().not.toEqualTypeOf<InviteStatus>();
    expectTypeOf<'bounced'>().toExtend<Invite['deliveries'][number]['status']>();
    expectTypeOf<'expired'>().not.toExtend<InviteStatus>();
    expectTypeOf<InviteStatus>().toEqualTypeOf<'sent' | 'initiated' | 'attempted' | 'completed' | 'revoked'>();
  });

  it('refuses a filter value it does not list (a typo too), naming it', () => {
    for (const status of ['expired', 'complete', 'Sent', '']) {
      const error = (() => {
        try {
          listQuery({ status: [status as InviteStatus] });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]).toMatchObject({ field: 'status', rule: 'enum' });
      expect((error as ValidationError).message).toContain(JSON.stringify(status));
    }
    expect(listQuery({ status: ['sent', 'completed'] })).toEqual({ status: ['sent', 'completed'] });
  });
});
