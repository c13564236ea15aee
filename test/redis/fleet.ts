// Workers in one test process, each with a client and a guard store of its own (its own Redis connection), every
// worker sending once to every number, a few sends in flight each: the race that doubles SMS without a shared guard.
import { createPartooClient, type GuardStore } from '../../src/index.js';
import type { MockServers } from '../../src/testing/index.js';
import { warningLogger } from '../support/warnings.js';

export const phones = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `+336${prefix}${1_000_000 + i}`);

export interface FleetResult {
  /** SMS the mock sent, per number */
  sms: number[];
  errors: Error[];
  /** the clients' warnings: a store that timed out says so here, and its sends took the search alone */
  warnings: string[];
}

export async function sendFromFleet(
  mock: MockServers,
  stores: GuardStore[],
  numbers: string[],
  { inFlight = 4, businessId = 'biz', latencyMs = 0 } = {},
): Promise<FleetResult> {
  const errors: Error[] = [];
  const { warnings, logger } = warningLogger();
  await Promise.all(
    stores.map(async (store, w) => {
      const client = createPartooClient({
        apiKey: mock.partooApiKey,
        baseUrl: mock.partooUrl,
        rateLimit: false,
        logger,
        // Latency on every request widens the window between a worker's search and its POST, where two workers
        // not sharing a lock both find nothing and both send.
        fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
          if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
          return fetch(input, init);
        }) as typeof fetch,
        // These tests are of a store that answers: a lock TTL and a store deadline of several seconds keep a loaded
        // machine's pauses (a test file type-checking beside them) from turning into the documented fallbacks, a
        // lock expired under its holder or a store given up for the search alone, where doubles are possible.
        guard: { store, lockTtlMs: 5_000, storeTimeoutMs: 5_000 },
      });
      // Half the workers in order, half in reverse: they meet on the same numbers at the same time, and in the middle.
      const queue = w % 2 ? [...numbers].reverse() : [...numbers];
      const lane = async () => {
        for (let phone = queue.shift(); phone; phone = queue.shift()) {
          await client.reviewBooster.sendInvitation({ businessId, targetPhone: phone }).catch((e: Error) => {
            errors.push(e);
          });
        }
      };
      await Promise.all(Array.from({ length: inFlight }, lane));
    }),
  );
  return { sms: numbers.map((n) => mock.sentCount(businessId, n)), errors, warnings };
}
