// A stateful Argyle invites API: sends create invites, list pages them with same-origin cursors, and a test moves
// an invite through its life (argyle-lifecycle.ts) and has the mock send its signed webhooks (argyle-webhooks.ts).
import type { SpecValidator } from '../request-validator.js';
import { mockUuid, type MockClock } from './clock.js';
import { argyleErrors } from '../api-errors.js';
import { publicOrigin, rulesFor } from '../rules.js';
import { fieldErrors, INVALID_JSON, json, queryOf, readJson, type Handler } from './respond.js';
import {
  deliveriesFor,
  INVITE_STATUSES,
  InviteLifecycle,
  type ArgyleTimings,
  type MockInviteStatus,
  type SetInviteStatusOptions,
  type WireInvite,
} from './argyle-lifecycle.js';
import { deliverWebhook, MOCK_WEBHOOK_EVENTS, webhookPayload, type SendWebhookOptions } from './argyle-webhooks.js';

export interface ArgyleMockOptions extends ArgyleTimings {
  /**
   * the Argyle key id the mock accepts in Basic credentials (default "mock-argyle-key-id"); in stateful mode
   * `mock-<name>` reaches namespace `name`
   */
  apiKeyId: string;
  /** the Argyle key secret the mock accepts with it, in every namespace (default "mock-argyle-key-secret") */
  apiKeySecret: string;
  /** how many invites the mock holds after start and after each reset(), made up as seed1@example.com... (default 5) */
  seedInvites?: number;
}

export const argyleError = argyleErrors.fixed;

/** A test's request the mock cannot carry out (no such invite, no such status): the message says which. */
export class ArgyleMockError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
  }
}

/** The stateful Argyle mock's memory: its invites, and the controls that move them as a user in Link would. */
export class ArgyleState {
  /** every invite the mock holds, oldest first, as the API answers them (timed steps applied when read) */
  invites: WireInvite[] = [];
  private lifecycle?: InviteLifecycle;
  private clock?: MockClock;
  /** the account each invite's user connected, once a webhook named one: the same id in every later event */
  private accounts = new Map<string, string>();

  /** Forgets every invite's history (reset() re-seeds the invites themselves). */
  forget() {
    this.lifecycle?.forget();
    this.accounts.clear();
  }

  /** The mock's clock and timed steps, given once when the handler is made. */
  bind(clock: MockClock, timings: ArgyleTimings) {
    this.clock = clock;
    this.lifecycle = new InviteLifecycle(clock, timings);
  }

  /** the invites' timed steps and moves; throws until the mock is made */
  get life(): InviteLifecycle {
    if (!this.lifecycle) throw new Error('ArgyleState is not bound to a mock yet');
    return this.lifecycle;
  }

  /** The invite, its timed steps applied; undefined when the mock holds none with that id. */
  find(id: string): WireInvite | undefined {
    const inv = this.invites.find((i) => i.id === id);
    if (inv) this.life.refresh(inv);
    return inv;
  }

  /**
   * Moves an invite to a status, as a user in Link would (sent -> initiated -> attempted -> completed) or as a
   * revoke does; its deliveries move with it. Returns the invite as the API now answers it.
   */
  setInviteStatus(id: string, status: MockInviteStatus, options: SetInviteStatusOptions = {}): WireInvite {
    if (!(INVITE_STATUSES as readonly string[]).includes(status))
      throw new ArgyleMockError(`status ${JSON.stringify(status)} is not one of ${INVITE_STATUSES.join(', ')}`, 400);
    const inv = this.find(id);
    if (!inv) throw new ArgyleMockError(`the mock holds no invite ${JSON.stringify(id)}`, 404);
    this.life.set(inv, status, options);
    return structuredClone(inv);
  }

  /** Signs an event about the invite's user as Argyle does and POSTs it to `url`; returns what was sent. */
  async sendWebhook(options: SendWebhookOptions) {
    if (!MOCK_WEBHOOK_EVENTS.includes(options.event))
      throw new ArgyleMockError(
        `event ${JSON.stringify(options.event)} is not one of ${MOCK_WEBHOOK_EVENTS.join(', ')}`,
        400,
      );
    if (typeof options.secret !== 'string' || options.secret === '')
      throw new ArgyleMockError('secret is required: the receiver verifies the signature with it', 400);
    const inv = this.find(options.inviteId);
    if (!inv) throw new ArgyleMockError(`the mock holds no invite ${JSON.stringify(options.inviteId)}`, 404);
    const account = this.accounts.get(inv.id) ?? mockUuid();
    this.accounts.set(inv.id, account);
    const payload = webhookPayload(inv, options.event, options.name ?? 'mock-subscription', account, this.clock!.now());
    return deliverWebhook(payload, options);
  }
}

export function seedArgyle(state: ArgyleState, clock: MockClock, count: number) {
  state.invites = [];
  state.forget();
  for (let i = 1; i <= count; i++) {
    state.invites.push(
      newInvite(
        { first_name: 'Seed', last_name: `Worker ${i}`, email: `seed${i}@example.com` },
        new Date(clock.nowMs() - (count - i) * 60_000),
      ),
    );
  }
}

function newInvite(input: Record<string, any>, at: Date): WireInvite {
  const id = mockUuid();
  const iso = at.toISOString();
  return {
    id,
    user: mockUuid(),
    user_token: `mock-user-token-${mockUuid()}`,
    email: input.email ?? null,
    phone_number: input.phone_number ?? null,
    full_name: `${input.first_name} ${input.last_name}`,
    first_name: input.first_name,
    last_name: input.last_name,
    revoked_at: null,
    status: 'sent',
    group_id: null,
    url: `https://console.argyle.com/add-work-accounts/${id}`,
    created_at: iso,
    updated_at: iso,
    invited_at: iso,
    flow_id: input.flow_id ?? null,
    flow_items: input.flow_items ?? [],
    // Argyle's only documented way to set it is the send's override_invite_template.
    reply_to: input.override_invite_template?.email?.reply_to ?? [],
    deliveries: deliveriesFor(input, iso),
    invite_template_id: null,
  };
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
const decodeCursor = (cursor: string) => {
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? Number(m[1]) : undefined;
};

/** One validated request, as an operation's answer reads it. */
interface Call {
  request: Request;
  url: URL;
  query: ReturnType<typeof queryOf>;
  body: unknown;
  /** the invite the path names (`/v2/invites/{id}...`), if there is one */
  find(): WireInvite | undefined;
}

type Operation = (call: Call) => Response;

export function argyleHandler(
  options: ArgyleMockOptions,
  state: ArgyleState,
  clock: MockClock,
  validator: SpecValidator,
): Handler {
  // The same credentials and path rules as the static front, so the two modes cannot drift apart.
  const rules = rulesFor('argyle', { apiKey: '', apiKeyId: options.apiKeyId, apiKeySecret: options.apiKeySecret });
  state.bind(clock, options);
  const operations = argyleOperations(state, clock);

  return async (request) => {
    const url = new URL(request.url);
    const path = rules.specPath(url.pathname);
    const op = validator.route(request.method, path);
    if (!op) return json(404, argyleError(404));
    if (!rules.authorized(request)) return json(401, argyleError(401));
    const body = await readJson(request);
    if (body === INVALID_JSON) return json(400, { detail: 'JSON parse error.' });
    const query = queryOf(url);
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const problems = validator.checkRequest(op, { method: request.method, path, query, headers, body });
    if (problems.length) return json(400, argyleErrors.fields(fieldErrors(problems)));
    const id = url.pathname.split('/')[3];
    const find = () => state.find(id);
    const operation = op.iid !== undefined && Object.hasOwn(operations, op.iid) ? operations[op.iid] : undefined;
    return operation ? operation({ request, url, query, body, find }) : json(404, argyleError(404));
  };
}

/** The answer of each operation the mock implements, by operationId. */
function argyleOperations(state: ArgyleState, clock: MockClock): Record<string, Operation> {
  return {
    listInvites: (call) => listInvites(state, call),
    sendInvite: ({ body }) => {
      const invite = newInvite(body as Record<string, any>, clock.now());
      state.invites.push(invite);
      return json(200, invite);
    },
    getInvite: ({ find }) => {
      const inv = find();
      return inv ? json(200, inv) : json(404, argyleError(404));
    },
    resendInvite: ({ find }) => {
      const inv = find();
      if (!inv) return json(404, argyleError(404));
      // Argyle documents no answer here; the mock's is listed in openapi/README.md.
      if (inv.status === 'revoked') return json(400, { detail: 'A revoked invite cannot be re-sent.' });
      state.life.resend(inv);
      return json(200, inv);
    },
    revokeInvite: ({ find }) => {
      const inv = find();
      if (!inv) return json(404, argyleError(404));
      state.life.revoke(inv);
      return json(200, inv);
    },
  };
}

/** Newest first, filtered by status and reply_to, a page at a time behind an opaque cursor. */
function listInvites(state: ArgyleState, { request, url, query }: Call): Response {
  const statuses = ([] as string[]).concat(query.status ?? []).flatMap((s) => s.split(','));
  const replyTo = typeof query.reply_to === 'string' ? query.reply_to : undefined;
  const limit = Number(query.limit ?? 10);
  const offset = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : 0;
  if (offset === undefined) return json(400, { cursor: ['Invalid cursor.'] });
  for (const inv of state.invites) state.life.refresh(inv);
  const matching = [...state.invites]
    .reverse()
    .filter(
      (i) =>
        (statuses.length === 0 || statuses.includes(i.status)) && (!replyTo || (i.reply_to ?? []).includes(replyTo)),
    );
  // Cursors are URLs on the origin the request came to, as Argyle's are on its own.
  const origin = publicOrigin(request);
  const link = (at: number) => {
    const next = new URL(url.pathname, origin);
    next.searchParams.set('cursor', encodeCursor(at));
    next.searchParams.set('limit', String(limit));
    if (statuses.length) next.searchParams.set('status', statuses.join(','));
    if (replyTo) next.searchParams.set('reply_to', replyTo);
    return next.toString();
  };
  return json(200, {
    next: offset + limit < matching.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    // Argyle's list example carries no Link token: only send, retrieve and re-send do.
    results: matching.slice(offset, offset + limit).map((i) => ({ ...i, user_token: null })),
  });
}
