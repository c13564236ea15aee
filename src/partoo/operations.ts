// What a Partoo client does, loaded with its first call (client.ts checked the options at construction): the
// transport over the attempt core, `.api`'s loader, the typed requests, and Review Booster's methods over the read
// methods (reads.ts) and the send path (send.ts, loaded with the first send or check).
import type { paths } from '../generated/partoo.js';
import type { CommonSettings } from '../core/config.js';
import { ConfigurationError } from '../core/errors.js';
import { createLog, type LogOptions } from '../core/log.js';
import { attemptObserver } from '../core/observe.js';
import { TokenBucket, type RateLimiter } from '../core/rate-limit.js';
import { openapiLoader } from '../core/raw-client.js';
import { createRequests } from '../core/request.js';
import type { Runtime } from '../core/runtime.js';
import { traced, type Attributes } from '../core/trace.js';
import { createTransport } from '../core/transport.js';
import type { Checker } from '../core/validate.js';
import type { PartooRequests } from './api.js';
import type { BulkOptions, BulkOutcome } from './bulk.js';
import type { SendResult } from './guard/guarded-send.js';
import type { GuardSettings } from './options.js';
import { toE164 } from './phone.js';
import { invitationStatus, searchInvitations, waitForFinal, type PhoneNormalizer } from './reads.js';
import type { Sender, SendContext } from './send.js';
import type { SendInvitationInput } from './send-input.js';
import type { ReviewBooster } from './review-booster.js';

/** Everything client.ts checked, for the operations to run with. */
export interface PartooSettings {
  common: CommonSettings;
  apiKey: string;
  now: () => Date;
  defaultCountry: string | undefined;
  log: LogOptions;
  rateLimit: RateLimiter | number | undefined;
  guard: GuardSettings;
  /** the client's `.api` shell: while middleware is registered on it, the client's own calls go through it */
  api: object;
}

export interface PartooOperations {
  /** lazyApi's loader: openapi-fetch over this client's transport */
  loadApi: ReturnType<typeof openapiLoader>;
  reviewBooster: ReviewBooster;
}

export function partooOperations(settings: PartooSettings, runtime: Runtime): PartooOperations {
  const { common, apiKey } = settings;
  const log = createLog(settings.log);
  const rate = settings.rateLimit;
  const transport = createTransport({
    ...common,
    authHeaders: { 'x-APIKey': apiKey },
    secrets: [apiKey],
    runtime,
    limiter: typeof rate === 'number' ? new TokenBucket(rate, runtime) : rate,
    observe: attemptObserver(log),
  });
  // `redirect` is set on every request openapi-fetch builds, so even a custom fetch that drops `init` never
  // follows one.
  const openapiFetch = () => import('openapi-fetch').then((m) => m.default);
  const loadApi = openapiLoader(openapiFetch, { baseUrl: common.baseUrl, fetch: transport, redirect: 'manual' });
  const requests = createRequests<paths>(transport, { baseUrl: common.baseUrl, api: settings.api });
  const normalizePhone = phoneNormalizer(settings.defaultCountry);
  const context: SendContext = {
    ...settings.guard,
    api: requests,
    now: settings.now,
    log,
    runtime,
    maxRetries: common.maxRetries,
    normalizePhone,
  };
  // The send path loads with the first send or check, once per client (its in-flight sends are the client's).
  let sender: Promise<Sender> | undefined;
  const send = () => (sender ??= import('./send.js').then((m) => m.createSender(context)));
  return { loadApi, reviewBooster: reviewBooster(requests, runtime, normalizePhone, send) };
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
  // Loaded on first use: batch sending stays off the path of a client that only sends one at a time.
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
