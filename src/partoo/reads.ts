// The read methods of Review Booster: an invitation's status, polling it to a final one, and the search.
import { TimeoutError, unexpectedBody } from '../core/errors.js';
import { Paginated } from '../core/paginate.js';
import type { Runtime } from '../core/runtime.js';
import { Checker } from '../core/validate.js';
import { checkSearchInput, type SearchInvitationsInput } from './search-input.js';
import { unwrapOk, type PartooRequests } from './api.js';
import {
  isFinalStatus,
  searchPages,
  type FinalInvitationStatus,
  type Invitation,
  type InvitationPage,
  type InvitationStatus,
} from './invitations.js';

/** Checks a phone number and gives its E.164 form, or records why not in `check`. */
export type PhoneNormalizer = (check: Checker, value: unknown) => Promise<string | undefined>;

export type { SearchInvitationsInput };

export interface WaitOptions {
  /** between polls, default 5000 */
  intervalMs?: number;
  /** overall, default 600000 */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function invitationStatus(api: PartooRequests, invitationId: string): Promise<InvitationStatus> {
  const check = new Checker();
  check.requiredString(invitationId, 'invitationId');
  check.throwIfAny();
  const query = { invitation_id: invitationId };
  const result = await api.GET('/review_booster/invitation_status', { params: { query } });
  const data = await unwrapOk(result, 'getReviewInvitationStatus');
  if (!data.status) throw unexpectedBody('getReviewInvitationStatus', 'response without a status', data);
  return data.status;
}

/** Polls on the runtime's clock until a final status, the deadline, or the caller's abort. */
export async function waitForFinal(
  api: PartooRequests,
  runtime: Runtime,
  invitationId: string,
  options: WaitOptions,
): Promise<FinalInvitationStatus> {
  const check = new Checker();
  check.requiredString(invitationId, 'invitationId');
  check.integer(options.intervalMs, 'intervalMs', 1, 3_600_000);
  check.integer(options.timeoutMs, 'timeoutMs', 1, 86_400_000);
  check.throwIfAny();
  const intervalMs = options.intervalMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const deadline = runtime.now() + timeoutMs;
  let last: InvitationStatus | undefined;
  for (;;) {
    if (options.signal?.aborted) throw options.signal.reason;
    last = await invitationStatus(api, invitationId);
    if (isFinalStatus(last)) return last;
    // No wait runs past the deadline, so no timer outlives the call (an AbortSignal.timeout would).
    if (runtime.now() + intervalMs > deadline) break;
    await runtime.sleep(intervalMs, options.signal);
  }
  const message = `invitation ${invitationId} reached no final status within ${timeoutMs} ms (last: ${last})`;
  throw new TimeoutError(message, { outcomeUnknown: false });
}

/**
 * Validation is synchronous where it can be, so a bad call fails at the call site; the phone needs the lazily
 * loaded metadata, so it is checked when iteration starts, still before any request.
 */
export function searchInvitations(
  api: PartooRequests,
  normalizePhone: PhoneNormalizer,
  input: SearchInvitationsInput,
): Paginated<Invitation, InvitationPage> {
  checkSearchInput(input);
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
}

/** A Paginated whose walk starts only after an async preparation step (validation needing metadata). */
function lazyPaginated<T, P extends { items: T[] }>(prepare: () => Promise<Paginated<T, P>>): Paginated<T, P> {
  return new Paginated<T, P>(async function* () {
    yield* (await prepare()).pages();
  });
}
