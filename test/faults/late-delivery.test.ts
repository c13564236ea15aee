// A POST held in the network past the client's timeout still arrives. The guard's deciding search waits
// `settleMs` from the moment the client gave up: a POST landing within that time is found, never sent twice.
// One landing later can still double, unless Partoo's own 10-day rule refuses it or the send was forced.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionError, createPartooClient } from '../../src/index.js';
import { createStatefulMocks, type StatefulMocks } from '../../src/testing/index.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';

const KEY = 'pk_late_delivery_1234567890';
const TIMEOUT_MS = 200;
const SETTLE_MS = 1_000;
// Lands 700 ms after the client gave up: later than the retry backoff (500 ms), sooner than the settle time.
// Or 600 ms after the deciding search has run.
const LATE = { shortMs: TIMEOUT_MS + 700, longMs: TIMEOUT_MS + SETTLE_MS + 600 };

let ruleOff: StatefulMocks;
let ruleOn: StatefulMocks;
let offServer: FaultServer;
let onServer: FaultServer;

beforeAll(async () => {
  ruleOff = await createStatefulMocks({ apiKey: KEY, enforceWindow: false });
  ruleOn = await createStatefulMocks({ apiKey: KEY });
  offServer = await startFaultServer(ruleOff.partoo, { slowMs: 0, late: LATE });
  onServer = await startFaultServer(ruleOn.partoo, { slowMs: 0, late: LATE });
});
afterAll(() => Promise.all([offServer.close(), onServer.close()]));
beforeEach(() => {
  ruleOff.reset();
  ruleOn.reset();
  offServer.log.length = 0;
  onServer.log.length = 0;
});

const client = (server: FaultServer, mocks: StatefulMocks, guard: object = {}) =>
  createPartooClient({
    apiKey: KEY,
    baseUrl: server.url,
    timeoutMs: TIMEOUT_MS,
    rateLimit: false,
    now: () => mocks.clock.now(),
    guard: { settleMs: SETTLE_MS, ...guard },
  });
const posts = (server: FaultServer) => server.log.filter((l) => l.method === 'POST').length;

describe('a POST delivered after the client gave up on it', () => {
  it('within the settle time: found by the deciding search, one SMS, reported sent (Partoo rule off)', async () => {
    const phone = '+33601020401';
    offServer.plan(['none', 'late-short']);
    const started = Date.now();
    const result = await client(offServer, ruleOff).reviewBooster.sendInvitation({
      businessId: 'biz',
      targetPhone: phone,
    });
    await offServer.idle();
    expect(result).toMatchObject({ status: 'sent', invitationId: [...ruleOff.partooState.invitations.keys()][0] });
    expect(ruleOff.partooState.sentCount('biz', phone)).toBe(1);
    expect(posts(offServer)).toBe(1);
    // The search ran no earlier than timeout + settle after the POST left.
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS + SETTLE_MS);
  });

  it('later than the settle time, rule off: one more POST, and the late one doubles (the stated bound)', async () => {
    const phone = '+33601020402';
    offServer.plan(['none', 'late-long']);
    const result = await client(offServer, ruleOff).reviewBooster.sendInvitation({
      businessId: 'biz',
      targetPhone: phone,
    });
    await offServer.idle();
    expect(result.status).toBe('sent');
    expect(posts(offServer)).toBe(2);
    expect(ruleOff.partooState.sentCount('biz', phone)).toBe(2);
  });

  it('later than the settle time, Partoo rule on: the late POST is refused, one SMS', async () => {
    const phone = '+33601020403';
    onServer.plan(['none', 'late-long']);
    const result = await client(onServer, ruleOn).reviewBooster.sendInvitation({
      businessId: 'biz',
      targetPhone: phone,
    });
    await onServer.idle();
    expect(result.status).toBe('sent');
    expect(ruleOn.partooState.sentCount('biz', phone)).toBe(1);
  });

  it('forced, later than the settle time: no second POST, outcomeUnknown; the late one is the SMS', async () => {
    const phone = '+33601020404';
    onServer.plan(['late-long']);
    const error = await client(onServer, ruleOn)
      .reviewBooster.sendInvitation({ businessId: 'biz', targetPhone: phone, force: true })
      .catch((e: unknown) => e);
    await onServer.idle();
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ outcomeUnknown: true, message: expect.stringMatching(/resendUnknown/) });
    expect(posts(onServer)).toBe(1);
    expect(ruleOn.partooState.sentCount('biz', phone)).toBe(1);
  });

  it('forced with resendUnknown: the caller accepted a double, and gets it when the first lands late', async () => {
    const phone = '+33601020405';
    onServer.plan(['late-long']);
    const result = await client(onServer, ruleOn, { resendUnknown: true }).reviewBooster.sendInvitation({
      businessId: 'biz',
      targetPhone: phone,
      force: true,
    });
    await onServer.idle();
    expect(result.status).toBe('sent');
    expect(posts(onServer)).toBe(2);
    expect(ruleOn.partooState.sentCount('biz', phone)).toBe(2);
  });
});
