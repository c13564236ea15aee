// Models of Partoo's own rule ("a new SMS can be sent to a specific phone number only after 10 days since the last
// SMS was sent"; `force` bypasses it), put in front of a stateful mock that enforces none. Send-first rests on this
// rule for numbers its ledger does not know; this project can model it, not test it against Partoo, so the
// property test runs send-first against the model and against weaker ones, each with the doubles it allows.
import type { StatefulMocks } from '../../src/testing/index.js';
import type { Handler } from '../../src/testing/stateful/respond.js';

export type RuleModel =
  /** every invitation to the number, whatever its business or status, within 10 days refuses a new one */
  | 'modelled'
  /** only invitations Partoo has already marked SENT count: a POST landing while the last is CREATED goes through */
  | 'sent-only'
  /** the rule counts the business's own invitations only: another business may text the number */
  | 'per-business'
  /** no rule: what send-first leans on is missing (as for a restarted process whose ledger is empty) */
  | 'off';

const WINDOW_MS = 10 * 86_400_000;
/** How long the mock keeps an invitation CREATED before it is SENT (its default). */
export const SENT_AFTER_MS = 1_000;

/** The mock's handler with `model` in front of its sends; `mocks` must enforce no rule of its own. */
export function withRule(mocks: StatefulMocks, model: RuleModel): Handler {
  return async (request) => {
    if (model === 'off' || request.method !== 'POST' || !request.url.endsWith('/review_booster/send_invitation')) {
      return mocks.partoo(request);
    }
    const body = (await request.clone().json()) as { business_id: string; target_phone: string; force?: string };
    if (body.force !== 'True' && refuses(mocks, model, body.business_id, body.target_phone)) {
      return Response.json(
        { errors: { json: { target_phone: ['An SMS was already sent to this number less than 10 days ago'] } } },
        { status: 400 },
      );
    }
    return mocks.partoo(request);
  };
}

function refuses(mocks: StatefulMocks, model: RuleModel, businessId: string, phone: string): boolean {
  const now = mocks.clock.nowMs();
  for (const inv of mocks.partooState.invitations.values()) {
    if (inv.phone !== phone || now - inv.sentAtMs >= WINDOW_MS) continue;
    if (model === 'per-business' && inv.businessId !== businessId) continue;
    if (model === 'sent-only' && now - inv.sentAtMs < SENT_AFTER_MS) continue;
    return true;
  }
  return false;
}
