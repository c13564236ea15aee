// The send path of a Partoo client: the ledger, the lock, the deciding search, the POST and the log of each
// decision. Loaded with a client's first send or check (which waits on the phone metadata anyway), so an
// application that only reads statuses or searches never loads it.
import { ConnectionError, unexpectedBody } from '../core/errors.js';
import type { Log } from '../core/log.js';
import type { Runtime } from '../core/runtime.js';
import type { StoreCall } from '../core/store-call.js';
import { unwrapOk, type PartooRequests } from './api.js';
import { decisionLog } from './guard/decisions.js';
import {
  guardedSend,
  InFlight,
  skippedFor,
  type GuardNote,
  type SendResult,
  type SkippedResult,
} from './guard/guarded-send.js';
import type { GuardLedger } from './guard/ledger.js';
import type { LockContext, Locked } from './guard/lock-loop.js';
import { defaultLedger, storeCalls } from './guard/store-calls.js';
import { searchPages, type Invitation } from './invitations.js';
import type { GuardSettings } from './options.js';
import type { PhoneNormalizer } from './reads.js';
import { prepareSend, type PreparedSend, type SendInvitationInput } from './send-input.js';

/** What the client resolved and checked at construction, for its send path. */
export interface SendContext extends GuardSettings {
  api: PartooRequests;
  now: () => Date;
  log: Log;
  runtime: Runtime;
  maxRetries: number;
  normalizePhone: PhoneNormalizer;
}

export interface Sender {
  sendInvitation(input: SendInvitationInput): Promise<SendResult>;
  checkInvitation(input: SendInvitationInput): Promise<{ status: 'would_send'; targetPhone: string } | SkippedResult>;
}

/** One client's send path: its context, its in-flight sends, and where it remembers what it sent. */
interface SendState {
  ctx: SendContext;
  inFlight: InFlight;
  /** the shared store, the caller's ledger or the default one; undefined with the guard or the ledger off */
  ledger: GuardLedger | undefined;
  safely: StoreCall;
}

type GuardedPost = (stillHeld?: () => Promise<void>) => Promise<SendResult>;

// Loaded once per process, on the first send with a store: a dynamic import per send is not free under loaders.
let lockModule: Promise<typeof import('./guard/lock-loop.js')> | undefined;

export function createSender(ctx: SendContext): Sender {
  const { windowMs, store, now } = ctx;
  const external = store !== undefined || (ctx.ledger !== undefined && ctx.ledger !== false);
  const state: SendState = {
    ctx,
    inFlight: new InFlight(now, windowMs ?? 0),
    // Stryker disable next-line ArrowFunction: its clock only evicts; ledgerSkip checks the window itself
    ledger: windowMs === undefined ? undefined : (store ?? defaultLedger(ctx.ledger, () => now().getTime())),
    safely: storeCalls(external, ctx.storeTimeoutMs, (message, event) =>
      ctx.log('warn', message, { event: `guard.store.${event}` }),
    ),
  };
  return {
    checkInvitation: (input) => checkInvitation(state, input),
    sendInvitation: (input) => sendInvitation(state, input),
  };
}

async function checkInvitation(s: SendState, input: SendInvitationInput) {
  const { windowMs, now } = s.ctx;
  const { phone, force, key } = await prepareSend(input, s.ctx.normalizePhone);
  const wouldSend = { status: 'would_send', targetPhone: phone } as const;
  if (force || windowMs === undefined) return wouldSend;
  const skip = await ledgerSkip(s, key, phone);
  if (skip) return skip;
  const recent = await findNewest(s, input.businessId, phone, new Date(now().getTime() - windowMs));
  return recent ? skippedFor(phone, recent.id, recent.sentAt, windowMs) : wouldSend;
}

async function sendInvitation(s: SendState, input: SendInvitationInput): Promise<SendResult> {
  const prepared = await prepareSend(input, s.ctx.normalizePhone);
  const { phone, force, key } = prepared;
  const note = decisionLog(s.ctx.log, input.businessId, phone);
  if (!force) {
    const skip = await ledgerSkip(s, key, phone);
    if (skip) return note(skip, 'ledger');
  }
  const send = guardedPost(s, input, prepared, note);
  if (s.ctx.windowMs === undefined) return send();
  // A forced send takes no lock (it must not wait to be skipped), and is still recorded.
  if (force) return sendRecorded(s, prepared, false, note, send);
  let led = false;
  const result = await s.inFlight.run(key, () => ((led = true), sendRecorded(s, prepared, true, note, send)));
  return led ? result : note(result, 'in_flight');
}

/** A skip from the ledger (0 requests), or undefined when the ledger does not know the number. */
async function ledgerSkip(s: SendState, key: string, phone: string): Promise<SkippedResult | undefined> {
  const { ledger, safely } = s;
  const windowMs = s.ctx.windowMs!;
  const known = ledger && (await safely(() => ledger.get(key), undefined));
  if (!known || known.sentAt.getTime() <= s.ctx.now().getTime() - windowMs) return undefined;
  return skippedFor(phone, known.invitationId, known.sentAt, windowMs);
}

/** The newest invitation to (business, phone) sent after `since`, by Partoo's search. */
async function findNewest(s: SendState, businessId: string, phone: string, since: Date) {
  let newest: Invitation | undefined;
  const query = { business_id: businessId, target_phone: phone, after: Math.floor(since.getTime() / 1000) };
  for await (const inv of searchPages(s.ctx.api, query)) {
    // The server filtered by `after`, so by its account this one is recent: a time we cannot read must not
    // read as "nothing recent" (sent_time is optional in the spec).
    if (Number.isNaN(inv.sentAt.getTime())) {
      const why = `search returned invitation ${inv.id} with no readable sent_time: not sending (force: true sends)`;
      throw unexpectedBody('checkDuplicatedReviewInvitation', why);
    }
    // Filter here too: `after` is whole seconds, and a server that ignores it must not make an old SMS look recent.
    if (inv.sentAt.getTime() > since.getTime() && (!newest || inv.sentAt > newest.sentAt)) newest = inv;
  }
  return newest;
}

/** The guarded POST of one send, given its validated input. */
function guardedPost(s: SendState, input: SendInvitationInput, prepared: PreparedSend, note: GuardNote): GuardedPost {
  const { phone, content, force } = prepared;
  const { api, now, windowMs, maxRetries, settleMs, resendUnknown, runtime } = s.ctx;
  const body = {
    business_id: input.businessId,
    target_phone: phone,
    ...(input.targetName !== undefined && { target_name: input.targetName }),
    ...(content !== undefined && { invite_content: content }),
    ...(force && { force: 'True' as const }),
  };
  const post = async (stillHeld?: () => Promise<void>) => {
    await stillHeld?.();
    const result = await api.POST('/review_booster/send_invitation', { body });
    const data = await unwrapOk(result, 'sendReviewInvitation');
    // Accepted without an id: the guard finds it with a search (a 2xx is never sent again).
    if (!data.invitation_id) throw unexpectedBody('sendReviewInvitation', 'response without invitation_id', data);
    return { invitationId: data.invitation_id };
  };
  const find = (businessId: string, target: string, since: Date) => findNewest(s, businessId, target, since);
  const deps = { now, windowMs, maxRetries, settleMs, resendUnknown, findNewest: find, sleep: runtime.sleep, note };
  return (stillHeld) =>
    guardedSend({ businessId: input.businessId, targetPhone: phone, force }, { ...deps, post: () => post(stillHeld) });
}

/** Sends and records the send; with a shared store and unless forced, under the number's lock. */
async function sendRecorded(s: SendState, prepared: PreparedSend, lock: boolean, note: GuardNote, send: GuardedPost) {
  const { key } = prepared;
  const { ledger, safely } = s;
  const locked = async (stillHeld?: () => Promise<void>) => {
    const sentAtLeast = s.ctx.now();
    const result = await send(stillHeld);
    return { result, record: recordOf(s, result, sentAtLeast) };
  };
  const { store } = s.ctx;
  if (!store || !lock) {
    const { result, record } = await locked();
    if (ledger && record) await safely(() => ledger.set(key, record.entry, record.ttlMs), undefined);
    return result;
  }
  const lockLoop = await (lockModule ??= import('./guard/lock-loop.js'));
  return lockLoop.withLock<SendResult>(key, lockContext(s, prepared, note), locked);
}

function lockContext(s: SendState, { key, phone }: PreparedSend, note: GuardNote): LockContext<SendResult> {
  return {
    store: s.ctx.store!,
    lockTtlMs: s.ctx.lockTtlMs,
    runtime: s.ctx.runtime,
    safely: s.safely,
    ledgerSkip: async () => {
      const skip = await ledgerSkip(s, key, phone);
      return skip && note(skip, 'ledger_after_lock_wait');
    },
    nothingSent: (m: string) => new ConnectionError(m, { outcomeUnknown: false }),
  };
}

/** What to record in the ledger for a result: the send, or the invitation that made it a skip. */
function recordOf(s: SendState, result: SendResult, sentAtLeast: Date): Locked<SendResult>['record'] {
  const entry =
    result.status === 'sent'
      ? { invitationId: result.invitationId, sentAt: sentAtLeast }
      : { invitationId: result.lastInvitation.id, sentAt: result.lastInvitation.sentAt };
  const ttlMs = entry.sentAt.getTime() + s.ctx.windowMs! - s.ctx.now().getTime();
  return ttlMs > 0 ? { entry, ttlMs } : undefined;
}
