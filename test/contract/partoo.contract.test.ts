// Every operation of openapi/partoo.yaml through the typed raw client, against Prism with --errors:
// the request must be accepted, and the response must match the spec.
import { describe, expect, inject, it } from 'vitest';
import { createPartooClient } from '../../src/index.js';
import { expectConforms, operationIds, recordingFetch } from './helpers.js';

const BIZ = '5409c35a97bbc544d8e26737';
const INVITATION = 'd3d8c966-0356-4ec0-baae-13ec3622ebc2';
const recorder = recordingFetch();
const client = () =>
  createPartooClient({
    apiKey: 'contract-test-key',
    baseUrl: inject('prismPartooUrl'),
    maxRetries: 0,
    fetch: recorder.fetch,
  });
const prefer = (p: string) => ({ headers: { Prefer: p } });

type Case = {
  op: string;
  status: number;
  call: () => Promise<{ response: Response; data?: unknown; error?: unknown }>;
};
const cases: Case[] = [
  {
    op: 'sendReviewInvitation',
    status: 200,
    call: () =>
      client().api.POST('/review_booster/send_invitation', {
        body: { business_id: BIZ, target_phone: '+33601020304', invite_content: 'Thanks! @link', force: 'False' },
      }),
  },
  {
    op: 'sendReviewInvitation',
    status: 400,
    call: () =>
      client().api.POST('/review_booster/send_invitation', {
        body: { business_id: BIZ, target_phone: '+33601020304' },
        ...prefer('code=400'),
      }),
  },
  {
    op: 'sendReviewInvitation',
    status: 403,
    call: () =>
      client().api.POST('/review_booster/send_invitation', {
        body: { business_id: BIZ, target_phone: '+33601020304' },
        ...prefer('code=403'),
      }),
  },
  {
    op: 'checkDuplicatedReviewInvitation',
    status: 200,
    call: () =>
      client().api.GET('/review_booster/search-invitation', {
        params: { query: { business_id: BIZ, target_phone: '+33601020304', after: 1559148288 } },
      }),
  },
  {
    op: 'checkDuplicatedReviewInvitation',
    status: 404,
    call: () =>
      client().api.GET('/review_booster/search-invitation', {
        params: { query: { business_id: BIZ, target_phone: '+33601020304' } },
        ...prefer('code=404'),
      }),
  },
  {
    op: 'getReviewInvitationStatus',
    status: 200,
    call: () =>
      client().api.GET('/review_booster/invitation_status', { params: { query: { invitation_id: INVITATION } } }),
  },
  {
    op: 'getReviewInvitationStatus',
    status: 404,
    call: () =>
      client().api.GET('/review_booster/invitation_status', {
        params: { query: { invitation_id: INVITATION } },
        ...prefer('code=404'),
      }),
  },
  { op: 'getReviewBoosterTemplate', status: 200, call: () => client().api.GET('/review_booster/template') },
  {
    op: 'getReviewBoosterTemplate',
    status: 401,
    call: () => client().api.GET('/review_booster/template', prefer('code=401')),
  },
  {
    op: 'updateReviewBoosterTemplate',
    status: 200,
    call: () => client().api.POST('/review_booster/template', { body: { text: 'Review ${business_name}: ${url}' } }),
  },
  {
    op: 'updateReviewBoosterTemplate',
    status: 400,
    call: () => client().api.POST('/review_booster/template', { body: { text: 'no link' }, ...prefer('code=400') }),
  },
  {
    op: 'getReviewBoosterExpeditorName',
    status: 200,
    call: () => client().api.GET('/review_booster/expeditor/{business_id}', { params: { path: { business_id: BIZ } } }),
  },
  {
    op: 'getReviewBoosterExpeditorName',
    status: 404,
    call: () =>
      client().api.GET('/review_booster/expeditor/{business_id}', {
        params: { path: { business_id: BIZ } },
        ...prefer('code=404'),
      }),
  },
  {
    op: 'setReviewBoosterExpeditorName',
    status: 200,
    call: () =>
      client().api.POST('/review_booster/expeditor/{business_id}', {
        params: { path: { business_id: BIZ } },
        body: { expeditor_name: 'MyShop' },
      }),
  },
  {
    op: 'setReviewBoosterExpeditorName',
    status: 400,
    call: () =>
      client().api.POST('/review_booster/expeditor/{business_id}', {
        params: { path: { business_id: BIZ } },
        body: { expeditor_name: 'MyShop' },
        ...prefer('code=400'),
      }),
  },
];

describe('Partoo contract (Prism)', () => {
  it('covers every operation of the spec with a success and an error', () => {
    const covered = (ok: boolean) => [...new Set(cases.filter((c) => c.status < 300 === ok).map((c) => c.op))].sort();
    expect(covered(true)).toEqual(operationIds('partoo'));
    expect(covered(false)).toEqual(operationIds('partoo'));
  });

  it.each(cases)('$op answers $status', async ({ op, status, call }) => {
    const { response, data, error } = await call();
    expect(response.status).toBe(status);
    expect(await expectConforms('partoo', recorder.last(), response, data ?? error)).toBe(op);
  });

  it('rejects a request without the API key (Prism enforces security)', async () => {
    const res = await fetch(`${inject('prismPartooUrl')}/review_booster/template`);
    expect(res.status).toBe(401);
  });

  it('rejects a request that violates the spec with its documented 400 (Prism --errors)', async () => {
    const { response } = await client().api.POST('/review_booster/send_invitation', {
      body: { business_id: BIZ, target_phone: '+33601020304', force: 'yes' as never },
    });
    expect(response.status).toBe(400);
  });
});
