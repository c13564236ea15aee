// What `partoo.reviewBooster` offers, over the read methods (reads.ts) and the send path (send.ts): each method a
// few lines over the client's requests, which are calls of `.api`.
import { ConfigurationError } from '../core/errors.js';
import type { Paginated } from '../core/paginate.js';
import { traced, type Attributes } from '../core/trace.js';
import type { Checker } from '../core/validate.js';
import { runBulk, type BulkOptions, type BulkOutcome } from './bulk.js';
import type { SendResult, SkippedResult } from './guard/types.js';
import type { FinalInvitationStatus, Invitation, InvitationPage, InvitationStatus } from './invitations.js';
import { toE164 } from './phone.js';
import { invitationStatus, searchInvitations, waitForFinal, type PhoneNormalizer, type WaitOptions } from './reads.js';
import type { SearchInvitationsInput } from './search-input.js';
import { createSender, type SendContext } from './send.js';
import type { SendInvitationInput } from './send-input.js';

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

/** Review Booster over the send path's context (the guard's settings, the requests, the clock, the log). */
export function reviewBooster(ctx: Omit<SendContext, 'normalizePhone'>, defaultCountry?: string): ReviewBooster {
  const normalizePhone = phoneNormalizer(defaultCountry);
  const { api, runtime } = ctx;
  const sender = createSender({ ...ctx, normalizePhone });
  const methods: ReviewBooster = {
    checkInvitation: (input) =>
      traced('partoo.checkInvitation', businessOf(input), () => sender.checkInvitation(input)),
    sendInvitation: (input) => traced('partoo.sendInvitation', businessOf(input), () => sender.sendInvitation(input)),
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
