import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/partoo.js';
import { unwrap } from './api-result.js';
import { rawClient } from './raw-client.js';
import { resolveCommon, requireKey, PARTOO_URLS, type CommonClientOptions } from './config.js';
import { ConfigurationError, ConnectionError, TimeoutError, unexpectedBody } from './errors.js';
import type { BulkOptions, BulkOutcome } from './bulk.js';
import { guardedSend, InFlight, skippedFor, type GuardNote, type GuardOptions, type SendResult, type SkippedResult } from './guard.js';
import type { GuardStore, Locked } from './guard-store.js';
import { MemoryLedger, type GuardLedger } from './ledger.js';
import type { StoreCall, StoreWarn } from './store-call.js';
import { createLog, type Log, type LogOptions } from './log.js';
import { TokenBucket, type Clock, type RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { isFinalStatus, searchPages, type FinalInvitationStatus, type Invitation, type InvitationPage, type InvitationStatus } from './invitations.js';
import { Paginated } from './paginate.js';
import { toE164 } from './phone.js';
import { abortableSleep, createTransport, type TransportOptions } from './transport.js';
import { Checker } from './validate.js';

export interface PartooClientOptions extends CommonClientOptions, LogOptions {
  /** default: process.env.PARTOO_API_KEY */
  apiKey?: string;
  /** ISO 3166-1 alpha-2 country for numbers written without +country, e.g. 'FR' */
  defaultCountry?: string;
  /** the duplicate guard; `false` turns it off (every call POSTs) */
  guard?: GuardOptions | false;
  /** the clock the guard reads; pass `() => mock.now()` against the stateful mock */
  now?: () => Date;
  /**
   * client-side limit shared by every call of this client; default 300 a minute (Partoo's); `false` turns it off;
   * `redisRateLimiter(redis, { requestsPerMinute })` from `partoo-argyle-sdk/redis` shares one limit across a fleet
   */
  rateLimit?: RateLimitOptions | RateLimiter | false;
}

export interface SendInvitationInput {
  businessId: string;
  /** E.164 (`+33601020304`), or national (`0601020304`) with the client's defaultCountry */
  targetPhone: string;
  targetName?: string;
  /** at most 286 characters, must contain `@link`, ASCII only */
  inviteContent?: string;
  /** send even if this number was invited within the window */
  force?: boolean;
  /** drop non-ASCII characters from inviteContent instead of rejecting them */
  stripNonAscii?: boolean;
}

export interface SearchInvitationsInput {
  businessId: string;
  targetPhone: string;
  after?: Date;
}

export interface WaitOptions {
  /** between polls, default 5000 */
  intervalMs?: number;
  /** overall, default 600000 */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ReviewBooster {
  sendInvitation(input: SendInvitationInput): Promise<SendResult>;
  /** What sendInvitation would do, without sending: validation, then the ledger and the search (never a POST). */
  checkInvitation(input: SendInvitationInput): Promise<{ status: 'would_send'; targetPhone: string } | SkippedResult>;
  searchInvitations(input: SearchInvitationsInput): Paginated<Invitation, InvitationPage>;
  getInvitationStatus(invitationId: string): Promise<InvitationStatus>;
  /** Polls until the invitation reaches a final status (DELIVERED, FAILED_SEND or FAILED_DELIVERY), which it returns. */
  waitForFinalStatus(invitationId: string, options?: WaitOptions): Promise<FinalInvitationStatus>;
  /** Sends a batch, yielding one outcome per input (sent, skipped, or failed with its error); never throws for a row. */
  sendInvitations<I extends SendInvitationInput>(inputs: Iterable<I> | AsyncIterable<I>, options?: BulkOptions): AsyncGenerator<BulkOutcome<I>, void, undefined>;
}

export interface PartooClient {
  /** the raw openapi-fetch client for every operation of openapi/partoo.yaml, with auth, timeout and retries */
  api: Client<paths>;
  reviewBooster: ReviewBooster;
}

const DAY_MS = 86_400_000;
const SEND_FIELDS = ['businessId', 'targetPhone', 'targetName', 'inviteContent', 'force', 'stripNonAscii'] as const;
const SEARCH_FIELDS = ['businessId', 'targetPhone', 'after'] as const;
/** test seam, not part of the public options */
export type InternalOptions = Pick<TransportOptions, 'sleep' | 'random'> & { rateLimitClock?: Clock };

// Loaded once per process, on the first send with a store: a dynamic import per send is not free under loaders.
let lockModule: Promise<typeof import('./guard-store.js')> | undefined;

export function createPartooClient(options: PartooClientOptions = {}): PartooClient {
  const common = resolveCommon(options, PARTOO_URLS);
  const apiKey = requireKey(options.apiKey, 'apiKey', 'PARTOO_API_KEY');
  const now = options.now ?? (() => new Date());
  if (options.now !== undefined && typeof options.now !== 'function') throw new ConfigurationError('now must be a function returning a Date');
  if (options.defaultCountry !== undefined && !/^[A-Z]{2}$/.test(options.defaultCountry)) {
    throw new ConfigurationError(`defaultCountry must be an ISO 3166-1 alpha-2 code such as "FR", not ${JSON.stringify(options.defaultCountry)}`);
  }
  const log = createLog(options);
  const windowMs = guardWindow(options.guard);
  const internal = options as InternalOptions;
  const sleep = internal.sleep ?? abortableSleep;

  const limiter = rateLimiter(options.rateLimit, internal.rateLimitClock);
  const api = createClient<paths>({
    baseUrl: common.baseUrl,
    fetch: createTransport({ ...common, authHeaders: { 'x-APIKey': apiKey }, secrets: [apiKey], sleep, random: internal.random, limiter }),
    // Set on every request openapi-fetch builds, so even a custom fetch that drops `init` never follows one.
    redirect: 'manual',
  });
  const inFlight = new InFlight(now, windowMs ?? 0);
  const guardOptions = options.guard === false ? undefined : options.guard;
  const store = windowMs === undefined ? undefined : resolveStore(guardOptions?.store);
  const ledger = windowMs === undefined ? undefined : (store ?? resolveLedger(guardOptions?.ledger, () => now().getTime()));
  const lockTtlMs = guardOptions?.lockTtlMs ?? 60_000;
  if (!(lockTtlMs >= 100 && lockTtlMs <= 3_600_000)) throw new ConfigurationError(`guard.lockTtlMs must be from 100 to 3600000 ms, not ${String(lockTtlMs)}`);

  const settleMs = guardNumber(guardOptions?.settleMs, 'settleMs', 0, 600_000) ?? Math.max(common.timeoutMs, 30_000);
  const storeTimeoutMs = guardNumber(guardOptions?.storeTimeoutMs, 'storeTimeoutMs', 1, 60_000) ?? 500;
  const resendUnknown = guardOptions?.resendUnknown ?? false;
  if (typeof resendUnknown !== 'boolean') throw new ConfigurationError('guard.resendUnknown must be true or false');
  const safely = storeCalls(store !== undefined || (guardOptions?.ledger !== undefined && guardOptions.ledger !== false), storeTimeoutMs, (message, state) =>
    log('warn', message, { event: `guard.store.${state}` }),
  );

  /** What to record in the ledger for a result: the send, or the invitation that made it a skip. */
  function recordOf(result: SendResult, sentAtLeast: Date): Locked<SendResult>['record'] {
    const entry = result.status === 'sent' ? { invitationId: result.invitationId, sentAt: sentAtLeast } : { invitationId: result.lastInvitation.id, sentAt: result.lastInvitation.sentAt };
    const ttlMs = entry.sentAt.getTime() + windowMs! - now().getTime();
    return ttlMs > 0 ? { entry, ttlMs } : undefined;
  }

  /** Sends and records the send; with a shared store and unless forced, under the number's lock. */
  async function sendRecorded(key: string, phone: string, lock: boolean, note: GuardNote, send: (stillHeld?: () => Promise<void>) => Promise<SendResult>) {
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
    const lockLoop = await (lockModule ??= import('./guard-store.js'));
    return lockLoop.withLock<SendResult>(key, { store, lockTtlMs, sleep: abortableSleep, safely, ledgerSkip: async () => {
      const skip = await ledgerSkip(key, phone);
      return skip && note(skip, 'ledger_after_lock_wait');
    }, nothingSent: (m) => new ConnectionError(m, { outcomeUnknown: false }) }, locked);
  }

  async function normalizePhone(check: Checker, value: unknown): Promise<string | undefined> {
    if (!check.requiredString(value, 'targetPhone')) return undefined;
    const phone = await toE164(value, options.defaultCountry);
    if (phone.ok) return phone.e164;
    check.add('targetPhone', phone.rule, phone.message);
    return undefined;
  }

  async function findNewest(businessId: string, phone: string, since: Date): Promise<Invitation | undefined> {
    let newest: Invitation | undefined;
    for await (const inv of searchPages(api, { business_id: businessId, target_phone: phone, after: Math.floor(since.getTime() / 1000) })) {
      // The server filtered by `after`, so by its account this one is recent: a time we cannot read must not
      // read as "nothing recent" (sent_time is optional in the spec).
      if (Number.isNaN(inv.sentAt.getTime())) {
        throw unexpectedBody('checkDuplicatedReviewInvitation', `search returned invitation ${inv.id} with no readable sent_time: not sending (force: true sends)`);
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
    const phone = await normalizePhone(check, input.targetPhone);
    check.optionalString(input.targetName, 'targetName', 255);
    check.optionalBoolean(input.force, 'force');
    check.optionalBoolean(input.stripNonAscii, 'stripNonAscii');
    const content = inviteContent(check, input.inviteContent, input.stripNonAscii === true);
    check.throwIfAny();
    // Printable, since a shared store uses it in its own keys.
    return { phone: phone!, content, force: input.force === true, key: `${encodeURIComponent(input.businessId)}:${phone}` };
  }

  /** A skip from the ledger (0 requests), or undefined when the ledger does not know the number. */
  async function ledgerSkip(key: string, phone: string): Promise<SkippedResult | undefined> {
    const known = ledger && (await safely(() => ledger.get(key), undefined));
    if (!known || known.sentAt.getTime() <= now().getTime() - windowMs!) return undefined;
    return skippedFor(phone, known.invitationId, known.sentAt, windowMs!);
  }

  const reviewBooster: ReviewBooster = {
    async checkInvitation(input) {
      const { phone, force, key } = await prepare(input);
      if (force || windowMs === undefined) return { status: 'would_send', targetPhone: phone };
      const skip = await ledgerSkip(key, phone);
      if (skip) return skip;
      const recent = await findNewest(input.businessId, phone, new Date(now().getTime() - windowMs));
      return recent ? skippedFor(phone, recent.id, recent.sentAt, windowMs) : { status: 'would_send', targetPhone: phone };
    },

    async sendInvitation(input) {
      const { phone, content, force, key } = await prepare(input);
      const body = {
        business_id: input.businessId,
        target_phone: phone,
        ...(input.targetName !== undefined && { target_name: input.targetName }),
        ...(content !== undefined && { invite_content: content }),
        ...(force && { force: 'True' as const }),
      };
      const note = decisionLog(log, input.businessId, phone);
      if (!force) {
        const skip = await ledgerSkip(key, phone);
        if (skip) return note(skip, 'ledger');
      }
      const send = (stillHeld?: () => Promise<void>) =>
        guardedSend(
          { businessId: input.businessId, targetPhone: phone, force },
          {
            now,
            windowMs,
            maxRetries: common.maxRetries,
            settleMs,
            resendUnknown,
            findNewest,
            sleep,
            note,
            post: async () => {
              await stillHeld?.();
              const data = await unwrap<{ invitation_id?: string }>(
                await api.POST('/review_booster/send_invitation', { body, parseAs: 'stream' }),
                'sendReviewInvitation',
              );
              // Accepted without an id: the guard finds it with a search (a 2xx is never sent again).
              if (!data.invitation_id) throw unexpectedBody('sendReviewInvitation', 'response without invitation_id', data);
              return { invitationId: data.invitation_id };
            },
          },
        );
      // A forced send takes no lock (it must not wait to be skipped), and is still recorded.
      if (windowMs === undefined) return send();
      if (force) return sendRecorded(key, phone, false, note, send);
      let led = false;
      const result = await inFlight.run(key, () => ((led = true), sendRecorded(key, phone, true, note, send)));
      return led ? result : note(result, 'in_flight');
    },

    searchInvitations(input) {
      const check = new Checker();
      // Validation is synchronous where it can be, so a bad call fails at the call site; the phone needs
      // the lazily loaded metadata, so it is checked when iteration starts, still before any request.
      if (!check.object(input, 'input')) check.throwIfAny();
      check.knownKeys(input, SEARCH_FIELDS);
      check.requiredString(input.businessId, 'businessId');
      check.optionalDate(input.after, 'after');
      check.throwIfAny();
      return lazyPaginated(async () => {
        const phoneCheck = new Checker();
        const phone = await normalizePhone(phoneCheck, input.targetPhone);
        phoneCheck.throwIfAny();
        return searchPages(api, {
          business_id: input.businessId,
          target_phone: phone!,
          ...(input.after && { after: Math.floor(input.after.getTime() / 1000) }),
        });
      });
    },

    async getInvitationStatus(invitationId) {
      const check = new Checker();
      check.requiredString(invitationId, 'invitationId');
      check.throwIfAny();
      const data = await unwrap<{ status?: InvitationStatus }>(
        await api.GET('/review_booster/invitation_status', { params: { query: { invitation_id: invitationId } }, parseAs: 'stream' }),
        'getReviewInvitationStatus',
      );
      if (!data.status) throw unexpectedBody('getReviewInvitationStatus', 'response without a status', data);
      return data.status;
    },

    async *sendInvitations(inputs, bulkOptions = {}) {
      // Loaded on first use: batch sending stays off the core import path.
      const { runBulk } = await import('./bulk.js');
      yield* runBulk(inputs, bulkOptions, (input) => reviewBooster.sendInvitation(input));
    },

    async waitForFinalStatus(invitationId, waitOptions = {}) {
      const check = new Checker();
      check.requiredString(invitationId, 'invitationId');
      check.integer(waitOptions.intervalMs, 'intervalMs', 1, 3_600_000);
      check.integer(waitOptions.timeoutMs, 'timeoutMs', 1, 86_400_000);
      check.throwIfAny();
      const intervalMs = waitOptions.intervalMs ?? 5_000;
      const timeoutMs = waitOptions.timeoutMs ?? 600_000;
      const deadline = Date.now() + timeoutMs;
      let last: InvitationStatus | undefined;
      for (;;) {
        if (waitOptions.signal?.aborted) throw waitOptions.signal.reason;
        last = await reviewBooster.getInvitationStatus(invitationId);
        if (isFinalStatus(last)) return last;
        // No sleep runs past the deadline, so no timer outlives the call (an AbortSignal.timeout would).
        if (Date.now() + intervalMs > deadline) break;
        await abortableSleep(intervalMs, waitOptions.signal);
      }
      throw new TimeoutError(`invitation ${invitationId} reached no final status within ${timeoutMs} ms (last: ${last})`, { outcomeUnknown: false });
    },
  };

  return { api: rawClient(api), reviewBooster };
}

function rateLimiter(option: PartooClientOptions['rateLimit'], clock: Clock | undefined): RateLimiter | undefined {
  if (option === false) return undefined;
  if (typeof (option as RateLimiter | undefined)?.take === 'function') return option as RateLimiter;
  const rpm = (option as RateLimitOptions | undefined)?.requestsPerMinute ?? 300;
  if (typeof rpm !== 'number' || !(rpm >= 1) || rpm > 1_000_000) throw new ConfigurationError(`rateLimit.requestsPerMinute must be a number from 1 to 1000000, not ${String(rpm)}`);
  return new TokenBucket(rpm, clock ?? { now: Date.now, sleep: abortableSleep });
}

function resolveStore(option: GuardStore | undefined): GuardStore | undefined {
  if (option === undefined) return undefined;
  for (const m of ['get', 'set', 'acquire', 'release'] as const) {
    if (typeof option?.[m] !== 'function') throw new ConfigurationError(`guard.store must have get, set, acquire and release; ${m} is missing`);
  }
  return option;
}

function resolveLedger(option: GuardLedger | false | undefined, nowMs: () => number): GuardLedger | undefined {
  if (option === false) return undefined;
  if (option === undefined) return new MemoryLedger(undefined, nowMs);
  if (typeof option.get !== 'function' || typeof option.set !== 'function') throw new ConfigurationError('guard.ledger must have get(key) and set(key, entry, ttlMs)');
  return option;
}

/**
 * How the guard calls its ledger and store. One of your own (a shared store, a custom ledger) gets a deadline per
 * call and degrades to the search, from a chunk loaded on first use; the default in-memory ledger answers at once.
 */
/** Logs each guard decision at info, with what decided it; returns the result it was given. */
function decisionLog(log: Log, businessId: string, phone: string): GuardNote {
  return (result, reason) => {
    const invitationId = result.status === 'sent' ? result.invitationId : result.lastInvitation.id;
    const what = result.status === 'sent' ? `sent (${reason})` : `skipped: ${REASONS[reason] ?? reason}`;
    log('info', `sendInvitation ${what}`, { event: 'guard.decision', decision: result.status, reason, businessId, phone, invitationId });
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
  return async (work, fallback) => (await (caller ??= import('./store-call.js').then((m) => m.storeCaller(timeoutMs, warn))))(work, fallback);
}

function guardNumber(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(`guard.${name} must be a whole number of ms from ${min} to ${max}, not ${String(value)}`);
  }
  return value;
}

function guardWindow(guard: PartooClientOptions['guard']): number | undefined {
  if (guard === false) return undefined;
  const days = guard?.windowDays ?? 10;
  if (typeof days !== 'number' || !(days > 0) || days > 365) throw new ConfigurationError(`guard.windowDays must be a number of days from 0 to 365, not ${String(days)}`);
  return days * DAY_MS;
}

const MAX_CONTENT = 286;

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
    check.add('inviteContent', 'ascii', `inviteContent has non-ASCII characters Partoo would remove: ${nonAscii.map((c) => JSON.stringify(c)).join(', ')} (pass stripNonAscii: true to drop them)`);
  } else if (nonAscii.length) {
    text = [...value].filter((c) => c.charCodeAt(0) <= 0x7f).join('');
  }
  if (text.length > MAX_CONTENT) check.add('inviteContent', 'maxLength', `inviteContent must be at most ${MAX_CONTENT} characters (got ${text.length})`);
  if (!text.includes('@link')) check.add('inviteContent', 'link', 'inviteContent must contain @link (where Partoo puts the review link)');
  return text;
}

/** A Paginated whose walk starts only after an async preparation step (validation needing metadata). */
function lazyPaginated<T, P extends { items: T[] }>(prepare: () => Promise<Paginated<T, P>>): Paginated<T, P> {
  return new Paginated<T, P>(async function* () {
    yield* (await prepare()).pages();
  });
}
