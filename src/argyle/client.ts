// The Argyle client: options checked at construction, so a wrong one fails at `createArgyleClient`; what it does
// (operations.ts: transport, `.api`, the invite methods) loads with its first call, so an import of the package
// stays small.
import { resolveCommon, requireKey, ARGYLE_URLS, type CommonClientOptions } from '../core/config.js';
import { lazyApi, loadedOnce } from '../core/lazy-api.js';
import { checkLogOptions, type LogOptions } from '../core/log.js';
import { Paginated } from '../core/paginate.js';
import { basicToken, registerSecrets } from '../core/redact.js';
import { systemRuntime, type Runtime } from '../core/runtime.js';
import type { ArgyleApi } from './api.js';
import { listQuery } from './inputs.js';
import type { Invite, InvitePage } from './invite.js';
import type { ArgyleOperations } from './operations.js';
import type { ArgyleInvites } from './invites.js';

export type { ArgyleInvites };

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
  invites: ArgyleInvites;
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
  checkLogOptions(options);
  const settings = { common, id, secret, log: options };
  // Registered now, not with the first call: an error or log line of any client hides the keys from the start.
  registerSecrets(settings, [id, secret, basicToken(id, secret)]);
  const ops = loadedOnce(import('./operations.js'), (m): ArgyleOperations =>
    m.argyleOperations({ ...settings, api }, runtime),
  );
  const api: ArgyleApi = lazyApi<ArgyleApi>(async (middleware) => (await ops()).loadApi(middleware));
  const invites = async () => (await ops()).invites;
  return {
    api,
    invites: {
      // The query is checked at the call, before any request, as the first page's would be.
      list: (input = {}) => {
        listQuery(input);
        return new Paginated<Invite, InvitePage>(async function* () {
          yield* (await invites()).list(input).pages();
        });
      },
      get: async (inviteId) => (await invites()).get(inviteId),
      send: async (input) => (await invites()).send(input),
      resend: async (inviteId) => (await invites()).resend(inviteId),
      revoke: async (inviteId) => (await invites()).revoke(inviteId),
    },
  };
}
