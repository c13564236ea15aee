// The wire fields the hand-written wrapper (src/core, src/partoo, src/argyle) sends or reads, per operation.
// A spec change that is breaking on one of these breaks the SDK itself, not just users of the raw `.api` client,
// so `pull` reports it apart and exits 4. test/sdk-uses.test.ts keeps this list honest both ways: every entry exists
// in the committed spec, and every field name of these operations that appears in that code is listed here.
//
// `operationIds` lists the operationIds that hand-written code (the mocks in src/testing included) names: the HTTP
// contract is keyed by path and method, so a label upstream drops or renames is SDK-breaking only where it is named.
//
// Entries: `query.<name>` / `path.<name>` (parameters), `body.<field>` (request body), `response.<field>` (the 2xx
// answer; `[]` steps into an array's items). Error bodies are left out: the wrapper reads them generically
// (`errors`, `detail`, `message`), never by the spec's shape. `page` on search-invitation is not listed: the wrapper
// sends it although the spec does not document it (see openapi/README.md).

export interface SdkUses {
  /** "METHOD /path" -> fields */
  operations: Record<string, string[]>;
  /** base URLs the wrapper's `environment` option points at (src/core/config.ts) */
  servers: string[];
  /** "METHOD /path" -> the operationId hand-written code names it by (a type lookup, a mock route, an error's
   *  `operation`): upstream dropping or renaming one breaks that code although the HTTP contract is unchanged */
  operationIds: Record<string, string>;
}

export const SDK_USES: Record<'partoo' | 'argyle', SdkUses> = {
  partoo: {
    operations: {
      'POST /review_booster/send_invitation': [
        'body.business_id',
        'body.target_phone',
        'body.target_name',
        'body.invite_content',
        'body.force',
        'response.invitation_id',
      ],
      'GET /review_booster/search-invitation': [
        'query.business_id',
        'query.target_phone',
        'query.after',
        'response.page',
        'response.max_page',
        'response.count',
        'response.review_invitations',
        'response.review_invitations[].id',
        'response.review_invitations[].user_id',
        'response.review_invitations[].user_name',
        'response.review_invitations[].sent_time',
      ],
      'GET /review_booster/invitation_status': ['query.invitation_id', 'response.status'],
    },
    servers: ['https://api.partoo.co/v2', 'https://api.sandbox.partoo.co/v2'],
    operationIds: {
      'POST /review_booster/send_invitation': 'sendReviewInvitation',
      'GET /review_booster/search-invitation': 'checkDuplicatedReviewInvitation',
      'GET /review_booster/invitation_status': 'getReviewInvitationStatus',
      'GET /review_booster/template': 'getReviewBoosterTemplate',
      'POST /review_booster/template': 'updateReviewBoosterTemplate',
      'GET /review_booster/expeditor/{business_id}': 'getReviewBoosterExpeditorName',
      'POST /review_booster/expeditor/{business_id}': 'setReviewBoosterExpeditorName',
    },
  },
  argyle: {
    operations: {
      'GET /v2/invites': [
        'query.status',
        'query.reply_to',
        'query.limit',
        'response.results',
        'response.next',
        'response.previous',
        ...inviteFields('response.results[].'),
      ],
      'POST /v2/invites': [
        'body.first_name',
        'body.last_name',
        'body.email',
        'body.phone_number',
        'body.external_id',
        'body.flow_id',
        'body.flow_items',
        'body.dds_config',
        'body.override_invite_template',
        'body.override_invite_template.brand',
        'body.override_invite_template.landing_page',
        'body.override_invite_template.success_page',
        ...inviteFields('response.'),
      ],
      'GET /v2/invites/{id}': ['path.id', ...inviteFields('response.')],
      'POST /v2/invites/{id}': ['path.id', ...inviteFields('response.')],
      'POST /v2/invites/{id}/revoke': ['path.id', ...inviteFields('response.')],
    },
    servers: ['https://api.argyle.com', 'https://api-sandbox.argyle.com'],
    operationIds: {
      'GET /v2/invites': 'listInvites',
      'POST /v2/invites': 'sendInvite',
      'GET /v2/invites/{id}': 'getInvite',
      'POST /v2/invites/{id}': 'resendInvite',
      'POST /v2/invites/{id}/revoke': 'revokeInvite',
    },
  },
};

/** What `toInvite` reads from an Argyle invite. */
function inviteFields(prefix: string): string[] {
  const top = [
    'id',
    'user',
    'email',
    'phone_number',
    'first_name',
    'last_name',
    'status',
    'group_id',
    'url',
    'created_at',
    'updated_at',
    'invited_at',
    'revoked_at',
    'flow_id',
    'flow_items',
    'reply_to',
    'user_token',
    'deliveries',
  ];
  const delivery = ['id', 'method', 'status', 'sent_at', 'updated_at'].map((f) => `deliveries[].${f}`);
  return [...top, ...delivery].map((f) => prefix + f);
}

/** Whether a change at (section, field) of an operation touches a field the wrapper uses: the same field, a
 *  field inside it (its enum, its type) or one containing it (a removed parent object). */
export function touchesSdk(uses: SdkUses, operation: string, section: string, field: string): string | undefined {
  const listed = uses.operations[operation];
  if (!listed) return undefined;
  // A whole operation added or removed (no section) touches it if the wrapper calls it.
  if (!section) return listed[0];
  // The wrapper reads only the 2xx answer; error bodies are read generically (see the top of this file).
  const prefix = /^response 2\d\d$/.test(section) ? 'response' : section;
  const wanted = `${prefix}.${field}`;
  // The field itself first, then what lies inside it (its items, its enum), then a parent that contains it.
  return (
    listed.find((u) => u === wanted) ??
    listed.find(
      (u) => u.startsWith(`${wanted}.`) || u.startsWith(`${wanted}[]`) || (field === '' && u.startsWith(`${prefix}.`)),
    ) ??
    listed.find((u) => wanted.startsWith(`${u}.`) || wanted.startsWith(`${u}[]`))
  );
}
