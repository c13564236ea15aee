import { describe, expect, it } from 'vitest';
import { ConnectionError, ServerError, ValidationError } from '../../src/index.js';
import { connectionReset, harness } from '../support/harness.js';

describe('argyle invites', () => {
  it('sends camelCase input as the wire shape and returns a camelCase invite', async () => {
    const h = await harness();
    const invite = await h.argyle.invites.send({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      externalId: 'emp-1',
    });
    expect(h.requests[0].body).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      external_id: 'emp-1',
    });
    expect(invite).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', status: 'sent' });
    expect(invite.invitedAt).toBeInstanceOf(Date);
    expect(await h.argyle.invites.get(invite.id)).toMatchObject({ id: invite.id });
    const resent = await h.argyle.invites.resend(invite.id);
    expect(resent.deliveries).toHaveLength(2);
    const revoked = await h.argyle.invites.revoke(invite.id);
    expect(revoked.status).toBe('revoked');
    expect(revoked.revokedAt).toBeInstanceOf(Date);
  });

  it('keeps user_token off the enumerable fields, so logs and JSON leave it out', async () => {
    const h = await harness();
    const invite = await h.argyle.invites.send({ firstName: 'Ada', lastName: 'Lovelace', phoneNumber: '+12125555555' });
    expect(invite.userToken).toMatch(/^mock-user-token-/);
    expect(JSON.stringify(invite)).not.toContain('mock-user-token');
    expect(Object.keys(invite)).not.toContain('userToken');
  });

  it('requires names and an email or a phone, before any request', async () => {
    const h = await harness();
    const error = await h.argyle.invites.send({ firstName: '', lastName: undefined } as never).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i: { field: string; rule: string }) => `${i.field}:${i.rule}`)).toEqual([
      'firstName:nonEmpty',
      'lastName:required',
      'email:required',
    ]);
    await expect(h.argyle.invites.get('not-a-uuid')).rejects.toBeInstanceOf(ValidationError);
    expect(h.requests).toHaveLength(0);
  });

  it('never repeats a send whose outcome is unknown (no idempotency key at Argyle)', async () => {
    const h = await harness();
    h.setFault(async (req, forward) => {
      if (req.method === 'POST') {
        await forward(req);
        throw connectionReset();
      }
      return forward(req);
    });
    const error = await h.argyle.invites
      .send({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    // Which server failed: the host (and port, when there is one) of the request.
    expect(error.message).toContain('POST argyle.test/v2/invites failed: ECONNRESET');
    expect(h.posts()).toHaveLength(1);
    h.setFault(async () => new Response('{"detail":"boom"}', { status: 500 }));
    await expect(
      h.argyle.invites.send({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }),
    ).rejects.toBeInstanceOf(ServerError);
    expect(h.posts()).toHaveLength(2);
  });
});
