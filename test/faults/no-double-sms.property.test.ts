// Property: whatever the faults and however the sends interleave, at most one SMS per (business, number)
// reaches the server, and every call ends as sent, skipped or a typed error that leaks no secret. A POST the
// network holds past the client's timeout joins the faults: landing within the guard's settle time it is never
// doubled; landing later it may be (Partoo's own rule, off here, is then the last line), and each double is counted.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ConnectionError, isSdkError } from '../../src/index.js';
import { createStatefulMocks, type StatefulMocks } from '../../src/testing/index.js';
import { abortableSleep, systemRuntime } from '../../src/core/runtime.js';
import { createPartooClientWith } from '../../src/partoo/client.js';
import { FAULTS, LATE_FAULTS, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { leakedSecrets } from '../support/secrets.js';

export const RUNS = 300;
const KEY = 'pk_property_secret_0987654321';
const TIMEOUT_MS = 80;
const SETTLE_MS = 150;
// Held until 60 ms after the client gave up (within the settle time), or 200 ms after the deciding search.
const LATE = { shortMs: TIMEOUT_MS + 60, longMs: TIMEOUT_MS + SETTLE_MS + 200 };
let mocks: StatefulMocks;
let server: FaultServer;

beforeAll(async () => {
  // Partoo's own 10-day rule is off: the guard alone must keep the count at one.
  mocks = await createStatefulMocks({ apiKey: KEY, enforceWindow: false });
  server = await startFaultServer(mocks.partoo, { slowMs: 120, late: LATE });
});
afterAll(() => server.close());

const send = fc.record({
  business: fc.constantFrom('b1', 'b2'),
  phone: fc.constantFrom('+33601020301', '+33601020302', '+33601020303'),
});

it(`holds over ${RUNS} random fault sequences and concurrent send waves`, async () => {
  let calls = 0;
  let unknownOutcomes = 0;
  let lateLongPosts = 0;
  let lateDoubles = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom(...FAULTS, ...LATE_FAULTS), { maxLength: 16 }),
      fc.array(fc.array(send, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }),
      async (faults, waves) => {
        mocks.reset();
        server.log.length = 0;
        server.plan(faults);
        // Real waits, so a late POST really lands before or after the deciding search: the settle time in full,
        // no backoff (random 0), and a zero Retry-After as it comes.
        const sleep = (ms: number, signal?: AbortSignal) => abortableSleep(Math.min(ms, SETTLE_MS), signal);
        const client = createPartooClientWith(
          {
            apiKey: KEY,
            baseUrl: server.url,
            timeoutMs: TIMEOUT_MS,
            rateLimit: false,
            now: () => mocks.clock.now(),
            guard: { settleMs: SETTLE_MS },
          },
          { ...systemRuntime, sleep, random: () => 0 },
        );
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
        // Every held request lands before the count.
        await server.idle();
        const lateLong = server.log.filter((l) => l.method === 'POST' && l.fault === 'late-long').length;
        lateLongPosts += lateLong;
        let doubles = 0;
        for (const business of ['b1', 'b2']) {
          for (const phone of ['+33601020301', '+33601020302', '+33601020303']) {
            const sent = mocks.partooState.sentCount(business, phone);
            expect(sent).toBeLessThanOrEqual(lateLong > 0 ? 2 : 1);
            if (sent === 2) doubles++;
          }
        }
        // Only a POST landing after the settle time can double, and each such POST at most one SMS.
        expect(doubles).toBeLessThanOrEqual(lateLong);
        lateDoubles += doubles;
      },
    ),
    { numRuns: RUNS },
  );
  expect(calls).toBeGreaterThan(RUNS);
  console.log(
    `property: ${RUNS} fault sequences, ${calls} sends, ${unknownOutcomes} reported as outcome unknown; ` +
      `0 double SMS from the ${FAULTS.length - 1} faults and POSTs landing within the settle time; ` +
      `${lateDoubles} double(s) from ${lateLongPosts} POST(s) landing after it`,
  );
}, 240_000);
