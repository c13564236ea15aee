// The Partoo client: options checked at construction, the raw `.api`, and Review Booster's methods, each a few lines
// over the read methods (reads.ts) and the send path (send.ts, loaded with the first send or check).
import type { paths } from '../generated/partoo.js';
import { lazyApi } from '../core/raw-client.js';
import { createRequests } from '../core/request.js';
import { resolveCommon, requireKey, PARTOO_URLS, type CommonClientOptions } from '../core/config.js';
import { ConfigurationError } from '../core/errors.js';
import { createLog, type LogOptions } from '../core/log.js';
import { traced, type Attributes } from '../core/trace.js';
import { attemptObserver } from '../core/observe.js';
import type { RateLimiter, RateLimitOptions } from '../core/rate-limit.js';
import { systemRuntime, type Runtime } from '../core/runtime.js';
import type { Paginated } from '../core/paginate.js';
import { createTransport } from '../core/transport.js';
import type { Checker } from '../core/validate.js';
import type { PartooApi, PartooRequests } from './api.js';
import type { BulkOptions, BulkOutcome } from './bulk.js';
import type { GuardOptions, SendResult, SkippedResult } from './guard/guarded-send.js';
import type { FinalInvitationStatus, Invitation, InvitationPage, InvitationStatus } from './invitations.js';
import { checkDefaultCountry, guardClock, guardSettings, guardWindow, rateLimiter } from './options.js';
import { toE164 } from './phone.js';
import {
  invitationStatus,
  searchInvitations,
  waitForFinal,
  type PhoneNormalizer,
  type SearchInvitationsInput,
  type WaitOptions,
} from './reads.js';
import type { Sender, SendContext } from './send.js';
import type { SendInvitationInput } from './send-input.js';

export type { SearchInvitationsInput, SendInvitationInput, WaitOptions };

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
  api: PartooApi;
  reviewBooster: ReviewBooster;
}

export function createPartooClient(options: PartooClientOptions = {}): PartooClient {
  return createPartooClientWith(options, systemRuntime);
}

/**
 * @internal The client on a given clock and source of randomness: tests pass a controlled one. Not exported from
 * the package; `createPartooClient` is this with the system's.
 */
export function createPartooClientWith(options: PartooClientOptions, runtime: Runtime): PartooClient {
  const common = resolveCommon(options, PARTOO_URLS);
  const apiKey = requireKey(options.apiKey, 'apiKey', 'PARTOO_API_KEY');
  const now = guardClock(options.now, runtime);
  checkDefaultCountry(options.defaultCountry);
  const log = createLog(options);
  const windowMs = guardWindow(options.guard);
  const limiter = rateLimiter(options.rateLimit, runtime);
  const transport = createTransport({
    ...common,
    authHeaders: { 'x-APIKey': apiKey },
    secrets: [apiKey],
    runtime,
    limiter,
    observe: attemptObserver(log),
  });
  // openapi-fetch loads with the first `.api` call: the client's own operations never need it. `redirect` is set on
  // every request openapi-fetch builds, so even a custom fetch that drops `init` never follows one.
  const openapiFetch = () => import('openapi-fetch').then((m) => m.default);
  const api = lazyApi<PartooApi>(openapiFetch, { baseUrl: common.baseUrl, fetch: transport, redirect: 'manual' });
  const requests = createRequests<paths>(transport, { baseUrl: common.baseUrl, api });
  const normalizePhone = phoneNormalizer(options.defaultCountry);
  const guard = guardSettings(options.guard, windowMs, common.timeoutMs);
  const context: SendContext = {
    ...guard,
    api: requests,
    now,
    log,
    runtime,
    maxRetries: common.maxRetries,
    normalizePhone,
  };
  // The send path loads with the first send or check, once per client (its in-flight sends are the client's).
  let sender: Promise<Sender> | undefined;
  const send = () => (sender ??= import('./send.js').then((m) => m.createSender(context)));
  return { api, reviewBooster: reviewBooster(requests, runtime, normalizePhone, send) };
}

function reviewBooster(
  api: PartooRequests,
  runtime: Runtime,
  normalizePhone: PhoneNormalizer,
  send: () => Promise<Sender>,
): ReviewBooster {
  const methods: ReviewBooster = {
    checkInvitation: (input) =>
      traced('partoo.checkInvitation', businessOf(input), async () => (await send()).checkInvitation(input)),
    sendInvitation: (input) =>
      traced('partoo.sendInvitation', businessOf(input), async () => (await send()).sendInvitation(input)),
    searchInvitations: (input) => searchInvitations(api, normalizePhone, input),
    getInvitationStatus: (invitationId) =>
      traced('partoo.getInvitationStatus', {}, () => invitationStatus(api, invitationId)),
    waitForFinalStatus: (invitationId, waitOptions = {}) =>
      traced('partoo.waitForFinalStatus', {}, () => waitForFinal(api, runtime, invitationId, waitOptions)),
    sendInvitations: (inputs, bulkOptions = {}) => sendBatch(inputs, bulkOptions, methods.sendInvitation),
  };
  return methods;
}

async function* sendBatch<I extends SendInvitationInput>(
  inputs: Iterable<I> | AsyncIterable<I>,
  options: BulkOptions,
  send: (input: I) => Promise<SendResult>,
): AsyncGenerator<BulkOutcome<I>, void, undefined> {
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new ConfigurationError(`concurrency must be an integer from 1 to 256, not ${concurrency}`);
  }
  // Loaded on first use: batch sending stays off the core import path (and imports nothing of it).
  const { runBulk } = await import('./bulk.js');
  yield* runBulk(inputs, options, send);
}

function phoneNormalizer(defaultCountry: string | undefined): PhoneNormalizer {
  return async (check: Checker, value: unknown) => {
    if (!check.requiredString(value, 'targetPhone')) return undefined;
    const phone = await toE164(value, defaultCountry);
    if (phone.ok) return phone.e164;
    check.add('targetPhone', phone.rule, phone.message);
    return undefined;
  };
}

/** The span attribute a send or check can carry before its input is validated: the business, when it is one. */
const businessOf = (input: unknown): Attributes => {
  const id = (input as { businessId?: unknown } | null)?.businessId;
  return typeof id === 'string' ? { 'partoo.business_id': id } : {};
};
