// What `argyle.invites` offers: client.ts implements it over `.api`.
import type { Paginated } from '../core/paginate.js';
import type { ListInvitesInput, SendInviteInput } from './inputs.js';
import type { Invite, InvitePage } from './invite.js';

export interface ArgyleInvites {
  list(input?: ListInvitesInput): Paginated<Invite, InvitePage>;
  get(id: string): Promise<Invite>;
  /**
   * Never retried after an unknown outcome: Argyle has no idempotency key, and a retry would send a second
   * invite.
   */
  send(input: SendInviteInput): Promise<Invite>;
  resend(id: string): Promise<Invite>;
  revoke(id: string): Promise<Invite>;
}
