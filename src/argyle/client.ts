// The Argyle client, built whole when it is made: options checked (a wrong one fails at `createArgyleClient`), the
// transport, `.api` (openapi-fetch's own client over it), and the invite methods, each a few lines over `.api`.
import type { paths } from '../generated/argyle.js';
import { apiOptions, createApi, type ApiOptions } from '../core/api-client.js';
import { COMMON_KEYS, resolveCommon, requireKey, ARGYLE_URLS, type CommonClientOptions } from '../core/config.js';
import { ConfigurationError } from '../core/errors.js';
import { checkLogOptions, createLog, LOG_KEYS, type LogOptions } from '../core/log.js';
import { attemptObserver } from '../core/observe.js';
import { Paginated, RepeatDetector } from '../core/paginate.js';
import { basicToken, registerSecrets } from '../core/redact.js';
import { createRequests } from '../core/request.js';
import { systemRuntime, type Runtime } from '../core/runtime.js';
import { traced } from '../core/trace.js';
import { createTransport } from '../core/transport.js';
import { unwrapOk, type ArgyleApi, type ArgyleRequests } from './api.js';
import {
  checkId,
  inviteBody,
  listQuery,
  type ListInvitesInput,
  type ListQuery,
  type SendInviteInput,
} from './inputs.js';
import { toInvite, type Invite, type InvitePage } from './invite.js';
import type { ArgyleInvites } from './invites.js';

export type { ArgyleInvites };

export type { Invite, InvitePage, InviteStatus } from './invite.js';
export type { ListInvitesInput, SendInviteInput } from './inputs.js';

/** The client's own options and openapi-fetch's (`headers`, serializers, `Request`, ...), handed on to `.api`. */
export interface ArgyleClientOptions extends CommonClientOptions, LogOptions, ApiOptions {
  /** default: process.env.ARGYLE_API_KEY_ID */
  apiKeyId?: string;
  /** default: process.env.ARGYLE_API_KEY_SECRET */
  apiKeySecret?: string;
}

export interface ArgyleClient {
  /** openapi-fetch's client for every operation of openapi/argyle.yaml, over the SDK's auth, timeout and retries */
  api: ArgyleApi;
  invites: ArgyleInvites;
}

/** The keys the client reads itself: every other one is openapi-fetch's. */
const OWN_KEYS = new Set([...COMMON_KEYS, ...LOG_KEYS, 'apiKeyId', 'apiKeySecret']);

/** Argyle takes `status=sent,initiated`, not the name repeated; its wrapper's calls say so whatever `.api`'s do. */
const ARGYLE_QUERY = {
  array: { style: 'form', explode: false },
  object: { style: 'deepObject', explode: true },
} as const;

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
  checkLogOptions(options);
  const token = basicToken(id, secret);
  const transport = createTransport({
    ...common,
    authHeaders: { Authorization: `Basic ${token}` },
    secrets: [id, secret, token],
    runtime,
    observe: attemptObserver(createLog(options)),
  });
  registerSecrets(transport, [id, secret, token]);
  const api = createApi<paths>(transport, common.baseUrl, apiOptions(options, OWN_KEYS), 'Authorization');
  const requests = createRequests<paths>(api, { querySerializer: ARGYLE_QUERY, now: () => runtime.now() });
  return { api, invites: invites(requests, common.baseUrl) };
}

/** The invite methods, a span each; a listing's pages are spans of their own requests. */
function invites(requests: ArgyleRequests, baseUrl: string): ArgyleInvites {
  const traceOf =
    <A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>) =>
    (...args: A) =>
      traced(name, {}, () => run(...args));
  const path = (inviteId: string) => ({ params: { path: { id: checkId(inviteId) } } });
  return {
    list: (input = {}) => listInvites(requests, new URL(baseUrl), input),
    get: traceOf('argyle.invites.get', async (inviteId: string) =>
      toInvite(await unwrapOk(await requests.GET('/v2/invites/{id}', path(inviteId)), 'getInvite')),
    ),
    send: traceOf('argyle.invites.send', async (input: SendInviteInput) => {
      const result = await requests.POST('/v2/invites', { body: inviteBody(input) });
      return toInvite(await unwrapOk(result, 'sendInvite'));
    }),
    resend: traceOf('argyle.invites.resend', async (inviteId: string) =>
      toInvite(await unwrapOk(await requests.POST('/v2/invites/{id}', path(inviteId)), 'resendInvite')),
    ),
    revoke: traceOf('argyle.invites.revoke', async (inviteId: string) =>
      toInvite(await unwrapOk(await requests.POST('/v2/invites/{id}/revoke', path(inviteId)), 'revokeInvite')),
    ),
  };
}

function listInvites(api: ArgyleRequests, base: URL, input: ListInvitesInput): Paginated<Invite, InvitePage> {
  const first = listQuery(input);
  return new Paginated<Invite, InvitePage>(async function* () {
    const repeats = new RepeatDetector();
    let query = first;
    for (;;) {
      const result = await api.GET('/v2/invites', { params: { query } });
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
