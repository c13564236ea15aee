// A search's input, checked at the call (client.ts) before the operations load: all but the phone, whose check
// needs the phone metadata and runs when iteration starts, still before any request.
import { Checker } from '../core/validate.js';

export interface SearchInvitationsInput {
  businessId: string;
  targetPhone: string;
  after?: Date;
}

const SEARCH_FIELDS = ['businessId', 'targetPhone', 'after'] as const;

/** The checks a search makes at its call, synchronously: all but the phone's. */
export function checkSearchInput(input: SearchInvitationsInput): void {
  const check = new Checker();
  if (!check.object(input, 'input')) check.throwIfAny();
  check.knownKeys(input, SEARCH_FIELDS);
  check.requiredString(input.businessId, 'businessId');
  check.optionalDate(input.after, 'after');
  check.throwIfAny();
}
