// A stateful Argyle invites API: sends create invites, list pages them with same-origin cursors.
import { randomUUID } from 'node:crypto';
import type { SpecValidator } from '../request-validator.js';
import type { MockClock } from './clock.js';
import { argyleErrors } from '../api-errors.js';
import { publicOrigin, rulesFor } from '../rules.js';
import { fieldErrors, INVALID_JSON, json, queryOf, readJson, type Handler } from './respond.js';

export interface ArgyleMockOptions {
  apiKeyId: string;
  apiKeySecret: string;
  /** invites present after start and after reset(), default 5 */
  seedInvites?: number;
}

type WireInvite = Record<string, any>;

export const argyleError = argyleErrors.fixed;

export class ArgyleState {
  invites: WireInvite[] = [];
}

export function seedArgyle(state: ArgyleState, clock: MockClock, count: number) {
  state.invites = [];
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
  const id = randomUUID();
  const iso = at.toISOString();
  return {
    id,
    user: randomUUID(),
    user_token: `mock-user-token-${randomUUID()}`,
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
    reply_to: [],
    deliveries: deliveriesFor(input, iso),
    invite_template_id: null,
  };
}

const deliveriesFor = (input: Record<string, any>, iso: string) =>
  [input.email && 'email', input.phone_number && 'sms']
    .filter(Boolean)
    .map((method) => ({ id: randomUUID(), method, status: 'sent', sent_at: iso, updated_at: iso }));

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
    const find = () => state.invites.find((i) => i.id === id);
    const operation = op.iid !== undefined && Object.hasOwn(operations, op.iid) ? operations[op.iid] : undefined;
    return operation ? operation({ request, url, query, body, find }) : json(404, argyleError(404));
  };
}

/** The answer of each operation the mock implements, by operationId. */
function argyleOperations(state: ArgyleState, clock: MockClock): Record<string, Operation> {
  const touch = (inv: WireInvite) => (inv.updated_at = clock.now().toISOString());
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
      if (inv.status === 'revoked') return json(400, { detail: 'A revoked invite cannot be re-sent.' });
      const iso = clock.now().toISOString();
      inv.invited_at = iso;
      touch(inv);
      inv.deliveries.push(...deliveriesFor(inv, iso));
      return json(200, inv);
    },
    revokeInvite: ({ find }) => {
      const inv = find();
      if (!inv) return json(404, argyleError(404));
      inv.status = 'revoked';
      inv.revoked_at = inv.revoked_at ?? clock.now().toISOString();
      touch(inv);
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
    results: matching.slice(offset, offset + limit),
  });
}
