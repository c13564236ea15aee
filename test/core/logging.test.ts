// What the SDK says about its decisions: levels, fields, masking, redaction, the environment variable, and a real
// structured logger (pino) keeping the fields as fields.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createPartooClient } from '../../src/index.js';
import type { GuardStore } from '../../src/redis/index.js';
import { DEFAULT_CREDENTIALS } from '../../src/testing/stateful/index.js';
import { BIZ, harness } from '../support/harness.js';

type Level = 'error' | 'warn' | 'info' | 'debug';
/** A logger that keeps every call as it was made. */
function capture() {
  const calls: { level: Level; args: unknown[] }[] = [];
  const at =
    (level: Level) =>
    (...args: unknown[]) =>
      void calls.push({ level, args });
  return { logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') }, calls };
}

const PHONE = '+33601020304';
const input = { businessId: BIZ, targetPhone: PHONE };

afterEach(() => {
  delete process.env.PARTOO_ARGYLE_SDK_LOG;
});

describe('guard decisions in the log', () => {
  it('at info: each decision with its reason as fields, the phone masked, the message a sentence', async () => {
    const { logger, calls } = capture();
    const h = await harness({ partoo: { logger, logLevel: 'info' } });
    await h.partoo.reviewBooster.sendInvitation(input);
    await h.partoo.reviewBooster.sendInvitation(input);
    await Promise.all([
      h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020305' }),
      h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020305' }),
    ]);
    await h.sendElsewhere('+33601020306');
    await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020306' });
    const records = calls.map((c) => ({
      level: c.level,
      fields: c.args[0] as Record<string, unknown>,
      message: c.args[1] as string,
    }));
    expect(records.map((r) => [r.level, r.fields.decision, r.fields.reason])).toEqual([
      ['info', 'sent', 'posted'],
      ['info', 'skipped', 'ledger'],
      ['info', 'sent', 'posted'],
      ['info', 'skipped', 'in_flight'],
      ['info', 'skipped', 'search'],
    ]);
    expect(records[0].fields).toMatchObject({
      event: 'guard.decision',
      businessId: BIZ,
      phone: '+33*******04',
      invitationId: expect.any(String),
    });
    expect(records[1].message).toMatch(/^sendInvitation skipped: this number was sent to within the window/);
    for (const c of calls) expect(JSON.stringify(c.args)).not.toContain(PHONE);
  });

  it('at the default level (warn), and with logLevel off, says nothing of ordinary decisions', async () => {
    for (const logLevel of [undefined, 'off'] as const) {
      const { logger, calls } = capture();
      const h = await harness({ partoo: { logger, logLevel } });
      await h.partoo.reviewBooster.sendInvitation(input);
      await h.partoo.reviewBooster.sendInvitation(input);
      expect(calls).toEqual([]);
    }
  });

  it('shows full numbers only when asked (logPhoneNumbers: true)', async () => {
    const { logger, calls } = capture();
    const h = await harness({ partoo: { logger, logLevel: 'info', logPhoneNumbers: true } });
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(calls[0].args[0]).toMatchObject({ phone: PHONE });
  });

  it('takes the level from PARTOO_ARGYLE_SDK_LOG, and refuses a level it does not know', async () => {
    process.env.PARTOO_ARGYLE_SDK_LOG = 'info';
    const { logger, calls } = capture();
    const h = await harness({ partoo: { logger } });
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(calls).toHaveLength(1);
    process.env.PARTOO_ARGYLE_SDK_LOG = 'verbose';
    expect(() => createPartooClient({ apiKey: DEFAULT_CREDENTIALS.apiKey })).toThrow(ConfigurationError);
    expect(() => createPartooClient({ apiKey: DEFAULT_CREDENTIALS.apiKey })).toThrow(
      /PARTOO_ARGYLE_SDK_LOG=verbose is not a log level/,
    );
    delete process.env.PARTOO_ARGYLE_SDK_LOG;
    expect(() => createPartooClient({ apiKey: DEFAULT_CREDENTIALS.apiKey, logLevel: 'loud' as never })).toThrow(
      /logLevel "loud"/,
    );
    expect(() => createPartooClient({ apiKey: DEFAULT_CREDENTIALS.apiKey, logger: { info() {} } as never })).toThrow(
      /logger must have/,
    );
  });
});

describe('HTTP attempts in the log', () => {
  it('at debug: one record per attempt (method, path, status, attempt, retry); spent retries at warn', async () => {
    const { logger, calls } = capture();
    const h = await harness({ partoo: { logger, logLevel: 'debug' } });
    let failures = 0;
    h.setFault(async (req, forward) =>
      req.method === 'GET' && failures++ < 1
        ? new Response('{"errors":{"json":"busy"}}', { status: 503 })
        : forward(req),
    );
    await h.partoo.reviewBooster.sendInvitation(input);
    const attempts = calls
      .filter((c) => (c.args[0] as { event?: string }).event === 'http.attempt')
      .map((c) => c.args[0]);
    expect(attempts).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/v2/review_booster/search-invitation',
        status: 503,
        attempt: 1,
        retry: true,
      }),
      expect.objectContaining({ method: 'GET', status: 200, attempt: 2, retry: false }),
      expect.objectContaining({ method: 'POST', path: '/v2/review_booster/send_invitation', status: 200, attempt: 1 }),
    ]);
    // The search's query holds the phone number: no record quotes it, masked or not.
    expect(JSON.stringify(calls)).not.toMatch(/target_phone|33601020304/);
    h.setFault(async () => new Response('{"errors":{"json":"down"}}', { status: 503 }));
    await h.partoo.reviewBooster.getInvitationStatus('some-id').catch(() => {});
    const spent = calls.filter((c) => c.level === 'warn');
    expect(spent).toHaveLength(1);
    expect(spent[0].args[0]).toMatchObject({ event: 'http.retries_spent', status: 503, attempt: 3 });
  });

  it("through .api too: the raw client's attempts are the same records", async () => {
    const { logger, calls } = capture();
    const h = await harness({ partoo: { logger, logLevel: 'debug' } });
    await h.partoo.api.GET('/review_booster/invitation_status', { params: { query: { invitation_id: 'nope' } } });
    expect(calls.map((c) => c.args[0])).toEqual([
      expect.objectContaining({
        event: 'http.attempt',
        method: 'GET',
        path: '/v2/review_booster/invitation_status',
        status: 404,
        retry: false,
      }),
    ]);
  });

  it('at the default level, a request that spends its retries is the only thing said', async () => {
    const { logger, calls } = capture();
    const h = await harness({ partoo: { logger } });
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(calls).toEqual([]);
    h.setFault(async () => new Response('{}', { status: 502 }));
    await h.partoo.reviewBooster.getInvitationStatus('some-id').catch(() => {});
    expect(calls.map((c) => [c.level, (c.args[0] as { event: string }).event])).toEqual([
      ['warn', 'http.retries_spent'],
    ]);
  });
});

describe('a store that fails, in the log', () => {
  it('warns once when it degrades and once when it is back, with no secret from its error message', async () => {
    const { logger, calls } = capture();
    let failing = true;
    const fail = async () => {
      if (failing) throw new Error(`connection refused for key ${DEFAULT_CREDENTIALS.apiKey}`);
    };
    const store: GuardStore = {
      get: async () => (await fail(), undefined),
      set: fail,
      acquire: async () => (await fail(), true),
      release: fail,
    };
    const h = await harness({ partoo: { logger, guard: { store, storeTimeoutMs: 50 } } });
    await h.partoo.reviewBooster.sendInvitation(input);
    failing = false;
    await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020305' });
    expect(calls.map((c) => [c.level, (c.args[0] as { event: string }).event])).toEqual([
      ['warn', 'guard.store.degraded'],
      ['warn', 'guard.store.back'],
    ]);
    expect(JSON.stringify(calls)).not.toContain(DEFAULT_CREDENTIALS.apiKey);
    expect(calls[0].args[1]).toMatch(/guard store failed \(connection refused for key \[redacted\]\)/);
  });
});

describe('with pino', () => {
  it('records stay structured: the fields are JSON properties, the message is msg', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ level: 'debug' }, sink);
    const h = await harness({ partoo: { logger, logLevel: 'info' } });
    await h.partoo.reviewBooster.sendInvitation(input);
    await h.partoo.reviewBooster.sendInvitation(input);
    const records = lines.map((l) => JSON.parse(l));
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({
      level: 30,
      event: 'guard.decision',
      decision: 'skipped',
      reason: 'ledger',
      phone: '+33*******04',
    });
    expect(records[1].msg).toMatch(/^sendInvitation skipped/);
  });
});
