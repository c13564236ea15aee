export { createPartooClient } from './wrapper/partoo.js';
export { MemoryLedger } from './wrapper/ledger.js';

export type { GuardStore } from './wrapper/guard-store.js';
export type { PartooClient, PartooClientOptions, ReviewBooster, SendInvitationInput, SearchInvitationsInput, WaitOptions } from './wrapper/partoo.js';
export { createArgyleClient } from './wrapper/argyle.js';
export type { ArgyleClient, ArgyleClientOptions, Invite, InvitePage, InviteStatus, ListInvitesInput, SendInviteInput } from './wrapper/argyle.js';
export type { GuardOptions, SendResult, SkippedResult } from './wrapper/guard.js';
export type { BulkOptions, BulkOutcome, BulkProgress } from './wrapper/bulk.js';
export type { GuardLedger, LedgerEntry } from './wrapper/ledger.js';
export type { RateLimiter, RateLimitOptions } from './wrapper/rate-limit.js';
export type { paths as PartooPaths, components as PartooComponents } from './generated/partoo.js';
export type { paths as ArgylePaths, components as ArgyleComponents } from './generated/argyle.js';
export type { FinalInvitationStatus, Invitation, InvitationPage, InvitationStatus } from './wrapper/invitations.js';
export type { Paginated } from './wrapper/paginate.js';
export type { Environment } from './wrapper/config.js';
export {
  SdkError,
  isSdkError,
  ConfigurationError,
  ValidationError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
} from './wrapper/errors.js';
export type { ValidationIssue } from './wrapper/errors.js';
