// The Argyle client: the raw `.api`, and the invite methods over the input checks (inputs.ts) and the mapping of
// an invite (invite.ts).
import createClient from 'openapi-fetch';
import type { paths } from '../generated/argyle.js';
import { rawClient } from '../core/raw-client.js';
import { createLog, type LogOptions } from '../core/log.js';
import { attemptObserver } from '../core/observe.js';
import { traced } from '../core/trace.js';
import { resolveCommon, requireKey, ARGYLE_URLS, type CommonClientOptions } from '../core/config.js';
import { ConfigurationError } from '../core/errors.js';
import { Paginated, RepeatDetector } from '../core/paginate.js';
import { basicToken } from '../core/redact.js';
import { systemRuntime, type Runtime } from '../core/runtime.js';
import { createTransport } from '../core/transport.js';
import { unwrapOk, type ArgyleApi } from './api.js';
import {
  checkId,
  inviteBody,
  listQuery,
  type ListInvitesInput,
  type ListQuery,
  type SendInviteInput,
} from './inputs.js';
import { toInvite, type Invite, type InvitePage } from './invite.js';

export type { Invite, InvitePage, InviteStatus } from './invite.js';
export type { ListInvitesInput, SendInviteInput } from './inputs.js';

export interface ArgyleClientOptions extends CommonClientOptions, LogOptions {
  /** default: process.env.ARGYLE_API_KEY_ID */
  apiKeyId?: string;
  /** default: process.env.ARGYLE_API_KEY_SECRET */
  apiKeySecret?: string;
}

export interface ArgyleClient {
  api: ArgyleApi;
  invites: {
    list(input?: ListInvitesInput): Paginated<Invite, InvitePage>;
    get(id: string): Promise<Invite>;
    /**
     * Never retried after an unknown outcome: Argyle has no idempotency key, and a retry would send a second
     * invite.
     */
    send(input: SendInviteInput): Promise<Invite>;
    resend(id: string): Promise<Invite>;
    revoke(id: string): Promise<Invite>;
  };
}

export function createArgyleClient(options: ArgyleClientOptions = {}): ArgyleClient {
  return createArgyleClientWith(options, systemRuntime);
}

/**
 * @internal The client on a given clock and source of randomness: tests pass a controlled one. Not exported from
 * the package; `createArgyleClient` is this with the system's.
 */
export function createArgyleClientWith(options: ArgyleClientOptions, runtime: Runtime): ArgyleClient {
  const common = resolveCommon(options, ARGYLE_URLS);
  const id = requireKey(options.apiKeyId, 'apiKeyId', 'ARGYLE_API_KEY_ID');
  const secret = requireKey(options.apiKeySecret, 'apiKeySecret', 'ARGYLE_API_KEY_SECRET');
  const token = basicToken(id, secret);
  const api = createClient<paths>({
    baseUrl: common.baseUrl,
    fetch: createTransport({
      ...common,
      authHeaders: { Authorization: `Basic ${token}` },
      secrets: [id, secret, token],
      runtime,
      observe: attemptObserver(createLog(options)),
    }),
    // Set on every request openapi-fetch builds, so even a custom fetch that drops `init` never follows one.
    redirect: 'manual',
    // Argyle takes `status=sent,initiated`; openapi-fetch would otherwise repeat the name.
    querySerializer: { array: { style: 'form', explode: false } },
  });
  // A span per operation; a listing's pages are spans of their own requests.
  const traceOf =
    <A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>) =>
    (...args: A) =>
      traced(name, {}, () => run(...args));
  const path = (inviteId: string) => ({ params: { path: { id: checkId(inviteId) } }, parseAs: 'stream' as const });
  return {
    api: rawClient(api),
    invites: {
      list: (input = {}) => listInvites(api, new URL(common.baseUrl), input),
      get: traceOf('argyle.invites.get', async (inviteId: string) =>
        toInvite(await unwrapOk(await api.GET('/v2/invites/{id}', path(inviteId)), 'getInvite')),
      ),
      send: traceOf('argyle.invites.send', async (input: SendInviteInput) => {
        const result = await api.POST('/v2/invites', { body: inviteBody(input), parseAs: 'stream' });
        return toInvite(await unwrapOk(result, 'sendInvite'));
      }),
      resend: traceOf('argyle.invites.resend', async (inviteId: string) =>
        toInvite(await unwrapOk(await api.POST('/v2/invites/{id}', path(inviteId)), 'resendInvite')),
      ),
      revoke: traceOf('argyle.invites.revoke', async (inviteId: string) =>
        toInvite(await unwrapOk(await api.POST('/v2/invites/{id}/revoke', path(inviteId)), 'revokeInvite')),
      ),
    },
  };
}

function listInvites(api: ArgyleApi, base: URL, input: ListInvitesInput): Paginated<Invite, InvitePage> {
  const first = listQuery(input);
  return new Paginated<Invite, InvitePage>(async function* () {
    const repeats = new RepeatDetector();
    let query = first;
    for (;;) {
      const result = await api.GET('/v2/invites', { params: { query }, parseAs: 'stream' });
      const body = await unwrapOk(result, 'listInvites');
      yield { items: (body.results ?? []).map(toInvite), next: body.next ?? null, previous: body.previous ?? null };
      // An empty page with a cursor still goes on; a cursor already followed means the server loops.
      if (!body.next || repeats.repeated(body.next)) return;
      query = cursorQuery(base, body.next);
    }
  });
}

/** The query of a `next` URL, which must point at this client's own origin and list path. */
function cursorQuery(base: URL, next: string): ListQuery {
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    throw new ConfigurationError(`Argyle returned a next URL that does not parse: ${JSON.stringify(next)}`);
  }
  if (url.origin !== base.origin) {
    throw new ConfigurationError(
      `Argyle's next URL points to ${url.origin}, not the configured ${base.origin}; ` +
        `not following it, so credentials stay on ${base.origin}`,
    );
  }
  const query: Record<string, string | string[] | number> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = key === 'status' ? values.flatMap((v) => v.split(',')) : values[values.length - 1];
  }
  if (typeof query.limit === 'string') query.limit = Number(query.limit);
  // The server's cursor goes back as it came, keys the spec does not list included.
  return query as ListQuery;
}
