// The duplicate guard (DESIGN.md): one SMS per (business, E.164 number) per window, and a write whose
// outcome is unknown is checked with a search, never blindly repeated.
import { ApiError, BadRequestError, ConnectionError, ServerError } from '../../core/errors.js';
import type { Invitation } from '../invitations.js';
import type { GuardStore } from './lock-loop.js';
import type { GuardLedger } from './ledger.js';
import { backoffCeiling } from '../../core/transport.js';

export interface GuardOptions {
  /** days between two SMS to one number; Partoo's own rule is 10 */
  windowDays?: number;
  /** what this client sent recently, so a repeat costs no request; default in memory, `false` turns it off */
  ledger?: GuardLedger | false;
  /**
   * A store shared by several workers (e.g. `redisGuardStore` from `partoo-argyle-sdk/redis`): its ledger replaces
   * the in-memory one, and a short lock per number makes workers take turns. If it fails, the guard goes on
   * with Partoo's search alone, and says so once.
   */
  store?: GuardStore;
  /** how long a worker may hold a number's lock before another may take it, default 60000 */
  lockTtlMs?: number;
  /**
   * After a send whose outcome is unknown (a timeout, a connection lost after the request was written, a 5xx),
   * how long to wait, counted from when the client gave up, before the search that decides whether to send
   * again: a request the client abandoned may still be travelling. Default: the larger of `timeoutMs` and 30000.
   */
  settleMs?: number;
  /**
   * With `force: true`, Partoo's own 10-day rule is off, so nothing refuses a second POST if the first one lands
   * after the deciding search. `false` (default): such a send ends in `ConnectionError { outcomeUnknown: true }`
   * instead; `true`: it is sent again, accepting a possible double SMS.
   */
  resendUnknown?: boolean;
  /** a deadline for each call to `store`, default 500 ms; past it the send goes on with Partoo's search alone */
  storeTimeoutMs?: number;
}

export type SendResult =
  | { status: 'sent'; invitationId: string; targetPhone: string }
  | {
      status: 'skipped';
      reason: 'recently_invited';
      targetPhone: string;
      lastInvitation: { id: string; sentAt: Date };
      nextAllowedAt: Date;
    };

export type SkippedResult = Extract<SendResult, { status: 'skipped' }>;

/** The skip for a number last invited as `id` at `sentAt`: the next SMS is allowed one window later. */
export const skippedFor = (targetPhone: string, id: string, sentAt: Date, windowMs: number): SkippedResult => ({
  status: 'skipped',
  reason: 'recently_invited',
  targetPhone,
  lastInvitation: { id, sentAt },
  nextAllowedAt: new Date(sentAt.getTime() + windowMs),
});

/** Told each decision and what made it; returns the result it was given. */
export type GuardNote = <R extends SendResult>(result: R, reason: string) => R;

export interface GuardDeps {
  now: () => Date;
  windowMs: number | undefined; // undefined: guard off
  maxRetries: number;
  /** the wait between giving up on a send whose outcome is unknown and the search that may allow another */
  settleMs: number;
  /** with force, send again when that search shows nothing (Partoo's own rule no longer backs a retry) */
  resendUnknown: boolean;
  /** the newest invitation to (business, phone) sent at or after `since` */
  findNewest(businessId: string, phone: string, since: Date): Promise<Invitation | undefined>;
  post(): Promise<{ invitationId: string }>;
  sleep(ms: number): Promise<void>;
  note?: GuardNote;
}

// Partoo's clock and ours differ; an invitation this much older than our POST still counts as ours.
// Erring this way can only turn a resend into a skip, never a skip into a second SMS.
const CLOCK_SLACK_MS = 120_000;

type GuardInput = { businessId: string; targetPhone: string; force: boolean };

export async function guardedSend(input: GuardInput, deps: GuardDeps): Promise<SendResult> {
  // Stryker disable next-line ArrowFunction: every caller passes note; the default only keeps it optional
  const note: GuardNote = deps.note ?? ((result) => result);
  if (!input.force && deps.windowMs !== undefined) {
    const recent = await deps.findNewest(input.businessId, input.targetPhone, windowStart(deps));
    if (recent) return note(skippedBy(input, recent, deps), 'search');
  }
  for (let attempt = 0; ; attempt++) {
    const attemptAt = deps.now();
    try {
      const { invitationId } = await deps.post();
      const reason = attempt === 0 ? 'posted' : 'posted_again_after_checking';
      return note({ status: 'sent', invitationId, targetPhone: input.targetPhone }, reason);
    } catch (error) {
      const failed = { error, attempt, attemptAt };
      const settled = await afterFailedPost(input, deps, note, failed);
      if (settled) return settled;
    }
  }
}

/** A POST that failed: when it was made, which attempt it was, and why. */
interface FailedPost {
  error: unknown;
  attempt: number;
  attemptAt: Date;
}

const windowStart = (deps: GuardDeps) => new Date(deps.now().getTime() - (deps.windowMs ?? 0));
const skippedBy = (input: GuardInput, inv: Invitation, deps: GuardDeps) =>
  skippedFor(input.targetPhone, inv.id, inv.sentAt, deps.windowMs ?? 0);

/** A result (a skip, or the send a search found), a thrown error, or undefined: send again. */
async function afterFailedPost(input: GuardInput, deps: GuardDeps, note: GuardNote, failed: FailedPost) {
  const { error } = failed;
  if (error instanceof BadRequestError && !input.force && deps.windowMs !== undefined) {
    // Another worker may have sent between our search and our POST: Partoo then refuses with a 400
    // whose wording is undocumented, so look rather than read the message.
    const recent = await deps.findNewest(input.businessId, input.targetPhone, windowStart(deps)).catch(() => undefined);
    if (recent) return note(skippedBy(input, recent, deps), 'partoo_rule');
    throw error;
  }
  if (!outcomeUnknown(error)) throw error;
  return afterUnknownOutcome(input, deps, note, failed);
}

async function afterUnknownOutcome(
  input: GuardInput,
  deps: GuardDeps,
  note: GuardNote,
  { error, attempt, attemptAt }: FailedPost,
): Promise<SendResult | undefined> {
  const unknown = (why: string) =>
    new ConnectionError(
      `sendReviewInvitation: the send's outcome is unknown (${(error as Error).message}) ${why}; ` +
        'search before sending again',
      { cause: error, outcomeUnknown: true },
    );
  // A 2xx says Partoo acted even when its search does not show the invitation yet: never send again.
  // Stryker disable next-line EqualityOperator: only 408, 5xx and 2xx reach here; < 300 and <= 300 agree
  const accepted = error instanceof ApiError && error.status < 300;
  const retrying = !accepted && attempt < deps.maxRetries;
  // The request we gave up on may still be on its way (held by a proxy, a slow queue): the search that decides
  // whether to send again waits for it, from the moment we gave up, so a late arrival shows in it.
  if (retrying) await deps.sleep(Math.max(deps.settleMs, backoffCeiling(attempt)));
  let found: Invitation | undefined;
  try {
    found = await deps.findNewest(input.businessId, input.targetPhone, new Date(attemptAt.getTime() - CLOCK_SLACK_MS));
  } catch (checkError) {
    throw unknown(`and checking it failed (${(checkError as Error).message})`);
  }
  const { targetPhone } = input;
  if (found) return note({ status: 'sent', invitationId: found.id, targetPhone }, 'unknown_outcome_found_by_search');
  if (accepted) throw unknown('and a search does not show it yet');
  if (!retrying) throw error;
  // Nothing shows after the settle time. Without force, Partoo's own rule refuses a second SMS should the first
  // still land first (that 400 reads as skipped); with force nothing does, so only the caller may accept it.
  if (input.force && !deps.resendUnknown) {
    throw unknown(
      `and a search ${deps.settleMs} ms later does not show it; not sent again, as force bypasses Partoo's own ` +
        'rule (guard.resendUnknown: true accepts a possible double)',
    );
  }
  return undefined;
}

function outcomeUnknown(error: unknown): boolean {
  if (error instanceof ConnectionError) return error.outcomeUnknown;
  if (error instanceof ServerError) return true;
  // A 2xx whose body is not the expected JSON: the server most likely acted, but we cannot read the id.
  return error instanceof ApiError && (error.status === 408 || (error.status >= 200 && error.status < 300));
}

/** Concurrent sends to one (business, number) in this process share one check and one POST. */
export class InFlight {
  private readonly running = new Map<string, Promise<{ result: SendResult; sentAt: Date }>>();
  constructor(
    private readonly now: () => Date,
    private readonly windowMs: number,
  ) {}

  async run(key: string, send: () => Promise<SendResult>): Promise<SendResult> {
    const shared = this.running.get(key);
    if (shared) {
      const { result, sentAt } = await shared;
      if (result.status === 'skipped') return result;
      // The first caller sent it; for everyone else this number was just invited.
      return skippedFor(result.targetPhone, result.invitationId, sentAt, this.windowMs);
    }
    const p = send().then((result) => ({ result, sentAt: this.now() }));
    this.running.set(key, p);
    try {
      return (await p).result;
    } finally {
      this.running.delete(key);
    }
  }
}
