// The Partoo client: options checked at construction, so a wrong one fails at `createPartooClient`; what it does
// (operations.ts: transport, `.api`, Review Booster's methods) loads with its first call, so an import of the
// package stays small. The send path loads with the first send, and the phone metadata with the first phone check.
import { resolveCommon, requireKey, PARTOO_URLS, type CommonClientOptions } from '../core/config.js';
import { lazyApi, loadedOnce } from '../core/lazy-api.js';
import { checkLogOptions, type LogOptions } from '../core/log.js';
import { Paginated } from '../core/paginate.js';
import { registerSecrets } from '../core/redact.js';
import type { RateLimiter, RateLimitOptions } from '../core/rate-limit.js';
import { systemRuntime, type Runtime } from '../core/runtime.js';
import type { PartooApi } from './api.js';
import type { GuardOptions } from './guard/guarded-send.js';
import type { PartooOperations, PartooSettings } from './operations.js';
import { checkDefaultCountry, guardClock, guardSettings, guardWindow, rateLimit } from './options.js';
import type { WaitOptions } from './reads.js';
import { checkSearchInput, type SearchInvitationsInput } from './search-input.js';
import type { SendInvitationInput } from './send-input.js';
import type { ReviewBooster } from './review-booster.js';

export type { ReviewBooster };

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
  checkLogOptions(options);
  const windowMs = guardWindow(options.guard);
  const settings: Omit<PartooSettings, 'api'> = {
    common,
    apiKey,
    now,
    defaultCountry: options.defaultCountry,
    log: options,
    rateLimit: rateLimit(options.rateLimit, options),
    guard: guardSettings(options.guard, windowMs, common.timeoutMs),
  };
  // Registered now, not with the first call: an error or log line of any client hides the key from the start.
  registerSecrets(settings, [apiKey]);
  const ops = loadedOnce(import('./operations.js'), (m): PartooOperations =>
    m.partooOperations({ ...settings, api }, runtime),
  );
  const api: PartooApi = lazyApi<PartooApi>(async (middleware) => (await ops()).loadApi(middleware));
  return { api, reviewBooster: lazyReviewBooster(ops) };
}

/** Each method loads the operations with the first call; a search validates its input at once, as before. */
function lazyReviewBooster(ops: () => Promise<PartooOperations>): ReviewBooster {
  const rb = async () => (await ops()).reviewBooster;
  return {
    checkInvitation: async (input) => (await rb()).checkInvitation(input),
    sendInvitation: async (input) => (await rb()).sendInvitation(input),
    searchInvitations: (input) => {
      checkSearchInput(input);
      return new Paginated(async function* () {
        yield* (await rb()).searchInvitations(input).pages();
      });
    },
    getInvitationStatus: async (invitationId) => (await rb()).getInvitationStatus(invitationId),
    waitForFinalStatus: async (invitationId, waitOptions) => (await rb()).waitForFinalStatus(invitationId, waitOptions),
    sendInvitations: async function* (inputs, bulkOptions) {
      yield* (await rb()).sendInvitations(inputs, bulkOptions);
    },
  };
}
