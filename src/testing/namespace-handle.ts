// A namespace of a mock started in this process, as a test drives it: its credentials, clients wired to it, its
// clock, reset, SMS count, journal and queued faults. Actions (advanceTime, reset, queueFault) have taken effect
// before they return and return a promise, as over HTTP; reads are synchronous here, where the state lives.
import { mockClients, type MockClients, type MockConnection } from './clients.js';
import type { ArgyleState } from './stateful/argyle.js';
import { parseFault, type PendingFault, type QueuedFault } from './stateful/fault-queue.js';
import type { JournalEntry } from './stateful/journal.js';
import type { MockNamespaceState } from './stateful/namespace.js';

/** What a test does in place of a user in Argyle Link (stateful mode; static mode throws, saying so). */
export type ArgyleMockControls = Pick<ArgyleState, 'setInviteStatus' | 'sendWebhook'>;

/** One namespace of a mock in this process: see {@link MockServers.namespace}. */
export interface MockNamespace extends MockConnection, MockClients {
  /** the namespace's name: its Partoo key and Argyle key id are `mock-<name>` */
  name: string;
  /** its URLs and credentials as plain data, for a worker or a child process */
  connection: MockConnection;
  /** its clock; clients from partooClient() use it already */
  now(): Date;
  /** moves its clock forward; moved already when the promise is made, so not awaiting it works too */
  advanceTime(ms: number): Promise<void>;
  /** forgets its invitations, invites, queued faults and journal, rewinds its clock, clears partooClient() ledgers */
  reset(): Promise<void>;
  /** how many SMS it sent to one number of one business */
  sentCount(businessId: string, targetPhone: string): number;
  /** its journal, oldest first (the newest `limit`): method, path, status, time; never a header or a body */
  requests(limit?: number): JournalEntry[];
  /** queues a fault for its next matching requests; a bad one throws, naming the field, and queues nothing */
  queueFault(fault: QueuedFault): Promise<void>;
  /** the faults still waiting, each with what remains of its count */
  pendingFaults(): PendingFault[];
  /** move an invite through its life, and send Argyle's signed webhooks to a URL of the test's */
  argyle: ArgyleMockControls;
}

export function namespaceHandle(ns: MockNamespaceState, urls: Pick<MockConnection, 'partooUrl' | 'argyleUrl'>) {
  const connection: MockConnection = {
    ...urls,
    partooApiKey: ns.credentials.apiKey,
    argyleApiKeyId: ns.credentials.apiKeyId,
    argyleApiKeySecret: ns.credentials.apiKeySecret,
  };
  const now = () => ns.clock.now();
  const { clients, clearLedgers } = mockClients(connection, now);
  const handle: MockNamespace = {
    name: ns.name,
    ...connection,
    connection,
    ...clients,
    now,
    advanceTime: (ms) => {
      ns.clock.advance(ms);
      return Promise.resolve();
    },
    reset: () => {
      ns.reset();
      clearLedgers();
      return Promise.resolve();
    },
    sentCount: (businessId, targetPhone) => ns.partooState.sentCount(businessId, targetPhone),
    requests: (limit) => ns.journal.list(limit).requests,
    queueFault: (fault) => {
      // Queued before it returns, as over HTTP once awaited; a bad fault rejects, as over HTTP.
      try {
        ns.faults.add(parseFault(fault));
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e as Error);
      }
    },
    pendingFaults: () => ns.faults.list(),
    argyle: {
      setInviteStatus: (id, status, o) => ns.argyleState.setInviteStatus(id, status, o),
      sendWebhook: (o) => ns.argyleState.sendWebhook(o),
    },
  };
  return handle;
}
