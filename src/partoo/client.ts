// The Partoo client, built whole when it is made: options checked (a wrong one fails at `createPartooClient`),
// the transport, `.api` (openapi-fetch's own client over it), and Review Booster's methods over `.api`. Only the
// phone metadata loads later, with the first phone check.
import type { paths } from '../generated/partoo.js';
import { apiOptions, createApi, type ApiOptions } from '../core/api-client.js';
import { COMMON_KEYS, resolveCommon, requireKey, PARTOO_URLS, type CommonClientOptions } from '../core/config.js';
import { checkLogOptions, createLog, LOG_KEYS, type LogOptions } from '../core/log.js';
import { attemptObserver } from '../core/observe.js';
import { TokenBucket, type RateLimiter, type RateLimitOptions } from '../core/rate-limit.js';
import { registerSecrets } from '../core/redact.js';
import { createRequests } from '../core/request.js';
import { systemRuntime, type Runtime } from '../core/runtime.js';
import { createTransport } from '../core/transport.js';
import type { PartooApi } from './api.js';
import type { GuardOptions } from './guard/guarded-send.js';
import { checkDefaultCountry, guardClock, guardSettings, guardWindow, rateLimit } from './options.js';
import type { WaitOptions } from './reads.js';
import { reviewBooster, type ReviewBooster } from './review-booster.js';
import type { SearchInvitationsInput } from './search-input.js';
import type { SendInvitationInput } from './send-input.js';

export type { ReviewBooster };

export type { SearchInvitationsInput, SendInvitationInput, WaitOptions };

/** The client's own options and openapi-fetch's (`headers`, serializers, `Request`, ...), handed on to `.api`. */
export interface PartooClientOptions extends CommonClientOptions, LogOptions, ApiOptions {
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

export interface PartooClient {
  /** openapi-fetch's client for every operation of openapi/partoo.yaml, over the SDK's auth, timeout and retries */
  api: PartooApi;
  reviewBooster: ReviewBooster;
}

/** The keys the client reads itself: every other one is openapi-fetch's. */
const OWN_KEYS = new Set([...COMMON_KEYS, ...LOG_KEYS, 'apiKey', 'defaultCountry', 'guard', 'now', 'rateLimit']);

/** The spec's arrays repeated (`name=a&name=b`), objects deep, whatever `.api`'s own querySerializer says. */
const PARTOO_QUERY = {
  array: { style: 'form', explode: true },
  object: { style: 'deepObject', explode: true },
} as const;

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
  checkLogOptions(options);
  const guard = guardSettings(options.guard, guardWindow(options.guard), common.timeoutMs);
  const rate = rateLimit(options.rateLimit, options);
  const log = createLog(options);
  const transport = createTransport({
    ...common,
    authHeaders: { 'x-APIKey': apiKey },
    secrets: [apiKey],
    runtime,
    limiter: typeof rate === 'number' ? new TokenBucket(rate, runtime) : rate,
    observe: attemptObserver(log),
  });
  registerSecrets(transport, [apiKey]);
  const api = createApi<paths>(transport, common.baseUrl, apiOptions(options, OWN_KEYS), 'x-APIKey');
  const requests = createRequests<paths>(api, { querySerializer: PARTOO_QUERY, now: () => runtime.now() });
  const context = { ...guard, api: requests, now, log, runtime, maxRetries: common.maxRetries };
  return { api, reviewBooster: reviewBooster(context, options.defaultCountry) };
}
