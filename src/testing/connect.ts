// The mocks a globalSetup (or another process: the CLI, a container) started, driven over HTTP from a test worker:
// the same controls as startMockServers() gives in-process, each a promise, per namespace.
import { mockClients, type MockClients, type MockConnection } from './clients.js';
import { systemNowMs } from './stateful/clock.js';
import type { PendingFault, QueuedFault } from './stateful/fault-queue.js';
import type { JournalEntry } from './stateful/journal.js';

/** One namespace of mocks started elsewhere: see {@link ConnectedMocks.namespace}. */
export interface ConnectedNamespace extends MockConnection, MockClients {
  /** the namespace's name: its Partoo key and Argyle key id are `mock-<name>` */
  name: string;
  /** its URLs and credentials as plain data */
  connection: MockConnection;
  /** its clock, followed from this process (synchronous, as a client's `now` must be) */
  now(): Date;
  /** moves its clock for every process, and this process's view of it, before the promise resolves */
  advanceTime(ms: number): Promise<void>;
  /** its reset, for every process; clients made here forget their ledgers */
  reset(): Promise<void>;
  /** how many SMS it sent to one number of one business */
  sentCount(businessId: string, targetPhone: string): Promise<number>;
  /** its journal, oldest first (the newest `limit`): method, path, status, time; never a header or a body */
  requests(limit?: number): Promise<JournalEntry[]>;
  /** queues a fault for its next matching requests; a bad one rejects, naming the field, and queues nothing */
  queueFault(fault: QueuedFault): Promise<void>;
  /** the faults still waiting */
  pendingFaults(): Promise<PendingFault[]>;
}

/** The mocks a globalSetup started, seen from a test worker: see {@link connectMockServers}. */
export interface ConnectedMocks extends ConnectedNamespace {
  /** another namespace of the same mocks, its clock read once first (stateful mode) */
  namespace(name: string): Promise<ConnectedNamespace>;
}

/** The mock's answer to a control request, or an error naming the endpoint, the status and the mock's words. */
async function control(connection: MockConnection, namespace: string, path: string, init?: RequestInit) {
  const url = new URL(`${connection.partooUrl}/__mock/${path}`);
  url.searchParams.set('namespace', namespace);
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json' } });
  const answer = (await res.json().catch(() => undefined)) as Record<string, any> | undefined;
  if (!res.ok || !answer) throw new Error(`mock ${path.split('?')[0]}: HTTP ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

async function connectNamespace(base: MockConnection, name: string): Promise<ConnectedNamespace> {
  const connection: MockConnection =
    name === 'default' ? base : { ...base, partooApiKey: `mock-${name}`, argyleApiKeyId: `mock-${name}` };
  let offsetMs = 0;
  const clock = async (path: string, body?: unknown) => {
    const init = body === undefined ? undefined : { method: 'POST', body: JSON.stringify(body) };
    const answer = await control(connection, name, path, init);
    if (typeof answer.offsetMs !== 'number') throw new Error(`mock ${path}: no clock in ${JSON.stringify(answer)}`);
    offsetMs = answer.offsetMs;
  };
  await clock('time');
  const now = () => new Date(systemNowMs() + offsetMs);
  const { clients, clearLedgers } = mockClients(connection, now);
  return {
    name,
    ...connection,
    connection,
    ...clients,
    now,
    advanceTime: (ms) => clock('advance-time', { ms }),
    reset: async () => {
      await clock('reset', {});
      clearLedgers();
    },
    sentCount: async (businessId, targetPhone) => {
      const query = new URLSearchParams({ business_id: businessId, target_phone: targetPhone });
      return (await control(connection, name, `sent?${query}`)).count;
    },
    requests: async (limit) =>
      (await control(connection, name, limit === undefined ? 'requests' : `requests?limit=${limit}`)).requests,
    queueFault: async (fault) => {
      await control(connection, name, 'faults', { method: 'POST', body: JSON.stringify(fault) });
    },
    pendingFaults: async () => (await control(connection, name, 'faults')).faults,
  };
}

/**
 * The mocks a globalSetup started, from a test worker: `connectMockServers(inject('mocks'))`. The clock lives in
 * the globalSetup's process; this keeps its exact offset, so `now()` stays synchronous and in step.
 */
export async function connectMockServers(connection: MockConnection): Promise<ConnectedMocks> {
  const main = await connectNamespace(connection, 'default');
  return { ...main, namespace: (name) => connectNamespace(connection, name) };
}
