// Every operation of openapi/argyle-invites.yaml through the typed raw client, against Prism with --errors.
import { describe, expect, inject, it } from 'vitest';
import { createArgyleClient } from '../../src/index.js';
import { expectConforms, operationIds, recordingFetch } from './helpers.js';

const ID = '6f1c2a9e-0000-4c3b-9d2e-000000000001';
const recorder = recordingFetch();
const client = () =>
  createArgyleClient({
    apiKeyId: 'contract-key-id',
    apiKeySecret: 'contract-key-secret',
    baseUrl: inject('prismArgyleUrl'),
    maxRetries: 0,
    fetch: recorder.fetch,
  });
const prefer = (p: string) => ({ headers: { Prefer: p } });
const path = { params: { path: { id: ID } } };

type Case = {
  op: string;
  status: number;
  call: () => Promise<{ response: Response; data?: unknown; error?: unknown }>;
};
const cases: Case[] = [
  {
    op: 'listInvites',
    status: 200,
    call: () => client().api.GET('/v2/invites', { params: { query: { status: ['sent', 'initiated'], limit: 2 } } }),
  },
  { op: 'listInvites', status: 401, call: () => client().api.GET('/v2/invites', prefer('code=401')) },
  { op: 'listInvites', status: 429, call: () => client().api.GET('/v2/invites', prefer('code=429')) },
  {
    op: 'sendInvite',
    status: 200,
    call: () =>
      client().api.POST('/v2/invites', {
        body: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
      }),
  },
  {
    op: 'sendInvite',
    status: 400,
    call: () =>
      client().api.POST('/v2/invites', {
        body: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
        ...prefer('code=400'),
      }),
  },
  { op: 'getInvite', status: 200, call: () => client().api.GET('/v2/invites/{id}', path) },
  {
    op: 'getInvite',
    status: 404,
    call: () => client().api.GET('/v2/invites/{id}', { ...path, ...prefer('code=404') }),
  },
  { op: 'resendInvite', status: 200, call: () => client().api.POST('/v2/invites/{id}', path) },
  {
    op: 'resendInvite',
    status: 404,
    call: () => client().api.POST('/v2/invites/{id}', { ...path, ...prefer('code=404') }),
  },
  { op: 'revokeInvite', status: 200, call: () => client().api.POST('/v2/invites/{id}/revoke', path) },
  {
    op: 'revokeInvite',
    status: 404,
    call: () => client().api.POST('/v2/invites/{id}/revoke', { ...path, ...prefer('code=404') }),
  },
];

describe('Argyle contract (Prism)', () => {
  it('covers every operation of the spec with a success and an error', () => {
    const covered = (ok: boolean) => [...new Set(cases.filter((c) => c.status < 300 === ok).map((c) => c.op))].sort();
    expect(covered(true)).toEqual(operationIds('argyle'));
    expect(covered(false)).toEqual(operationIds('argyle'));
  });

  it.each(cases)('$op answers $status', async ({ op, status, call }) => {
    const { response, data, error } = await call();
    expect(response.status).toBe(status);
    expect(await expectConforms('argyle', recorder.last(), response, data ?? error)).toBe(op);
  });

  it('sends the status filter comma-separated, as Argyle documents, through openapi-fetch options', async () => {
    // .api is openapi-fetch: its default repeats the key (status=a&status=b); Argyle's form is asked for as there.
    const querySerializer = { array: { style: 'form', explode: false } } as const;
    await client().api.GET('/v2/invites', { params: { query: { status: ['sent', 'initiated'] } }, querySerializer });
    expect(new URL(recorder.last().url).search).toBe('?status=sent,initiated');
  });

  it('rejects wrong input with its documented 400 (Prism --errors) and a missing Basic header with 401', async () => {
    const { response } = await client().api.GET('/v2/invites', { params: { query: { limit: 500 } } });
    expect(response.status).toBe(400);
    expect((await fetch(`${inject('prismArgyleUrl')}/v2/invites`)).status).toBe(401);
  });
});
