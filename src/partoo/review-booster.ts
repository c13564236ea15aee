// What `partoo.reviewBooster` offers: client.ts builds it over the operations, which implement it (operations.ts).
import type { Paginated } from '../core/paginate.js';
import type { BulkOptions, BulkOutcome } from './bulk.js';
import type { SendResult, SkippedResult } from './guard/types.js';
import type { FinalInvitationStatus, Invitation, InvitationPage, InvitationStatus } from './invitations.js';
import type { WaitOptions } from './reads.js';
import type { SearchInvitationsInput } from './search-input.js';
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
