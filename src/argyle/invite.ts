// An Argyle invite as the SDK hands it out: camelCase, dates as Dates, and the Link token kept out of logs.
import type { components } from '../generated/argyle.js';

type WireInvite = components['schemas']['Invite'];
/** The statuses Argyle documents: what `invites.list({ status })` accepts. */
export type InviteStatus = components['schemas']['InviteStatus'];
type Delivery = components['schemas']['Delivery'];
/**
 * A value Argyle added after this SDK's spec was written (its API overview says responses may gain values): passed
 * through as it came, never an error. Code that switches on a status keeps a default branch for it.
 */
type Unlisted = string & {};

export interface Invite {
  id: string;
  userId: string;
  /** Argyle Link token, valid for an hour. Not enumerable, so logging or serializing an Invite leaves it out. */
  readonly userToken: string | null;
  email: string | null;
  phoneNumber: string | null;
  firstName: string;
  lastName: string;
  /** one of InviteStatus, or a value Argyle added since (passed through as it came) */
  status: InviteStatus | Unlisted;
  groupId: string | null;
  url: string;
  createdAt: Date;
  updatedAt: Date;
  invitedAt: Date;
  revokedAt: Date | null;
  flowId: string | null;
  flowItems: string[] | null;
  replyTo: string[] | null;
  deliveries: {
    id: string;
    method: Delivery['method'] | Unlisted;
    status: Delivery['status'] | Unlisted;
    sentAt: Date;
    updatedAt: Date;
  }[];
}

export interface InvitePage {
  items: Invite[];
  next: string | null;
  previous: string | null;
}

const date = (v: string | null | undefined) => (v ? new Date(v) : null);

export function toInvite(w: WireInvite): Invite {
  const invite: Invite = {
    id: w.id,
    userId: w.user,
    userToken: w.user_token ?? null,
    email: w.email ?? null,
    phoneNumber: w.phone_number ?? null,
    firstName: w.first_name,
    lastName: w.last_name,
    status: w.status,
    groupId: w.group_id ?? null,
    url: w.url,
    createdAt: new Date(w.created_at),
    updatedAt: new Date(w.updated_at),
    invitedAt: new Date(w.invited_at),
    revokedAt: date(w.revoked_at),
    flowId: w.flow_id ?? null,
    flowItems: w.flow_items ?? null,
    replyTo: w.reply_to ?? null,
    deliveries: (w.deliveries ?? []).map((d) => ({
      id: d.id,
      method: d.method,
      status: d.status,
      sentAt: new Date(d.sent_at),
      updatedAt: new Date(d.updated_at),
    })),
  };
  // A secret: hidden from JSON.stringify, console.log and object spreads, still readable as invite.userToken.
  Object.defineProperty(invite, 'userToken', { enumerable: false });
  return invite;
}
