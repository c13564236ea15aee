// One guarded send, read top to bottom in the order it decides (docs/architecture.md, "The guard's decision sequence"):
//   1. the ledger       a number sent to within the window costs no request
//   2. in flight        concurrent sends to one number in this process share one check and one POST
//   3. the lock         across processes sharing a store, one worker at a time per number
//   4. the search       search-first: an invitation within the window is a skip, and nothing is posted
//   5. the POST         send-first starts here
//   6. a failed POST    a 400 is checked by a search; an unknown outcome waits, searches, and never re-POSTs blindly
//   7. the record       what the ledger keeps, before the lock is released
// send.ts checks the input and builds the body; nothing here calls back into it.
import { ApiError, BadRequestError, ConnectionError, ServerError, unexpectedBody } from '../../core/errors.js';
import { backoffCeiling } from '../../core/transport.js';
import type { operations } from '../../generated/partoo.js';
import { unwrapOk } from '../api.js';
import { searchPages, type Invitation } from '../invitations.js';
import type { Guard } from './context.js';
import type { GuardNote } from './decisions.js';
import { withLock, type LockContext, type Locked } from './lock-loop.js';
import type { SendResult, SkippedResult } from './types.js';

export type SendBody = NonNullable<operations['sendReviewInvitation']['requestBody']>['content']['application/json'];

/** One send, its input checked: who to, its guard key, and the body to POST. */
export interface GuardedSend {
  businessId: string;
  phone: string;
  key: string;
  force: boolean;
  body: SendBody;
  /** logs each decision with its reason; returns the result it was given */
  note: GuardNote;
}

// Partoo's clock and ours differ; an invitation this much older than our POST still counts as ours.
// Erring this way can only turn a resend into a skip, never a skip into a second SMS.
const CLOCK_SLACK_MS = 120_000;

export async function guardedSend(g: Guard, s: GuardedSend): Promise<SendResult> {
  // The guard off: every call POSTs, and an unknown outcome is still checked before any second POST.
  if (!g.window) return post(g, s);
  if (s.force) return recorded(g, s);
  const known = await fromLedger(g, s);
  if (known) return s.note(known, 'ledger');
  return inFlight(g, s);
}

/** Would a send go out? The ledger, then Partoo's search (whatever the check order): nothing is posted. */
export async function wouldSkip(g: Guard, s: Omit<GuardedSend, 'body' | 'note'>): Promise<SkippedResult | undefined> {
  const { window } = g;
  if (s.force || !window) return undefined;
  const known = await fromLedger(g, s);
  if (known) return known;
  const recent = await newest(g, s, window.searchSince(g.now()));
  return recent && window.skipped(s.phone, recent.id, recent.sentAt);
}

/** 1. The ledger: a skip at no request, or undefined when it does not know the number (or does not answer). */
async function fromLedger(g: Guard, s: Pick<GuardedSend, 'key' | 'phone'>): Promise<SkippedResult | undefined> {
  const { ledger, window } = g;
  const known = ledger && (await g.safely(() => ledger.get(s.key), undefined));
  if (!known || !window!.isRecent(known.sentAt, g.now())) return undefined;
  return window!.skipped(s.phone, known.invitationId, known.sentAt);
}

/** 2. In flight: the first caller decides and sends; the others get its result as a skip. */
async function inFlight(g: Guard, s: GuardedSend): Promise<SendResult> {
  let led = false;
  const result = await g.inFlight.run(s.key, () => ((led = true), g.store ? locked(g, s) : recorded(g, s)));
  return led ? result : s.note(result, 'in_flight');
}

/** 3. The lock: a waiter skips once the shared ledger shows the send. A forced send takes none (it must not wait). */
async function locked(g: Guard, s: GuardedSend): Promise<SendResult> {
  return withLock<SendResult>(s.key, lockContext(g, s), (stillHeld) => decide(g, s, stillHeld));
}

function lockContext(g: Guard, s: GuardedSend): LockContext<SendResult> {
  return {
    store: g.store!,
    lockTtlMs: g.lockTtlMs,
    runtime: g.runtime,
    safely: g.safely,
    ledgerSkip: async () => {
      const skip = await fromLedger(g, s);
      return skip && s.note(skip, 'ledger_after_lock_wait');
    },
    nothingSent: (m: string) => new ConnectionError(m, { outcomeUnknown: false }),
  };
}

/** Without a lock (no store, or forced): decide, then record. */
async function recorded(g: Guard, s: GuardedSend): Promise<SendResult> {
  const { result, record } = await decide(g, s);
  const { ledger } = g;
  if (ledger && record) await g.safely(() => ledger.set(s.key, record.entry, record.ttlMs), undefined);
  return result;
}

/** Steps 4 to 6, and what step 7 records. */
async function decide(g: Guard, s: GuardedSend, stillHeld?: () => Promise<void>): Promise<Locked<SendResult>> {
  const sentAtLeast = g.now();
  try {
    const result = (await searchFirst(g, s)) ?? (await post(g, s, stillHeld));
    g.unsettled.delete(s.key);
    return { result, record: recordOf(g, result, sentAtLeast) };
  } catch (error) {
    if (error instanceof ConnectionError && error.outcomeUnknown) remember(g.unsettled, s.key);
    throw error;
  }
}

// Bounded like the ledger: a forgotten number costs its next send-first call the search it would have had anyway.
const MAX_UNSETTLED = 10_000;
function remember(keys: Set<string>, key: string) {
  keys.add(key);
  if (keys.size > MAX_UNSETTLED) keys.delete(keys.values().next().value!);
}

/**
 * 4. The search, unless send-first may stand on Partoo's own rule: a window of at most its 10 days, not forced
 * (force bypasses the rule, and a longer window skips numbers the rule would let through), and no send to this
 * number left its outcome unknown here.
 */
async function searchFirst(g: Guard, s: GuardedSend): Promise<SkippedResult | undefined> {
  const { window } = g;
  if (s.force || !window) return undefined;
  if (g.check === 'send-first' && window.coveredByPartoo && !g.unsettled.has(s.key)) return undefined;
  const recent = await newest(g, s, window.searchSince(g.now()));
  return recent && s.note(window.skipped(s.phone, recent.id, recent.sentAt), 'search');
}

/** 5. The POST, once; again only when step 6 says a search backs it. */
async function post(g: Guard, s: GuardedSend, stillHeld?: () => Promise<void>): Promise<SendResult> {
  for (let attempt = 0; ; attempt++) {
    const attemptAt = g.now();
    try {
      await stillHeld?.();
      const reply = await g.api.POST('/review_booster/send_invitation', { body: s.body });
      const data = await unwrapOk(reply, 'sendReviewInvitation');
      // Accepted without an id: step 6 finds it with a search (a 2xx is never sent again).
      if (!data.invitation_id) throw unexpectedBody('sendReviewInvitation', 'response without invitation_id', data);
      const reason = attempt === 0 ? 'posted' : 'posted_again_after_checking';
      return s.note({ status: 'sent', invitationId: data.invitation_id, targetPhone: s.phone }, reason);
    } catch (error) {
      const settled = await afterFailedPost(g, s, { error, attempt, attemptAt });
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

/**
 * 6. What a failed POST becomes, each case decided here once: a skip, the send a search found, a thrown error, or
 * undefined (send again). A 400 is Partoo's rule or another worker's send between our search and our POST; its
 * wording is undocumented, so a search decides, never its message.
 */
async function afterFailedPost(g: Guard, s: GuardedSend, failed: FailedPost): Promise<SendResult | undefined> {
  const { error } = failed;
  const { window } = g;
  if (error instanceof BadRequestError && !s.force && window) {
    const recent = await newest(g, s, window.searchSince(g.now())).catch(() => undefined);
    if (recent) return s.note(window.skipped(s.phone, recent.id, recent.sentAt), 'partoo_rule');
    throw error;
  }
  if (!outcomeUnknown(error)) throw error;
  return afterUnknownOutcome(g, s, failed);
}

/** The outcome is unknown: wait for a POST still travelling, then a search decides; never a blind second POST. */
async function afterUnknownOutcome(g: Guard, s: GuardedSend, failed: FailedPost): Promise<SendResult | undefined> {
  const { error, attempt } = failed;
  // A 2xx says Partoo acted even when its search does not show the invitation yet: never send again.
  // Stryker disable next-line EqualityOperator: only 408, 5xx and 2xx reach here; < 300 and <= 300 agree
  const accepted = error instanceof ApiError && error.status < 300;
  const retrying = !accepted && attempt < g.maxRetries;
  // The request we gave up on may still be on its way (held by a proxy, a slow queue): the search that decides
  // whether to send again waits for it, from the moment we gave up, so a late arrival shows in it.
  if (retrying) await g.runtime.sleep(Math.max(g.settleMs, backoffCeiling(attempt)));
  const since = new Date(failed.attemptAt.getTime() - CLOCK_SLACK_MS);
  const found = await newest(g, s, since).catch((checkError) => {
    throw unknownOutcome(error, `and checking it failed (${(checkError as Error).message})`);
  });
  const sent = found && { status: 'sent' as const, invitationId: found.id, targetPhone: s.phone };
  if (sent) return s.note(sent, 'unknown_outcome_found_by_search');
  if (accepted) throw unknownOutcome(error, 'and a search does not show it yet');
  if (!retrying) throw error;
  // Nothing shows after the settle time. Without force, Partoo's own rule refuses a second SMS should the first
  // still land first (that 400 reads as skipped); with force nothing does, so only the caller may accept it.
  if (s.force && !g.resendUnknown) {
    throw unknownOutcome(
      error,
      `and a search ${g.settleMs} ms later does not show it; not sent again, as force bypasses Partoo's own ` +
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

const unknownOutcome = (error: unknown, why: string) =>
  new ConnectionError(
    `sendReviewInvitation: the send's outcome is unknown (${(error as Error).message}) ${why}; ` +
      'search before sending again',
    { cause: error, outcomeUnknown: true },
  );

/** 7. What the ledger keeps: the send, or the invitation that made it a skip, until the window ends. */
function recordOf(g: Guard, result: SendResult, sentAtLeast: Date): Locked<SendResult>['record'] {
  const entry =
    result.status === 'sent'
      ? { invitationId: result.invitationId, sentAt: sentAtLeast }
      : { invitationId: result.lastInvitation.id, sentAt: result.lastInvitation.sentAt };
  const ttlMs = g.window!.ledgerTtlMs(entry.sentAt, g.now());
  return ttlMs > 0 ? { entry, ttlMs } : undefined;
}

/** The newest invitation to (business, phone) sent after `since`, by Partoo's search over every page. */
async function newest(g: Guard, s: Pick<GuardedSend, 'businessId' | 'phone'>, since: Date) {
  let found: Invitation | undefined;
  const query = { business_id: s.businessId, target_phone: s.phone, after: Math.floor(since.getTime() / 1000) };
  for await (const inv of searchPages(g.api, query)) {
    // The server filtered by `after`, so by its account this one is recent: a time we cannot read must not
    // read as "nothing recent" (sent_time is optional in the spec).
    if (Number.isNaN(inv.sentAt.getTime())) {
      const why = `search returned invitation ${inv.id} with no readable sent_time: not sending (force: true sends)`;
      throw unexpectedBody('checkDuplicatedReviewInvitation', why);
    }
    // Filter here too: `after` is whole seconds, and a server that ignores it must not make an old SMS look recent.
    if (inv.sentAt.getTime() > since.getTime() && (!found || inv.sentAt > found.sentAt)) found = inv;
  }
  return found;
}
