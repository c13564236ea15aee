import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/partoo.js';
import { unwrap } from '../core/api-result.js';
import { rawClient } from '../core/raw-client.js';
import { resolveCommon, requireKey, PARTOO_URLS, type CommonClientOptions } from '../core/config.js';
import { ConfigurationError, TimeoutError, unexpectedBody } from '../core/errors.js';
import type { BulkOptions, BulkOutcome } from './bulk.js';
import type { GuardOptions, SendResult, SkippedResult } from './guard/guarded-send.js';
import type { GuardStore } from './guard/lock-loop.js';
import type { GuardLedger } from './guard/ledger.js';
import { createLog, type LogOptions } from '../core/log.js';
import { traced, type Attributes } from '../core/trace.js';
import { attemptObserver } from '../core/observe.js';
import type { Sender, SendContext } from './send.js';
import { TokenBucket, type Clock, type RateLimiter, type RateLimitOptions } from '../core/rate-limit.js';
import {
  isFinalStatus,
  searchPages,
  type FinalInvitationStatus,
  type Invitation,
  type InvitationPage,
  type InvitationStatus,
} from './invitations.js';
import { Paginated } from '../core/paginate.js';
import { toE164 } from './phone.js';
import { abortableSleep, createTransport, type TransportOptions } from '../core/transport.js';
import { Checker } from '../core/validate.js';

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
  /** Polls until the invitation reaches a final status (DELIVERED, FAILED_SEND or FAILED_DELIVERY): returns it. */
  waitForFinalStatus(invitationId: string, options?: WaitOptions): Promise<FinalInvitationStatus>;
  /** Sends a batch, yielding one outcome per input (sent, skipped, or failed with its error); a row never throws. */
  sendInvitations<I extends SendInvitationInput>(
    inputs: Iterable<I> | AsyncIterable<I>,
    options?: BulkOptions,
  ): AsyncGenerator<BulkOutcome<I>, void, undefined>;
}

export interface PartooClient {
  /** the raw openapi-fetch client for every operation of openapi/partoo.yaml, with auth, timeout and retries */
  api: Client<paths>;
  reviewBooster: ReviewBooster;
}

const DAY_MS = 86_400_000;
const SEARCH_FIELDS = ['businessId', 'targetPhone', 'after'] as const;
/** test seam, not part of the public options */
export type InternalOptions = Pick<TransportOptions, 'sleep' | 'random'> & { rateLimitClock?: Clock };

export function createPartooClient(options: PartooClientOptions = {}): PartooClient {
  const common = resolveCommon(options, PARTOO_URLS);
  const apiKey = requireKey(options.apiKey, 'apiKey', 'PARTOO_API_KEY');
  const now = options.now ?? (() => new Date());
  if (options.now !== undefined && typeof options.now !== 'function')
    throw new ConfigurationError('now must be a function returning a Date');
  if (options.defaultCountry !== undefined && !/^[A-Z]{2}$/.test(options.defaultCountry)) {
    throw new ConfigurationError(
      `defaultCountry must be an ISO 3166-1 alpha-2 code such as "FR", not ${JSON.stringify(options.defaultCountry)}`,
    );
  }
  const log = createLog(options);
  const windowMs = guardWindow(options.guard);
  const internal = options as InternalOptions;
  const sleep = internal.sleep ?? abortableSleep;

  const limiter = rateLimiter(options.rateLimit, internal.rateLimitClock);
  const api = createClient<paths>({
    baseUrl: common.baseUrl,
    fetch: createTransport({
      ...common,
      authHeaders: { 'x-APIKey': apiKey },
      secrets: [apiKey],
      sleep,
      random: internal.random,
      limiter,
      observe: attemptObserver(log),
    }),
    // Set on every request openapi-fetch builds, so even a custom fetch that drops `init` never follows one.
    redirect: 'manual',
  });
  const guardOptions = options.guard === false ? undefined : options.guard;
  const lockTtlMs = guardOptions?.lockTtlMs ?? 60_000;
  if (!(lockTtlMs >= 100 && lockTtlMs <= 3_600_000))
    throw new ConfigurationError(`guard.lockTtlMs must be from 100 to 3600000 ms, not ${String(lockTtlMs)}`);
  const resendUnknown = guardOptions?.resendUnknown ?? false;
  if (typeof resendUnknown !== 'boolean') throw new ConfigurationError('guard.resendUnknown must be true or false');
  const sendContext: SendContext = {
    api,
    now,
    log,
    sleep,
    maxRetries: common.maxRetries,
    windowMs,
    settleMs: guardNumber(guardOptions?.settleMs, 'settleMs', 0, 600_000) ?? Math.max(common.timeoutMs, 30_000),
    resendUnknown,
    store: windowMs === undefined ? undefined : resolveStore(guardOptions?.store),
    ledger: resolveLedger(guardOptions?.ledger),
    lockTtlMs,
    storeTimeoutMs: guardNumber(guardOptions?.storeTimeoutMs, 'storeTimeoutMs', 1, 60_000) ?? 500,
    normalizePhone,
  };
  // The send path loads with the first send or check, once per client (its in-flight sends are the client's).
  let sender: Promise<Sender> | undefined;
  const send = () => (sender ??= import('./send.js').then((m) => m.createSender(sendContext)));

  async function normalizePhone(check: Checker, value: unknown): Promise<string | undefined> {
    if (!check.requiredString(value, 'targetPhone')) return undefined;
    const phone = await toE164(value, options.defaultCountry);
    if (phone.ok) return phone.e164;
    check.add('targetPhone', phone.rule, phone.message);
    return undefined;
  }

  const reviewBooster: ReviewBooster = {
    checkInvitation(input) {
      return traced('partoo.checkInvitation', businessOf(input), async () => (await send()).checkInvitation(input));
    },

    sendInvitation(input) {
      return traced('partoo.sendInvitation', businessOf(input), async () => (await send()).sendInvitation(input));
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

    getInvitationStatus(invitationId) {
      return traced('partoo.getInvitationStatus', {}, () => invitationStatus(invitationId));
    },

    waitForFinalStatus(invitationId, waitOptions = {}) {
      return traced('partoo.waitForFinalStatus', {}, () => waitFinal(invitationId, waitOptions));
    },

    async *sendInvitations(inputs, bulkOptions = {}) {
      const concurrency = bulkOptions.concurrency ?? 4;
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
        throw new ConfigurationError(`concurrency must be an integer from 1 to 256, not ${concurrency}`);
      }
      // Loaded on first use: batch sending stays off the core import path (and imports nothing of it).
      const { runBulk } = await import('./bulk.js');
      yield* runBulk(inputs, bulkOptions, (input) => reviewBooster.sendInvitation(input));
    },
  };

  async function invitationStatus(invitationId: string): Promise<InvitationStatus> {
    const check = new Checker();
    check.requiredString(invitationId, 'invitationId');
    check.throwIfAny();
    const query = { invitation_id: invitationId };
    const result = await api.GET('/review_booster/invitation_status', { params: { query }, parseAs: 'stream' });
    const data = await unwrap<{ status?: InvitationStatus }>(result, 'getReviewInvitationStatus');
    if (!data.status) throw unexpectedBody('getReviewInvitationStatus', 'response without a status', data);
    return data.status;
  }

  async function waitFinal(invitationId: string, waitOptions: WaitOptions): Promise<FinalInvitationStatus> {
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
      last = await invitationStatus(invitationId);
      if (isFinalStatus(last)) return last;
      // No sleep runs past the deadline, so no timer outlives the call (an AbortSignal.timeout would).
      if (Date.now() + intervalMs > deadline) break;
      await abortableSleep(intervalMs, waitOptions.signal);
    }
    const message = `invitation ${invitationId} reached no final status within ${timeoutMs} ms (last: ${last})`;
    throw new TimeoutError(message, { outcomeUnknown: false });
  }

  return { api: rawClient(api), reviewBooster };
}

function rateLimiter(option: PartooClientOptions['rateLimit'], clock: Clock | undefined): RateLimiter | undefined {
  if (option === false) return undefined;
  if (typeof (option as RateLimiter | undefined)?.take === 'function') return option as RateLimiter;
  const rpm = (option as RateLimitOptions | undefined)?.requestsPerMinute ?? 300;
  if (typeof rpm !== 'number' || !(rpm >= 1) || rpm > 1_000_000)
    throw new ConfigurationError(`rateLimit.requestsPerMinute must be a number from 1 to 1000000, not ${String(rpm)}`);
  return new TokenBucket(rpm, clock ?? { now: Date.now, sleep: abortableSleep });
}

function resolveStore(option: GuardStore | undefined): GuardStore | undefined {
  if (option === undefined) return undefined;
  for (const m of ['get', 'set', 'acquire', 'release'] as const) {
    if (typeof option?.[m] !== 'function')
      throw new ConfigurationError(`guard.store must have get, set, acquire and release; ${m} is missing`);
  }
  return option;
}

function resolveLedger(option: GuardLedger | false | undefined): GuardLedger | false | undefined {
  if (option === undefined || option === false) return option;
  if (typeof option.get !== 'function' || typeof option.set !== 'function')
    throw new ConfigurationError('guard.ledger must have get(key) and set(key, entry, ttlMs)');
  return option;
}

function guardNumber(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(
      `guard.${name} must be a whole number of ms from ${min} to ${max}, not ${String(value)}`,
    );
  }
  return value;
}

function guardWindow(guard: PartooClientOptions['guard']): number | undefined {
  if (guard === false) return undefined;
  const days = guard?.windowDays ?? 10;
  if (typeof days !== 'number' || !(days > 0) || days > 365)
    throw new ConfigurationError(`guard.windowDays must be a number of days from 0 to 365, not ${String(days)}`);
  return days * DAY_MS;
}

/** The span attribute a send or check can carry before its input is validated: the business, when it is one. */
const businessOf = (input: unknown): Attributes => {
  const id = (input as { businessId?: unknown } | null)?.businessId;
  return typeof id === 'string' ? { 'partoo.business_id': id } : {};
};

/** A Paginated whose walk starts only after an async preparation step (validation needing metadata). */
function lazyPaginated<T, P extends { items: T[] }>(prepare: () => Promise<Paginated<T, P>>): Paginated<T, P> {
  return new Paginated<T, P>(async function* () {
    yield* (await prepare()).pages();
  });
}
