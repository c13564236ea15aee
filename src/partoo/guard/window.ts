// The guard's window, in one place: what counts as recent, when the next SMS is allowed, how long the ledger
// keeps a send, and from when the deciding search looks. Change the window here and every consequence moves.
import type { SkippedResult } from './types.js';

export const DAY_MS = 86_400_000;
/** Partoo's own rule: a number gets a new SMS only 10 days after the last one (unless forced). */
export const PARTOO_WINDOW_MS = 10 * DAY_MS;

export interface GuardWindow {
  readonly ms: number;
  /** whether an invitation sent at `sentAt` still blocks a new one at `now` */
  isRecent(sentAt: Date, now: Date): boolean;
  /** the first moment a number invited at `sentAt` may be invited again */
  nextAllowedAt(sentAt: Date): Date;
  /** how long the ledger must keep a send made at `sentAt`, seen from `now`; 0 or less: not worth recording */
  ledgerTtlMs(sentAt: Date, now: Date): number;
  /** the `after` of the deciding search at `now`: invitations sent since then are recent */
  searchSince(now: Date): Date;
  /** whether Partoo's own rule refuses every send this window would skip, so a POST can go before the search */
  coveredByPartoo: boolean;
  /** the skip for a number last invited as `id` at `sentAt` */
  skipped(targetPhone: string, id: string, sentAt: Date): SkippedResult;
}

export function guardWindow(ms: number): GuardWindow {
  const nextAllowedAt = (sentAt: Date) => new Date(sentAt.getTime() + ms);
  return {
    ms,
    isRecent: (sentAt, now) => nextAllowedAt(sentAt).getTime() > now.getTime(),
    nextAllowedAt,
    ledgerTtlMs: (sentAt, now) => nextAllowedAt(sentAt).getTime() - now.getTime(),
    searchSince: (now) => new Date(now.getTime() - ms),
    coveredByPartoo: ms <= PARTOO_WINDOW_MS,
    skipped: (targetPhone, id, sentAt) => ({
      status: 'skipped',
      reason: 'recently_invited',
      targetPhone,
      lastInvitation: { id, sentAt },
      nextAllowedAt: nextAllowedAt(sentAt),
    }),
  };
}
