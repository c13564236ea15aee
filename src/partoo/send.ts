// The send path of a Partoo client: input rules, the ledger, the lock, the deciding search, the POST and the log of
// each decision. Loaded with a client's first send or check (which waits on the phone metadata anyway), so an
// application that only reads statuses or searches never loads it.
import type { Client } from 'openapi-fetch';
import type { paths } from '../generated/partoo.js';
import { unwrap } from '../core/api-result.js';
import { ConnectionError, unexpectedBody } from '../core/errors.js';
import {
  guardedSend,
  InFlight,
  skippedFor,
  type GuardNote,
  type SendResult,
  type SkippedResult,
} from './guard/guarded-send.js';
import type { GuardStore, Locked } from './guard/lock-loop.js';
import { MemoryLedger, type GuardLedger } from './guard/ledger.js';
import type { Log } from '../core/log.js';
import { annotate } from '../core/trace.js';
import { searchPages, type Invitation } from './invitations.js';
import type { SendInvitationInput } from './client.js';
import type { StoreCall, StoreWarn } from '../core/store-call.js';
import { abortableSleep } from '../core/transport.js';
import { Checker } from '../core/validate.js';

/** What the client resolved and checked at construction, for its send path. */
export interface SendContext {
  api: Client<paths>;
  now: () => Date;
  log: Log;
  sleep: (ms: number) => Promise<void>;
  maxRetries: number;
  /** undefined: the guard is off */
  windowMs: number | undefined;
  settleMs: number;
  resendUnknown: boolean;
  store: GuardStore | undefined;
  /** a ledger of the caller's own; undefined: the default in memory; false: none */
  ledger: GuardLedger | false | undefined;
  lockTtlMs: number;
  storeTimeoutMs: number;
  normalizePhone(check: Checker, value: unknown): Promise<string | undefined>;
}

export interface Sender {
  sendInvitation(input: SendInvitationInput): Promise<SendResult>;
  checkInvitation(input: SendInvitationInput): Promise<{ status: 'would_send'; targetPhone: string } | SkippedResult>;
}

const SEND_FIELDS = ['businessId', 'targetPhone', 'targetName', 'inviteContent', 'force', 'stripNonAscii'] as const;
const MAX_CONTENT = 286;

// Loaded once per process, on the first send with a store: a dynamic import per send is not free under loaders.
let lockModule: Promise<typeof import('./guard/lock-loop.js')> | undefined;

export function createSender(ctx: SendContext): Sender {
  const { api, now, windowMs, store } = ctx;
  const inFlight = new InFlight(now, windowMs ?? 0);
  const ledger = windowMs === undefined ? undefined : (store ?? defaultLedger(ctx.ledger, () => now().getTime()));
  const external = store !== undefined || (ctx.ledger !== undefined && ctx.ledger !== false);
  const safely = storeCalls(external, ctx.storeTimeoutMs, (message, state) =>
    ctx.log('warn', message, { event: `guard.store.${state}` }),
  );

  /** What to record in the ledger for a result: the send, or the invitation that made it a skip. */
  function recordOf(result: SendResult, sentAtLeast: Date): Locked<SendResult>['record'] {
    const entry =
      result.status === 'sent'
        ? { invitationId: result.invitationId, sentAt: sentAtLeast }
        : { invitationId: result.lastInvitation.id, sentAt: result.lastInvitation.sentAt };
    const ttlMs = entry.sentAt.getTime() + windowMs! - now().getTime();
    return ttlMs > 0 ? { entry, ttlMs } : undefined;
  }

  /** Sends and records the send; with a shared store and unless forced, under the number's lock. */
  async function sendRecorded(key: string, phone: string, lock: boolean, note: GuardNote, send: GuardedPost) {
    const locked = async (stillHeld?: () => Promise<void>) => {
      const sentAtLeast = now();
      const result = await send(stillHeld);
      return { result, record: recordOf(result, sentAtLeast) };
    };
    if (!store || !lock) {
      const { result, record } = await locked();
      if (ledger && record) await safely(() => ledger.set(key, record.entry, record.ttlMs), undefined);
      return result;
    }
    const lockLoop = await (lockModule ??= import('./guard/lock-loop.js'));
    const ledgerSkipAfterWait = async () => {
      const skip = await ledgerSkip(key, phone);
      return skip && note(skip, 'ledger_after_lock_wait');
    };
    const nothingSent = (m: string) => new ConnectionError(m, { outcomeUnknown: false });
    const lockCtx = {
      store,
      lockTtlMs: ctx.lockTtlMs,
      sleep: abortableSleep,
      safely,
      ledgerSkip: ledgerSkipAfterWait,
      nothingSent,
    };
    return lockLoop.withLock<SendResult>(key, lockCtx, locked);
  }

  async function findNewest(businessId: string, phone: string, since: Date): Promise<Invitation | undefined> {
    let newest: Invitation | undefined;
    const query = { business_id: businessId, target_phone: phone, after: Math.floor(since.getTime() / 1000) };
    for await (const inv of searchPages(api, query)) {
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

  /** Validation of a send, every problem at once; nothing is requested here. */
  async function prepare(input: SendInvitationInput) {
    const check = new Checker();
    if (!check.object(input, 'input')) check.throwIfAny();
    check.knownKeys(input, SEND_FIELDS);
    check.requiredString(input.businessId, 'businessId');
    const phone = await ctx.normalizePhone(check, input.targetPhone);
    check.optionalString(input.targetName, 'targetName', 255);
    check.optionalBoolean(input.force, 'force');
    check.optionalBoolean(input.stripNonAscii, 'stripNonAscii');
    const content = inviteContent(check, input.inviteContent, input.stripNonAscii === true);
    check.throwIfAny();
    // Printable, since a shared store uses it in its own keys.
    return {
      phone: phone!,
      content,
      force: input.force === true,
      key: `${encodeURIComponent(input.businessId)}:${phone}`,
    };
  }

  /** A skip from the ledger (0 requests), or undefined when the ledger does not know the number. */
  async function ledgerSkip(key: string, phone: string): Promise<SkippedResult | undefined> {
    const known = ledger && (await safely(() => ledger.get(key), undefined));
    if (!known || known.sentAt.getTime() <= now().getTime() - windowMs!) return undefined;
    return skippedFor(phone, known.invitationId, known.sentAt, windowMs!);
  }

  /** The guarded POST of one send, given its validated input. */
  function guardedPost(
    input: SendInvitationInput,
    phone: string,
    content: string | undefined,
    force: boolean,
    note: GuardNote,
  ): GuardedPost {
    const body = {
      business_id: input.businessId,
      target_phone: phone,
      ...(input.targetName !== undefined && { target_name: input.targetName }),
      ...(content !== undefined && { invite_content: content }),
      ...(force && { force: 'True' as const }),
    };
    const post = async (stillHeld?: () => Promise<void>) => {
      await stillHeld?.();
      const result = await api.POST('/review_booster/send_invitation', { body, parseAs: 'stream' });
      const data = await unwrap<{ invitation_id?: string }>(result, 'sendReviewInvitation');
      // Accepted without an id: the guard finds it with a search (a 2xx is never sent again).
      if (!data.invitation_id) throw unexpectedBody('sendReviewInvitation', 'response without invitation_id', data);
      return { invitationId: data.invitation_id };
    };
    const { maxRetries, settleMs, resendUnknown, sleep } = ctx;
    const deps = { now, windowMs, maxRetries, settleMs, resendUnknown, findNewest, sleep, note };
    return (stillHeld) =>
      guardedSend(
        { businessId: input.businessId, targetPhone: phone, force },
        { ...deps, post: () => post(stillHeld) },
      );
  }

  return {
    async checkInvitation(input) {
      const { phone, force, key } = await prepare(input);
      if (force || windowMs === undefined) return { status: 'would_send', targetPhone: phone };
      const skip = await ledgerSkip(key, phone);
      if (skip) return skip;
      const recent = await findNewest(input.businessId, phone, new Date(now().getTime() - windowMs));
      return recent
        ? skippedFor(phone, recent.id, recent.sentAt, windowMs)
        : { status: 'would_send', targetPhone: phone };
    },

    async sendInvitation(input) {
      const { phone, content, force, key } = await prepare(input);
      const note = decisionLog(ctx.log, input.businessId, phone);
      if (!force) {
        const skip = await ledgerSkip(key, phone);
        if (skip) return note(skip, 'ledger');
      }
      const send = guardedPost(input, phone, content, force, note);
      if (windowMs === undefined) return send();
      // A forced send takes no lock (it must not wait to be skipped), and is still recorded.
      if (force) return sendRecorded(key, phone, false, note, send);
      let led = false;
      const result = await inFlight.run(key, () => ((led = true), sendRecorded(key, phone, true, note, send)));
      return led ? result : note(result, 'in_flight');
    },
  };
}

type GuardedPost = (stillHeld?: () => Promise<void>) => Promise<SendResult>;

function defaultLedger(option: GuardLedger | false | undefined, nowMs: () => number): GuardLedger | undefined {
  if (option === false) return undefined;
  return option ?? new MemoryLedger(undefined, nowMs);
}

/**
 * How the guard calls its ledger and store. One of your own (a shared store, a custom ledger) gets a deadline per
 * call and degrades to the search, from a chunk loaded on first use; the default in-memory ledger answers at once.
 */
function storeCalls(external: boolean, timeoutMs: number, warn: StoreWarn): StoreCall {
  if (!external) {
    return async (work, fallback) => {
      try {
        return await work();
      } catch {
        return fallback;
      }
    };
  }
  let caller: Promise<StoreCall> | undefined;
  const load = () => (caller ??= import('../core/store-call.js').then((m) => m.storeCaller(timeoutMs, warn)));
  return async (work, fallback) => (await load())(work, fallback);
}

/** Logs each guard decision at info, with what decided it; returns the result it was given. */
function decisionLog(log: Log, businessId: string, phone: string): GuardNote {
  return (result, reason) => {
    const invitationId = result.status === 'sent' ? result.invitationId : result.lastInvitation.id;
    const what = result.status === 'sent' ? `sent (${reason})` : `skipped: ${REASONS[reason] ?? reason}`;
    const fields = { event: 'guard.decision', decision: result.status, reason, businessId, phone, invitationId };
    log('info', `sendInvitation ${what}`, fields);
    annotate({ 'partoo.guard.decision': result.status, 'partoo.guard.reason': reason });
    return result;
  };
}

const REASONS: Record<string, string> = {
  ledger: 'this number was sent to within the window (ledger, no request)',
  search: "Partoo's search shows an invitation within the window",
  partoo_rule: "Partoo refused it (400), and its search shows another worker's invitation",
  in_flight: 'a send to this number was already running in this process',
  ledger_after_lock_wait: "another worker sent it while this one waited for the number's lock",
};

function inviteContent(check: Checker, value: unknown, stripNonAscii: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    check.add('inviteContent', 'type', `inviteContent must be a string, not ${typeof value}`);
    return undefined;
  }
  // Partoo silently drops non-ASCII characters; a silently mangled SMS is worse than an error.
  const nonAscii = [...new Set([...value].filter((c) => c.charCodeAt(0) > 0x7f))];
  let text = value;
  if (nonAscii.length && !stripNonAscii) {
    const listed = nonAscii.map((c) => JSON.stringify(c)).join(', ');
    check.add(
      'inviteContent',
      'ascii',
      `inviteContent has non-ASCII characters Partoo would remove: ${listed} (pass stripNonAscii: true to drop them)`,
    );
  } else if (nonAscii.length) {
    text = [...value].filter((c) => c.charCodeAt(0) <= 0x7f).join('');
  }
  if (text.length > MAX_CONTENT)
    check.add(
      'inviteContent',
      'maxLength',
      `inviteContent must be at most ${MAX_CONTENT} characters (got ${text.length})`,
    );
  if (!text.includes('@link'))
    check.add('inviteContent', 'link', 'inviteContent must contain @link (where Partoo puts the review link)');
  return text;
}
