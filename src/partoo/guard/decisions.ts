// Each guard decision logged at info with what decided it, and marked on the current span.
import type { Log } from '../../core/log.js';
import { annotate } from '../../core/trace.js';
import type { SendResult } from './types.js';

/** Told each decision and what made it; returns the result it was given. */
export type GuardNote = <R extends SendResult>(result: R, reason: string) => R;

/** Logs each guard decision at info, with what decided it; returns the result it was given. */
export function decisionLog(log: Log, businessId: string, phone: string): GuardNote {
  return (result, reason) => {
    const invitationId = result.status === 'sent' ? result.invitationId : result.lastInvitation.id;
    const what = result.status === 'sent' ? `sent (${reason})` : `skipped: ${REASONS[reason] ?? reason}`;
    const fields = { event: 'guard.decision', decision: result.status, reason, businessId, phone, invitationId };
    log('info', `sendInvitation ${what}`, fields);
    annotate({ 'partoo.guard.decision': result.status, 'partoo.guard.reason': reason });
    return result;
  };
}

// The sentence an operator reads for each skip; the `reason` field keeps the stable code for tools.
const REASONS: Record<string, string> = {
  ledger: 'this number was sent to within the window (ledger, no request)',
  search: "Partoo's search shows an invitation within the window",
  partoo_rule: 'Partoo refused it (400), and its search shows an invitation within the window',
  in_flight: 'a send to this number was already running in this process',
  ledger_after_lock_wait: "another worker sent it while this one waited for the number's lock",
};
