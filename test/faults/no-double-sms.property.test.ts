// Property: whatever the faults and however the sends interleave, at most one SMS per (business, number)
// reaches the server, and every call ends as sent, skipped or a typed error that leaks no secret.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ConnectionError, createPartooClient, isSdkError } from '../../src/index.js';
import { createStatefulMocks, type StatefulMocks } from '../../src/testing/index.js';
import { FAULTS, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { leakedSecrets } from '../support/secrets.js';

export const RUNS = 300;
const KEY = 'pk_property_secret_0987654321';
let mocks: StatefulMocks;
let server: FaultServer;

beforeAll(async () => {
  // Partoo's own 10-day rule is off: the guard alone must keep the count at one.
  mocks = await createStatefulMocks({ apiKey: KEY, enforceWindow: false });
  server = await startFaultServer(mocks.partoo, { slowMs: 120 });
});
afterAll(() => server.close());

const send = fc.record({ business: fc.constantFrom('b1', 'b2'), phone: fc.constantFrom('+33601020301', '+33601020302', '+33601020303') });

it(`holds over ${RUNS} random fault sequences and concurrent send waves`, async () => {
  let calls = 0;
  let unknownOutcomes = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.constantFrom(...FAULTS), { maxLength: 16 }), fc.array(fc.array(send, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), async (faults, waves) => {
      mocks.reset();
      server.plan(faults);
      const client = createPartooClient({ apiKey: KEY, baseUrl: server.url, timeoutMs: 80, rateLimit: false, now: () => mocks.clock.now(), sleep: async () => {} } as never);
      for (const wave of waves) {
        const outcomes = await Promise.allSettled(
          wave.map((s) =>
            Promise.race([
              client.reviewBooster.sendInvitation({ businessId: s.business, targetPhone: s.phone }),
              new Promise((_, reject) => setTimeout(() => reject(new Error('HANG: no result within 10 s')), 10_000)),
            ]),
          ),
        );
        for (const o of outcomes) {
          calls++;
          if (o.status === 'fulfilled') {
            expect(['sent', 'skipped']).toContain((o.value as { status: string }).status);
            continue;
          }
          expect(isSdkError(o.reason), String(o.reason)).toBe(true);
          expect(leakedSecrets(o.reason, [KEY])).toEqual([]);
          if (o.reason instanceof ConnectionError && o.reason.outcomeUnknown) {
            unknownOutcomes++;
            expect(o.reason.message).toMatch(/outcome is unknown|may or may not have acted/);
          }
        }
      }
      for (const business of ['b1', 'b2']) {
        for (const phone of ['+33601020301', '+33601020302', '+33601020303']) expect(mocks.partooState.sentCount(business, phone)).toBeLessThanOrEqual(1);
      }
    }),
    { numRuns: RUNS },
  );
  expect(calls).toBeGreaterThan(RUNS);
  console.log(`property: ${RUNS} fault sequences, ${calls} sends, ${unknownOutcomes} reported as outcome unknown, 0 double SMS`);
}, 120_000);
