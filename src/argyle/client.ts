import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../generated/argyle.js';
import { unwrap } from '../core/api-result.js';
import { rawClient } from '../core/raw-client.js';
import { createLog, type LogOptions } from '../core/log.js';
import { attemptObserver } from '../core/observe.js';
import { traced } from '../core/trace.js';
import { resolveCommon, requireKey, ARGYLE_URLS, type CommonClientOptions } from '../core/config.js';
import { ConfigurationError } from '../core/errors.js';
import { Paginated, RepeatDetector } from '../core/paginate.js';
import { basicToken } from '../core/redact.js';
import { createTransport } from '../core/transport.js';
import type { InternalOptions } from '../partoo/client.js';
import { Checker } from '../core/validate.js';

type WireInvite = components['schemas']['Invite'];
export type InviteStatus = components['schemas']['InviteStatus'];
const STATUSES: readonly InviteStatus[] = ['sent', 'initiated', 'attempted', 'completed', 'revoked'];

export interface ArgyleClientOptions extends CommonClientOptions, LogOptions {
  /** default: process.env.ARGYLE_API_KEY_ID */
  apiKeyId?: string;
  /** default: process.env.ARGYLE_API_KEY_SECRET */
  apiKeySecret?: string;
}

export interface Invite {
  id: string;
  userId: string;
  /** Argyle Link token, valid for an hour. Not enumerable, so logging or serializing an Invite leaves it out. */
  readonly userToken: string | null;
  email: string | null;
  phoneNumber: string | null;
  firstName: string;
  lastName: string;
  status: InviteStatus;
  groupId: string | null;
  url: string;
  createdAt: Date;
  updatedAt: Date;
  invitedAt: Date;
  revokedAt: Date | null;
  flowId: string | null;
  flowItems: string[] | null;
  replyTo: string[] | null;
  deliveries: {
    id: string;
    method: 'email' | 'sms';
    status: 'sent' | 'delivered' | 'undelivered' | 'opened';
    sentAt: Date;
    updatedAt: Date;
  }[];
}

export interface InvitePage {
  items: Invite[];
  next: string | null;
  previous: string | null;
}

export interface ListInvitesInput {
  status?: InviteStatus[];
  replyTo?: string;
  /** per page, 1 to 200 (Argyle's default is 10) */
  limit?: number;
}

export interface SendInviteInput {
  firstName: string;
  lastName: string;
  /** email or phoneNumber (or both) is required */
  email?: string;
  phoneNumber?: string;
  externalId?: string;
  flowId?: string;
  flowItems?: string[];
  ddsConfig?: Record<string, unknown>;
}

export interface ArgyleClient {
  api: Client<paths>;
  invites: {
    list(input?: ListInvitesInput): Paginated<Invite, InvitePage>;
    get(id: string): Promise<Invite>;
    /** Never retried after an unknown outcome: Argyle has no idempotency key, and a retry would send a second invite. */
    send(input: SendInviteInput): Promise<Invite>;
    resend(id: string): Promise<Invite>;
    revoke(id: string): Promise<Invite>;
  };
}

const LIST_FIELDS = ['status', 'replyTo', 'limit'] as const;
const SEND_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phoneNumber',
  'externalId',
  'flowId',
  'flowItems',
  'ddsConfig',
] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createArgyleClient(options: ArgyleClientOptions = {}): ArgyleClient {
  const common = resolveCommon(options, ARGYLE_URLS);
  const id = requireKey(options.apiKeyId, 'apiKeyId', 'ARGYLE_API_KEY_ID');
  const secret = requireKey(options.apiKeySecret, 'apiKeySecret', 'ARGYLE_API_KEY_SECRET');
  const internal = options as InternalOptions;
  const token = basicToken(id, secret);
  const api = createClient<paths>({
    baseUrl: common.baseUrl,
    fetch: createTransport({
      ...common,
      authHeaders: { Authorization: `Basic ${token}` },
      secrets: [id, secret, token],
      sleep: internal.sleep,
      random: internal.random,
      observe: attemptObserver(createLog(options)),
    }),
    // Set on every request openapi-fetch builds, so even a custom fetch that drops `init` never follows one.
    redirect: 'manual',
    // Argyle takes `status=sent,initiated`; openapi-fetch would otherwise repeat the name.
    querySerializer: { array: { style: 'form', explode: false } },
  });
  const base = new URL(common.baseUrl);

  function checkId(value: unknown) {
    const check = new Checker();
    if (check.requiredString(value, 'id') && !UUID.test(value))
      check.add('id', 'uuid', `id must be an invite UUID, not ${JSON.stringify(value)}`);
    check.throwIfAny();
    return value as string;
  }

  /** The query of a `next` URL, which must point at this client's own origin and list path. */
  function cursorQuery(next: string): Record<string, unknown> {
    let url: URL;
    try {
      url = new URL(next, base);
    } catch {
      throw new ConfigurationError(`Argyle returned a next URL that does not parse: ${JSON.stringify(next)}`);
    }
    if (url.origin !== base.origin) {
      throw new ConfigurationError(
        `Argyle's next URL points to ${url.origin}, not the configured ${base.origin}; not following it, so credentials stay on ${base.origin}`,
      );
    }
    const query: Record<string, unknown> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      query[key] = key === 'status' ? values.flatMap((v) => v.split(',')) : values[values.length - 1];
    }
    if (typeof query.limit === 'string') query.limit = Number(query.limit);
    return query;
  }

  const invites: ArgyleClient['invites'] = {
    list(input = {}) {
      const check = new Checker();
      if (!check.object(input, 'input')) check.throwIfAny();
      check.knownKeys(input, LIST_FIELDS);
      if (input.status !== undefined) {
        if (!Array.isArray(input.status)) check.add('status', 'type', 'status must be an array of invite statuses');
        else
          for (const s of input.status)
            if (!STATUSES.includes(s))
              check.add('status', 'enum', `status ${JSON.stringify(s)} is not one of ${STATUSES.join(', ')}`);
      }
      if (check.optionalString(input.replyTo, 'replyTo') && input.replyTo !== undefined && !EMAIL.test(input.replyTo)) {
        check.add('replyTo', 'email', `replyTo must be an email address, not ${JSON.stringify(input.replyTo)}`);
      }
      check.integer(input.limit, 'limit', 1, 200);
      check.throwIfAny();
      const first = {
        ...(input.status?.length && { status: input.status }),
        ...(input.replyTo !== undefined && { reply_to: input.replyTo }),
        ...(input.limit !== undefined && { limit: input.limit }),
      };
      return new Paginated<Invite, InvitePage>(async function* () {
        const repeats = new RepeatDetector();
        let query: Record<string, unknown> = first;
        for (;;) {
          const body = await unwrap<components['schemas']['InviteList']>(
            await api.GET('/v2/invites', { params: { query: query as never }, parseAs: 'stream' }),
            'listInvites',
          );
          yield { items: (body.results ?? []).map(toInvite), next: body.next ?? null, previous: body.previous ?? null };
          // An empty page with a cursor still goes on; a cursor already followed means the server loops.
          if (!body.next || repeats.repeated(body.next)) return;
          query = cursorQuery(body.next);
        }
      });
    },

    async get(inviteId) {
      const data = await unwrap<WireInvite>(
        await api.GET('/v2/invites/{id}', { params: { path: { id: checkId(inviteId) } }, parseAs: 'stream' }),
        'getInvite',
      );
      return toInvite(data);
    },

    async send(input) {
      const check = new Checker();
      if (!check.object(input, 'input')) check.throwIfAny();
      check.knownKeys(input, SEND_FIELDS);
      check.requiredString(input.firstName, 'firstName');
      check.requiredString(input.lastName, 'lastName');
      if (check.optionalString(input.email, 'email') && input.email !== undefined && !EMAIL.test(input.email)) {
        check.add('email', 'email', `email must be an email address, not ${JSON.stringify(input.email)}`);
      }
      // Optional, but never empty when given: Argyle would refuse it only after the request.
      for (const field of ['phoneNumber', 'externalId', 'flowId'] as const)
        if (input[field] !== undefined) check.requiredString(input[field], field);
      if (input.email === undefined && input.phoneNumber === undefined)
        check.add('email', 'required', 'email or phoneNumber is required');
      if (
        input.flowItems !== undefined &&
        !(Array.isArray(input.flowItems) && input.flowItems.every((i) => typeof i === 'string'))
      ) {
        check.add('flowItems', 'type', 'flowItems must be an array of strings');
      }
      if (
        input.ddsConfig !== undefined &&
        (typeof input.ddsConfig !== 'object' || input.ddsConfig === null || Array.isArray(input.ddsConfig))
      ) {
        check.add('ddsConfig', 'type', 'ddsConfig must be an object');
      }
      check.throwIfAny();
      const body = {
        first_name: input.firstName,
        last_name: input.lastName,
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phoneNumber !== undefined && { phone_number: input.phoneNumber }),
        ...(input.externalId !== undefined && { external_id: input.externalId }),
        ...(input.flowId !== undefined && { flow_id: input.flowId }),
        ...(input.flowItems !== undefined && { flow_items: input.flowItems }),
        ...(input.ddsConfig !== undefined && { dds_config: input.ddsConfig }),
      };
      return toInvite(
        await unwrap<WireInvite>(
          await api.POST('/v2/invites', { body: body as never, parseAs: 'stream' }),
          'sendInvite',
        ),
      );
    },

    async resend(inviteId) {
      const data = await api.POST('/v2/invites/{id}', {
        params: { path: { id: checkId(inviteId) } },
        parseAs: 'stream',
      });
      return toInvite(await unwrap<WireInvite>(data, 'resendInvite'));
    },

    async revoke(inviteId) {
      const data = await api.POST('/v2/invites/{id}/revoke', {
        params: { path: { id: checkId(inviteId) } },
        parseAs: 'stream',
      });
      return toInvite(await unwrap<WireInvite>(data, 'revokeInvite'));
    },
  };
  // A span per operation; a listing's pages are spans of their own requests.
  const traceOf =
    <A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>) =>
    (...args: A) =>
      traced(name, {}, () => run(...args));
  return {
    api: rawClient(api),
    invites: {
      list: invites.list,
      get: traceOf('argyle.invites.get', invites.get),
      send: traceOf('argyle.invites.send', invites.send),
      resend: traceOf('argyle.invites.resend', invites.resend),
      revoke: traceOf('argyle.invites.revoke', invites.revoke),
    },
  };
}

const date = (v: string | null | undefined) => (v ? new Date(v) : null);

export function toInvite(w: WireInvite): Invite {
  const invite = {
    id: w.id,
    userId: w.user,
    email: w.email ?? null,
    phoneNumber: w.phone_number ?? null,
    firstName: w.first_name,
    lastName: w.last_name,
    status: w.status,
    groupId: w.group_id ?? null,
    url: w.url,
    createdAt: new Date(w.created_at),
    updatedAt: new Date(w.updated_at),
    invitedAt: new Date(w.invited_at),
    revokedAt: date(w.revoked_at),
    flowId: w.flow_id ?? null,
    flowItems: w.flow_items ?? null,
    replyTo: w.reply_to ?? null,
    deliveries: (w.deliveries ?? []).map((d) => ({
      id: d.id,
      method: d.method,
      status: d.status,
      sentAt: new Date(d.sent_at),
      updatedAt: new Date(d.updated_at),
    })),
  };
  Object.defineProperty(invite, 'userToken', { value: w.user_token ?? null, enumerable: false });
  return invite as Invite;
}
