// One scenario, two transports: the HTTP stateful mock and the MSW handlers must give the same answers to the
// same requests, from the SDK and from plain fetch. Each transcript is also pinned on its own, so both cannot
// be wrong the same way.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockHandlers } from '../../src/msw/index.js';
import { startMockServers } from '../../src/testing/index.js';
import { faultSteps, fetchSteps, SCENARIO_OPTIONS, sdkSteps, type Mocks } from './scenario.js';

interface Transcript {
  sdk: Record<string, unknown>;
  fetch: unknown[];
  faults: unknown;
}
const runs: Record<'http' | 'msw', Transcript> = {} as never;

async function scenario(make: (options: object) => Promise<Mocks>): Promise<Transcript> {
  const mock = await make(SCENARIO_OPTIONS);
  const sdk = await sdkSteps(mock);
  mock.reset();
  const fetched = await fetchSteps(mock);
  const faults = await faultSteps(make);
  return { sdk, fetch: fetched, faults };
}

describe('the HTTP stateful mock', () => {
  const started: { close(): Promise<void> }[] = [];
  afterAll(() => Promise.all(started.map((m) => m.close())));
  it('runs the partner scenario', async () => {
    runs.http = await scenario(async (o) => {
      const mock = await startMockServers({ stateful: true, ...o });
      started.push(mock);
      return mock;
    });
  });
});

describe('the MSW handlers', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  it('run the same scenario in-process', async () => {
    runs.msw = await scenario(async (o) => {
      const mock = createMockHandlers(o);
      // The newest mock's handlers first: the fault mocks take over from the scenario's, as new servers would.
      server.use(...mock.handlers);
      return mock;
    });
  });
});

describe('both transports', () => {
  it('give the SDK the same answers', () => {
    expect(runs.msw.sdk).toEqual(runs.http.sdk);
    expect(runs.http.sdk).toMatchObject({
      send: { status: 'sent', invitationId: '<uuid>', targetPhone: '+33601020304' },
      skip: { status: 'skipped', reason: 'recently_invited', lastInvitation: { id: '<uuid>' } },
      later: { status: 'sent' },
      created: 'CREATED',
      final: 'DELIVERED',
      failing: 'FAILED_SEND',
      sentCount: 2,
      invite: { firstName: 'Ada', status: 'sent' },
      pages: [
        ['Lovelace', 'Worker 5'],
        ['Worker 4', 'Worker 3'],
        ['Worker 2', 'Worker 1'],
      ],
      revoked: 'revoked',
      revokedList: ['ada@example.com'],
      wrongPartooKey: { error: 'AuthenticationError', status: 401 },
      wrongArgyleSecret: { error: 'AuthenticationError', status: 401 },
    });
    expect(runs.http.sdk.search).toHaveLength(2);
  });

  it('give plain fetch the same statuses and bodies, cursor links on their own origin', () => {
    expect(runs.msw.fetch).toEqual(runs.http.fetch);
    const statuses = runs.http.fetch.map((a: any) => `${a.method} ${a.status}`);
    expect(statuses).toEqual([
      'POST 200',
      'POST 400',
      'GET 200',
      'GET 200',
      'GET 200',
      'POST 400',
      'GET 401',
      'POST 200',
      'GET 200',
      'GET 200',
      'POST 200',
      'GET 200',
      'GET 401',
    ]);
    const bodies = runs.http.fetch.map((a: any) => a.body);
    expect(bodies[3]).toEqual({ invitation_id: '<uuid>', status: 'CREATED' });
    expect(bodies[4]).toEqual({ invitation_id: '<uuid>', status: 'DELIVERED' });
    expect(bodies[8].next).toMatch(/^<argyle>\/v2\/invites\?cursor=/);
    expect(bodies[11].results).toHaveLength(1);
  });

  it('turn injected faults into the same typed errors', () => {
    expect(runs.msw.faults).toEqual(runs.http.faults);
    expect(runs.http.faults).toEqual({
      partoo500: { error: 'ServerError', status: 500 },
      argyle500: { error: 'ServerError', status: 500 },
      first: { error: 'NotFoundError', status: 404 },
      second: { error: 'RateLimitError', status: 429, retryAfter: true },
    });
  });
});
