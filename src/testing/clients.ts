// Correctly wired clients for a mock: its URL, its key, its clock, and a ledger that forgets with reset().
// A client built by hand kept skipping from its in-memory ledger after a reset, and one without `now`
// skipped forever after advanceTime.
import { createArgyleClient, type ArgyleClient, type ArgyleClientOptions } from '../argyle/client.js';
import { MemoryLedger, type GuardLedger, type LedgerEntry } from '../partoo/guard/ledger.js';
import { createPartooClient, type PartooClient, type PartooClientOptions } from '../partoo/client.js';

/** What a test needs to reach the mocks; plain data, so a globalSetup can `provide` it to every worker. */
export interface MockConnection {
  /** the Partoo mock's base URL, for a client's `baseUrl` (both modes serve its paths with and without /v2) */
  partooUrl: string;
  /** the Argyle mock's base URL, a bare origin as Argyle's own is */
  argyleUrl: string;
  /** the Partoo key it accepts in `x-APIKey` (default "mock-partoo-api-key"; a namespace's is `mock-<name>`) */
  partooApiKey: string;
  /** the Argyle key id it accepts in Basic credentials (default "mock-argyle-key-id"; a namespace's: `mock-<name>`) */
  argyleApiKeyId: string;
  /** the Argyle key secret it accepts with that key id, in every namespace (default "mock-argyle-key-secret") */
  argyleApiKeySecret: string;
}

/** Clients wired to a mock: its URL, its credentials, its clock, a guard ledger its reset() empties. */
export interface MockClients {
  /**
   * A Partoo client on the mock, on its clock; its guard ledger is cleared by the mock's reset(). It has no
   * client-side rate limit (a test's sends need not wait on one): pass `rateLimit: { requestsPerMinute }` to get
   * one, or start the mock with `rateLimitPerMinute` to see its 429s.
   */
  partooClient(options?: PartooClientOptions): PartooClient;
  /** An Argyle client on the mock, with its URL and credentials; `options` adds to them or overrides them. */
  argyleClient(options?: ArgyleClientOptions): ArgyleClient;
}

/** One client's ledger, emptied when the mock resets (the mock's state and clock went back). */
class ResettableLedger implements GuardLedger {
  private inner: MemoryLedger;
  constructor(private readonly nowMs: () => number) {
    this.inner = new MemoryLedger(undefined, nowMs);
  }
  get(key: string) {
    return this.inner.get(key);
  }
  set(key: string, entry: LedgerEntry, ttlMs: number) {
    this.inner.set(key, entry, ttlMs);
  }
  clear() {
    this.inner = new MemoryLedger(undefined, this.nowMs);
  }
}

export function mockClients(connection: MockConnection, now: () => Date) {
  // Weak: a test's clients come and go; the mock must not keep them alive.
  const ledgers = new Set<WeakRef<ResettableLedger>>();
  const clients: MockClients = {
    partooClient(options = {}) {
      const ledger = new ResettableLedger(() => now().getTime());
      ledgers.add(new WeakRef(ledger));
      const guard = options.guard === false ? false : { ledger, ...options.guard };
      return createPartooClient({
        apiKey: connection.partooApiKey,
        baseUrl: connection.partooUrl,
        now,
        rateLimit: false,
        ...options,
        guard,
      });
    },
    argyleClient(options = {}) {
      const { argyleApiKeyId: apiKeyId, argyleApiKeySecret: apiKeySecret, argyleUrl: baseUrl } = connection;
      return createArgyleClient({ apiKeyId, apiKeySecret, baseUrl, ...options });
    },
  };
  const clearLedgers = () => {
    for (const ref of ledgers) {
      const ledger = ref.deref();
      if (ledger) ledger.clear();
      else ledgers.delete(ref);
    }
  };
  return { clients, clearLedgers };
}
