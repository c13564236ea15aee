export { createPartooClient } from './partoo/client.js';
export { MemoryLedger } from './partoo/guard/ledger.js';

export type { GuardStore } from './partoo/guard/types.js';
export type {
  PartooClient,
  PartooClientOptions,
  ReviewBooster,
  SendInvitationInput,
  SearchInvitationsInput,
  WaitOptions,
} from './partoo/client.js';
export { createArgyleClient } from './argyle/client.js';
export * from './argyle/webhooks.js';
export type {
  ArgyleClient,
  ArgyleClientOptions,
  Invite,
  InvitePage,
  InviteStatus,
  ListInvitesInput,
  SendInviteInput,
} from './argyle/client.js';
export type { GuardCheck, GuardOptions, SendResult, SkippedResult } from './partoo/guard/types.js';
export type { BulkOptions, BulkOutcome, BulkProgress } from './partoo/bulk.js';
export type { GuardLedger, LedgerEntry } from './partoo/guard/types.js';
export type { RateLimiter, RateLimitOptions } from './core/rate-limit.js';
export type { paths as PartooPaths, components as PartooComponents } from './generated/partoo.js';
export type { paths as ArgylePaths, components as ArgyleComponents } from './generated/argyle.js';
export type { FinalInvitationStatus, Invitation, InvitationPage, InvitationStatus } from './partoo/invitations.js';
export type { Paginated } from './core/paginate.js';
export type { Environment } from './core/config.js';
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
} from './core/errors.js';
export type { ValidationIssue } from './core/errors.js';
