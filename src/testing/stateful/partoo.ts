// A stateful Partoo Review Booster: what a partner cannot get from Partoo's sandbox.
import type { SpecValidator } from '../request-validator.js';
import { mockUuid, type MockClock } from './clock.js';
import { MISSING_INVITATION_ID, partooErrors, RECENTLY_INVITED } from '../api-errors.js';
import { rulesFor } from '../rules.js';
import { fieldErrors, INVALID_JSON, json, queryOf, readJson, type Handler } from './respond.js';

/** The stateful Partoo mock's options: the key it accepts, its status timings, its 10-day rule. */
export interface PartooMockOptions {
  /**
   * the Partoo key the mock accepts in `x-APIKey` (default "mock-partoo-api-key"); any other gets 401, but in
   * stateful mode `mock-<name>` reaches namespace `name`
   */
  apiKey: string;
  /** an invitation's status goes CREATED -> SENT this many ms after its send, on the mock's clock (default 1000) */
  sentAfterMs?: number;
  /**
   * SENT -> DELIVERED this many ms later (default 1000); a phone ending in 0001 goes FAILED_SEND instead of SENT,
   * one ending in 0000 FAILED_DELIVERY instead of DELIVERED
   */
  deliveredAfterMs?: number;
  /**
   * Partoo's own 10-day rule (default true). Off, the mock sends whatever it is asked to: how a test proves
   * that the client's guard alone keeps one SMS per number.
   */
  enforceWindow?: boolean;
}

interface Stored {
  id: string;
  businessId: string;
  phone: string;
  name?: string;
  sentAtMs: number;
}

const WINDOW_MS = 10 * 86_400_000;
const PAGE_SIZE = 30;
const USER = { id: '54b6733b9826bf1dd29af128', name: 'Mock User' };
const DEFAULT_TEMPLATE = 'Hello ${client_name}, thank you for visiting ${business_name}! Leave us a review ${url}';

export const partooError = partooErrors.fixed;

/** Partoo's `sent_time`: `2019-06-06 11:57:27.274725+00:00`. */
const sentTime = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}000+00:00`;

/** The stateful Partoo mock's memory: invitations sent, templates, expeditor names. */
export class PartooState {
  /** every invitation sent, by its invitation_id */
  invitations = new Map<string, Stored>();
  /** the invitations sent to each business and phone, oldest first: what the 10-day rule and the search read */
  byKey = new Map<string, Stored[]>();
  /** the template text set through the API, by API key (the mock's default template otherwise) */
  templates = new Map<string, string>();
  /** the expeditor name set for each business_id ("Partoo" otherwise) */
  expeditors = new Map<string, string>();
  /** forgets all of the above; a namespace's reset() also rewinds its clock */
  reset() {
    this.invitations.clear();
    this.byKey.clear();
    this.templates.clear();
    this.expeditors.clear();
  }
  /** how many SMS this mock has sent to one number of one business: what tests count */
  sentCount(businessId: string, phone: string): number {
    return this.byKey.get(`${businessId}\u0000${phone}`)?.length ?? 0;
  }
}

/** One validated request, as an operation's answer reads it. */
interface Call {
  path: string;
  body: unknown;
  /** the first value of a query parameter */
  q(name: string): string | undefined;
}

type Operation = (call: Call) => Response;

export function partooHandler(
  options: PartooMockOptions,
  state: PartooState,
  clock: MockClock,
  validator: SpecValidator,
): Handler {
  // The same credentials and path rules as the static front, so the two modes cannot drift apart.
  const rules = rulesFor('partoo', { apiKey: options.apiKey, apiKeyId: '', apiKeySecret: '' });
  const operations = partooOperations(options, state, clock);

  return async (request) => {
    const url = new URL(request.url);
    const path = rules.specPath(url.pathname);
    const op = validator.route(request.method, path);
    if (!op) return json(404, partooError(404));
    if (!rules.authorized(request)) return json(401, partooError(401));
    const body = await readJson(request);
    if (body === INVALID_JSON) return json(400, partooErrors.invalid('Invalid JSON body.'));
    const query = queryOf(url);
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const problems = validator.checkRequest(op, { method: request.method, path, query, headers, body });
    if (problems.length) return json(400, partooErrors.fields(fieldErrors(problems)));
    const q = (k: string) => (Array.isArray(query[k]) ? (query[k] as string[])[0] : (query[k] as string | undefined));
    const operation = op.iid !== undefined && Object.hasOwn(operations, op.iid) ? operations[op.iid] : undefined;
    return operation ? operation({ path, body, q }) : json(404, partooError(404));
  };
}

/** The answer of each operation the mock implements, by operationId. */
function partooOperations(options: PartooMockOptions, state: PartooState, clock: MockClock) {
  const sentAfter = options.sentAfterMs ?? 1000;
  const deliveredAfter = options.deliveredAfterMs ?? 1000;

  function statusOf(inv: Stored) {
    const age = clock.nowMs() - inv.sentAtMs;
    if (age < sentAfter) return 'CREATED';
    // Documented phone convention: ...0001 fails to send, ...0000 fails on delivery.
    if (inv.phone.endsWith('0001')) return 'FAILED_SEND';
    if (age < sentAfter + deliveredAfter) return 'SENT';
    return inv.phone.endsWith('0000') ? 'FAILED_DELIVERY' : 'DELIVERED';
  }

  const expeditorName: Operation = ({ path }) => {
    const businessId = decodeURIComponent(path.split('/').pop()!);
    return json(200, { expeditor_name: state.expeditors.get(businessId) ?? 'Partoo' });
  };

  const operations: Record<string, Operation> = {
    checkDuplicatedReviewInvitation: ({ q }) => duplicates(state, q),
    sendReviewInvitation: ({ body }) => sendInvitation(options, state, clock, body as SendBody),
    getReviewInvitationStatus: ({ q }) => {
      if (q('invitation_id') === undefined) return json(400, MISSING_INVITATION_ID);
      const inv = state.invitations.get(q('invitation_id') ?? '');
      if (!inv) return json(404, partooError(404));
      return json(200, { invitation_id: inv.id, status: statusOf(inv) });
    },
    getReviewBoosterTemplate: () => json(200, { id: 1, text: state.templates.get(options.apiKey) ?? DEFAULT_TEMPLATE }),
    updateReviewBoosterTemplate: ({ body }) => {
      const text = (body as { text: string }).text;
      state.templates.set(options.apiKey, text);
      return json(200, { id: 1, text });
    },
    getReviewBoosterExpeditorName: expeditorName,
    setReviewBoosterExpeditorName: (call) => {
      const businessId = decodeURIComponent(call.path.split('/').pop()!);
      state.expeditors.set(businessId, (call.body as { expeditor_name: string }).expeditor_name);
      return expeditorName(call);
    },
  };
  return operations;
}

/** The invitations already sent to one number of one business, newest first, a page at a time. */
function duplicates(state: PartooState, q: Call['q']): Response {
  const after = q('after') !== undefined ? Number(q('after')) * 1000 : -Infinity;
  const all = (state.byKey.get(`${q('business_id')}\u0000${q('target_phone')}`) ?? [])
    .filter((i) => i.sentAtMs >= after)
    .sort((a, b) => b.sentAtMs - a.sentAtMs);
  const page = Math.max(1, Number(q('page') ?? 1) || 1);
  const maxPage = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  return json(200, {
    page,
    max_page: maxPage,
    count: all.length,
    review_invitations: all
      .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
      .map((i) => ({ id: i.id, user_id: USER.id, user_name: USER.name, sent_time: sentTime(i.sentAtMs) })),
  });
}

interface SendBody {
  business_id: string;
  target_phone: string;
  target_name?: string;
  invite_content?: string;
  template_id?: number;
  force?: string;
}

function sendInvitation(options: PartooMockOptions, state: PartooState, clock: MockClock, b: SendBody): Response {
  // @link, template_id and the phone's syntax were checked before (stateless-rules.ts), as in static mode.
  const key = `${b.business_id}\u0000${b.target_phone}`;
  const previous = state.byKey.get(key) ?? [];
  const last = previous[previous.length - 1];
  if (options.enforceWindow !== false && last && b.force !== 'True' && clock.nowMs() - last.sentAtMs < WINDOW_MS) {
    return json(400, RECENTLY_INVITED);
  }
  const inv: Stored = {
    id: mockUuid(),
    businessId: b.business_id,
    phone: b.target_phone,
    name: b.target_name,
    sentAtMs: clock.nowMs(),
  };
  state.invitations.set(inv.id, inv);
  state.byKey.set(key, [...previous, inv]);
  return json(200, { invitation_id: inv.id, status: 'success' });
}
