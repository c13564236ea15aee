// Each fault on a real socket, one at a time: the send ends sent, skipped or with a typed error, never twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  ConfigurationError,
  ConnectionError,
  createArgyleClient,
  isSdkError,
  TimeoutError,
} from '../../src/index.js';
import { createArgyleClientWith } from '../../src/argyle/client.js';
import { systemRuntime, type Runtime } from '../../src/core/runtime.js';
import { createPartooClientWith } from '../../src/partoo/client.js';
import { createStatefulMocks, type StatefulMocks } from '../../src/testing/index.js';
import { FAULTS, startFaultServer, type FaultName, type FaultServer } from '../support/fault-server.js';
import { leakedSecrets } from '../support/secrets.js';

const KEY = 'pk_fault_test_1234567890';
let mocks: StatefulMocks;
let server: FaultServer;
let argyleServer: FaultServer;

beforeAll(async () => {
  mocks = await createStatefulMocks({ apiKey: KEY, enforceWindow: false });
  server = await startFaultServer(mocks.partoo, { slowMs: 300 });
  argyleServer = await startFaultServer(mocks.argyle, { slowMs: 300 });
});
afterAll(() => Promise.all([server.close(), argyleServer.close()]));
beforeEach(() => mocks.reset());

// No backoff or settle wait: each fault's outcome, not its timing, is under test.
const noWaits: Runtime = { ...systemRuntime, sleep: async () => {} };
const client = () =>
  createPartooClientWith(
    { apiKey: KEY, baseUrl: server.url, timeoutMs: 150, rateLimit: false, now: () => mocks.clock.now() },
    noWaits,
  );
const send = (phone: string) => client().reviewBooster.sendInvitation({ businessId: 'biz', targetPhone: phone });

describe('one fault on the POST', () => {
  it.each(FAULTS.filter((f) => f !== 'none'))('%s: exactly one SMS and a clear result', async (fault) => {
    const phone = '+33601020304';
    server.plan(['none', fault as FaultName]);
    const result = await send(phone).catch((e) => e);
    expect(mocks.partooState.sentCount('biz', phone)).toBe(1);
    if (result instanceof Error) throw result;
    expect(result.status).toBe('sent');
    expect(result.invitationId).toBe([...mocks.partooState.invitations.keys()][0]);
  });
});

describe('faults that outlast the retries', () => {
  it('a POST reset and then every check failing: a typed error that says the outcome is unknown, one SMS', async () => {
    server.plan(['none', 'reset-after', '503', '503', '503']);
    const error = await send('+33601020305').catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/outcome is unknown/);
    expect(mocks.partooState.sentCount('biz', '+33601020305')).toBe(1);
    expect(leakedSecrets(error, [KEY])).toEqual([]);
  });

  it('a slow search: TimeoutError after the retries, no POST', async () => {
    server.plan(['slow', 'slow', 'slow']);
    const error = await send('+33601020306').catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.log.at(-1)!.method).toBe('GET');
    expect(mocks.partooState.sentCount('biz', '+33601020306')).toBe(0);
  });

  it('malformed JSON on a GET: ApiError with the status, after the retries', async () => {
    server.plan(['malformed-json', 'malformed-json', 'malformed-json']);
    const error = await client()
      .reviewBooster.getInvitationStatus('x')
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/malformed response/);
  });

  it('a truncated body on a GET is retried, then a ConnectionError', async () => {
    server.plan(['truncated', 'truncated', 'truncated']);
    const error = await client()
      .reviewBooster.getInvitationStatus('x')
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(isSdkError(error)).toBe(true);
  });
});

describe('Argyle over a misbehaving socket', () => {
  const argyle = () =>
    createArgyleClientWith(
      {
        apiKeyId: 'mock-argyle-key-id',
        apiKeySecret: 'mock-argyle-key-secret',
        baseUrl: argyleServer.url,
        timeoutMs: 150,
      },
      noWaits,
    );

  it('a `next` URL on another origin is refused before any request to it', async () => {
    const handler = mocks.argyle;
    const evil = await startFaultServer(
      async (r) => {
        const res = await handler(r);
        const body = (await res.json()) as { next: string | null };
        return new Response(JSON.stringify({ ...body, next: 'http://127.0.0.2:9/v2/invites?cursor=x' }), {
          status: 200,
        });
      },
      { slowMs: 0 },
    );
    try {
      const client = createArgyleClient({
        apiKeyId: 'mock-argyle-key-id',
        apiKeySecret: 'mock-argyle-key-secret',
        baseUrl: evil.url,
      });
      await expect(client.invites.list({ limit: 2 }).toArray()).rejects.toBeInstanceOf(ConfigurationError);
      expect(evil.log).toHaveLength(1);
    } finally {
      await evil.close();
    }
  });

  it('a server that repeats the same page forever: the walk stops', async () => {
    const looping = await startFaultServer(
      async () =>
        new Response(JSON.stringify({ next: `${looping.url}/v2/invites?cursor=same`, previous: null, results: [] }), {
          status: 200,
        }),
      { slowMs: 0 },
    );
    try {
      const client = createArgyleClient({
        apiKeyId: 'mock-argyle-key-id',
        apiKeySecret: 'mock-argyle-key-secret',
        baseUrl: looping.url,
      });
      expect(await client.invites.list().toArray()).toEqual([]);
      expect(looping.log).toHaveLength(2);
    } finally {
      await looping.close();
    }
  });

  it('a send reset after Argyle acted is not repeated', async () => {
    argyleServer.plan(['reset-after']);
    const error = await argyle()
      .invites.send({ firstName: 'A', lastName: 'B', email: 'a@example.com' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    expect(argyleServer.log.filter((l) => l.method === 'POST')).toHaveLength(1);
  });
});
