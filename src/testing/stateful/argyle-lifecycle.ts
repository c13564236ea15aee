// An Argyle invite's life in the stateful mock: sent -> initiated -> attempted -> completed (or revoked), moved
// by a test (setInviteStatus) or by timed steps on the mock's clock, its deliveries moving with it. Argyle sends
// no invite events, so a test drives what a real user would do in Link.
import { mockUuid, type MockClock } from './clock.js';

export type WireInvite = Record<string, any>;

export const INVITE_STATUSES = ['sent', 'initiated', 'attempted', 'completed', 'revoked'] as const;
export const DELIVERY_STATUSES = ['sent', 'delivered', 'opened', 'undelivered'] as const;
export type MockInviteStatus = (typeof INVITE_STATUSES)[number];
export type MockDeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** When the Argyle mock moves an invite on its own, as a user in Link would; by default only a test moves one. */
export interface ArgyleTimings {
  /** sent -> initiated (the user opened the link) this long after the send, on the mock's clock; default never */
  initiatedAfterMs?: number;
  /** initiated -> completed (an account connected) this long after that; default never */
  completedAfterMs?: number;
}

/** How {@link ArgyleState.setInviteStatus} moves an invite's deliveries along with its status. */
export interface SetInviteStatusOptions {
  /**
   * The newest delivery's status. By default a user in Link (initiated, attempted, completed) came through the
   * newest delivery, which becomes `opened`, and the older ones `delivered`; `undelivered` plays a bounce.
   */
  deliveryStatus?: MockDeliveryStatus;
}

const IN_LINK = new Set(['initiated', 'attempted', 'completed']);

export class InviteLifecycle {
  /** when each invite took its status, on the mock's clock: where the timed steps count from */
  private readonly since = new Map<string, number>();
  constructor(
    private readonly clock: MockClock,
    private readonly timings: ArgyleTimings,
  ) {}

  forget() {
    this.since.clear();
  }

  /** The timed steps whose time has come, each at the moment it was due. */
  refresh(inv: WireInvite) {
    const { initiatedAfterMs, completedAfterMs } = this.timings;
    let at = this.since.get(inv.id) ?? Date.parse(inv.created_at);
    const now = this.clock.nowMs();
    if (inv.status === 'sent' && initiatedAfterMs !== undefined && now - at >= initiatedAfterMs) {
      at += initiatedAfterMs;
      this.move(inv, 'initiated', at);
    }
    if (inv.status === 'initiated' && completedAfterMs !== undefined && now - at >= completedAfterMs) {
      this.move(inv, 'completed', at + completedAfterMs);
    }
  }

  /** A test's move: any status, at the mock's now. Revoking is the revoke operation's. */
  set(inv: WireInvite, status: MockInviteStatus, options: SetInviteStatusOptions = {}) {
    this.refresh(inv);
    if (status === 'revoked') this.revoke(inv);
    else this.move(inv, status, this.clock.nowMs(), options.deliveryStatus);
    if (status === 'revoked' && options.deliveryStatus) moveDelivery(inv, options.deliveryStatus, this.clock.now());
  }

  /** A re-send: a new delivery per method, first (as Argyle's example lists them), and a new invited_at. */
  resend(inv: WireInvite) {
    this.refresh(inv);
    const iso = this.clock.now().toISOString();
    inv.invited_at = iso;
    inv.updated_at = iso;
    inv.deliveries.unshift(...deliveriesFor(inv, iso));
  }

  revoke(inv: WireInvite) {
    this.refresh(inv);
    const iso = this.clock.now().toISOString();
    inv.status = 'revoked';
    inv.revoked_at ??= iso;
    inv.invited_at = iso;
    inv.updated_at = iso;
    this.since.set(inv.id, this.clock.nowMs());
  }

  private move(inv: WireInvite, status: string, atMs: number, deliveryStatus?: MockDeliveryStatus) {
    const at = new Date(atMs);
    inv.status = status;
    inv.updated_at = at.toISOString();
    this.since.set(inv.id, atMs);
    if (deliveryStatus) moveDelivery(inv, deliveryStatus, at);
    else if (IN_LINK.has(status)) {
      // Older deliveries reached the user too; the newest is the one they opened.
      for (const d of inv.deliveries.slice(1)) if (d.status === 'sent') setDelivery(d, 'delivered', at);
      if (inv.deliveries[0] && inv.deliveries[0].status !== 'opened') setDelivery(inv.deliveries[0], 'opened', at);
    }
  }
}

function moveDelivery(inv: WireInvite, status: MockDeliveryStatus, at: Date) {
  if (inv.deliveries[0]) setDelivery(inv.deliveries[0], status, at);
}

function setDelivery(d: WireInvite, status: string, at: Date) {
  d.status = status;
  d.updated_at = at.toISOString();
}

/** One delivery per method the invite goes by: email, SMS or both. */
export const deliveriesFor = (input: Record<string, any>, iso: string) =>
  [input.email && 'email', input.phone_number && 'sms']
    .filter(Boolean)
    .map((method) => ({ id: mockUuid(), method, status: 'sent', sent_at: iso, updated_at: iso }));
