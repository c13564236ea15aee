// What an Argyle client does, loaded with its first call (client.ts checked the options at construction): the
// transport over the attempt core, `.api`'s loader, and the invite methods over the input checks (inputs.ts) and
// the mapping of an invite (invite.ts).
import type { paths } from '../generated/argyle.js';
import type { CommonSettings } from '../core/config.js';
import { ConfigurationError } from '../core/errors.js';
import { createLog, type LogOptions } from '../core/log.js';
import { attemptObserver } from '../core/observe.js';
import { Paginated, RepeatDetector } from '../core/paginate.js';
import { openapiLoader } from '../core/raw-client.js';
import { basicToken } from '../core/redact.js';
import { createRequests } from '../core/request.js';
import type { Runtime } from '../core/runtime.js';
import { traced } from '../core/trace.js';
import { createTransport } from '../core/transport.js';
import { unwrapOk, type ArgyleRequests } from './api.js';
import type { ArgyleInvites } from './invites.js';
import {
  checkId,
  inviteBody,
  listQuery,
  type ListInvitesInput,
  type ListQuery,
  type SendInviteInput,
} from './inputs.js';
import { toInvite, type Invite, type InvitePage } from './invite.js';

/** Everything client.ts checked, for the operations to run with. */
export interface ArgyleSettings {
  common: CommonSettings;
  id: string;
  secret: string;
  log: LogOptions;
  /** the client's `.api` shell: while middleware is registered on it, the client's own calls go through it */
  api: object;
}

export interface ArgyleOperations {
  /** lazyApi's loader: openapi-fetch over this client's transport */
  loadApi: ReturnType<typeof openapiLoader>;
  invites: ArgyleInvites;
}

export function argyleOperations(settings: ArgyleSettings, runtime: Runtime): ArgyleOperations {
  const { common, id, secret } = settings;
  const token = basicToken(id, secret);
  const transport = createTransport({
    ...common,
    authHeaders: { Authorization: `Basic ${token}` },
    secrets: [id, secret, token],
    runtime,
    observe: attemptObserver(createLog(settings.log)),
  });
  // openapi-fetch loads with the first `.api` call. `redirect` is set on every request it builds, so even a custom
  // fetch that drops `init` never follows one. Argyle takes `status=sent,initiated`, not the name repeated.
  const loadApi = openapiLoader(() => import('openapi-fetch').then((m) => m.default), {
    baseUrl: common.baseUrl,
    fetch: transport,
    redirect: 'manual',
    querySerializer: { array: { style: 'form', explode: false } },
  });
  const requests = createRequests<paths>(transport, { baseUrl: common.baseUrl, api: settings.api, commaArrays: true });
  // A span per operation; a listing's pages are spans of their own requests.
  const traceOf =
    <A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>) =>
    (...args: A) =>
      traced(name, {}, () => run(...args));
  const path = (inviteId: string) => ({ params: { path: { id: checkId(inviteId) } } });
  return {
    loadApi,
    invites: {
      list: (input = {}) => listInvites(requests, new URL(common.baseUrl), input),
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
    },
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
