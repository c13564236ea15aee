// `partoo-argyle-sdk send --csv` spawned for real against the stateful mock on a socket.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStatefulMocks, startMockServers, type MockServers } from '../src/testing/index.js';
import { startFaultServer } from './support/fault-server.js';

const BIN = resolve(import.meta.dirname, '../bin/partoo-argyle-sdk.mjs');
let mock: MockServers;
let dir: string;

beforeAll(async () => {
  mock = await startMockServers({ stateful: true, latencyMs: 20 });
  dir = mkdtempSync(join(tmpdir(), 'pas-send-'));
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => mock.reset());

function cli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'send', '--base-url', mock.partooUrl, ...args], {
    env: { ...process.env, PARTOO_API_KEY: mock.partooApiKey, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; out: string; err: string }>((r) => child.once('exit', (code) => r({ code, out, err })));
  return { child, done };
}

const readReport = (file: string) => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('send --csv', () => {
  it('sends valid rows, reports bad ones with their line, and sends a duplicate once', async () => {
    const csv = join(dir, 'mixed.csv');
    writeFileSync(csv, 'phone,name,content\n0601020304,Ada,Thanks @link\nnot-a-phone,Bob,\n,Nobody,\n+33 6 01 02 03 04,Ada again,\n0601020305,Cy,no link here\n0601020306,Di,\n');
    const report = join(dir, 'mixed.jsonl');
    const r = await cli(['--csv', csv, '--business', 'biz', '--default-country', 'FR', '--content', 'Merci ! @link', '--report', report]).done;
    expect(r.err).not.toMatch(/Error:/);
    expect(r.code).toBe(3);
    expect(r.out).toContain('2 sent, 1 skipped, 3 failed');
    const lines = readReport(report).sort((a, b) => a.line - b.line);
    expect(lines.map((l) => `${l.line}:${l.status}`)).toEqual(['2:sent', '3:failed', '4:failed', '5:skipped', '6:failed', '7:sent']);
    expect(lines[1].error.message).toContain('not a valid phone number');
    expect(lines[2].error.message).toContain('phone column is empty');
    expect(lines[4].error.message).toContain('@link');
    expect(mock.sentCount('biz', '+33601020304')).toBe(1);
  });

  it('--dry-run validates and checks every row with 0 POSTs', async () => {
    const csv = join(dir, 'dry.csv');
    writeFileSync(csv, 'phone,name\n+33601020304,Ada\n+33601020305,Bob\nnope,Cy\n');
    await fetch(`${mock.partooUrl}/review_booster/send_invitation`, {
      method: 'POST',
      headers: { 'x-apikey': mock.partooApiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ business_id: 'biz', target_phone: '+33601020305' }),
    });
    const report = join(dir, 'dry.jsonl');
    const r = await cli(['--csv', csv, '--business', 'biz', '--dry-run', '--report', report]).done;
    expect(r.code).toBe(3);
    expect(r.out).toContain('dry run: 1 would be sent, 1 skipped, 1 bad rows; 0 sent');
    expect(readReport(report).map((l) => l.status)).toEqual(['would_send', 'skipped', 'failed']);
    expect(mock.sentCount('biz', '+33601020304')).toBe(0);
    expect(mock.sentCount('biz', '+33601020305')).toBe(1);
  });

  it('an interrupted batch resumes and sends the rest exactly once', async () => {
    const csv = join(dir, 'big.csv');
    const phones = Array.from({ length: 80 }, (_, i) => `+336020${String(10000 + i)}`);
    writeFileSync(csv, `phone,name\n${phones.map((p, i) => `${p},Row ${i}`).join('\n')}\n`);
    const report = join(dir, 'big.jsonl');
    const first = cli(['--csv', csv, '--business', 'biz', '--concurrency', '2', '--report', report, '--requests-per-minute', '3000']);
    for (let i = 0; i < 200 && !(existsSync(report) && readReport(report).length >= 5); i++) await new Promise((r) => setTimeout(r, 25));
    first.child.kill('SIGINT');
    const interrupted = await first.done;
    expect(interrupted.code).toBe(130);
    expect(interrupted.out).toContain(`--resume ${report}`);
    const sentFirst = readReport(report).filter((l) => l.status === 'sent').length;
    expect(sentFirst).toBeGreaterThanOrEqual(5);
    expect(sentFirst).toBeLessThan(phones.length);

    const second = await cli(['--csv', csv, '--business', 'biz', '--report', report, '--resume', report, '--requests-per-minute', '3000']).done;
    expect(second.code).toBe(0);
    expect(second.out).toContain(`${phones.length - sentFirst} sent, 0 skipped, 0 failed (${sentFirst} rows done earlier)`);
    for (const p of phones) expect(mock.sentCount('biz', p)).toBe(1);
    expect(readReport(report).filter((l) => l.status === "sent")).toHaveLength(phones.length);
  });

  it('marks a send whose outcome is unknown in the report, and --resume settles it without a second SMS', async () => {
    const mocks = await createStatefulMocks({ apiKey: mock.partooApiKey });
    const faults = await startFaultServer(mocks.partoo, { slowMs: 0 });
    try {
      const csv = join(dir, 'unknown.csv');
      writeFileSync(csv, 'phone\n+33601020399\n');
      const report = join(dir, 'unknown.jsonl');
      // The search answers; the server records the POST and the socket dies; every check after it fails.
      faults.plan(['none', 'reset-after', '500', '500', '500']);
      const first = await cli(['--csv', csv, '--business', 'biz', '--report', report, '--base-url', faults.url]).done;
      expect(first.code).toBe(3);
      expect(first.out).toContain('0 sent, 0 skipped, 1 failed (1 may have been sent: --resume checks them with a search first)');
      expect(readReport(report)[0]).toMatchObject({ line: 2, status: 'failed', error: { name: 'ConnectionError', outcomeUnknown: true } });

      const second = await cli(['--csv', csv, '--business', 'biz', '--report', report, '--resume', report, '--base-url', faults.url]).done;
      expect(second.code).toBe(0);
      expect(second.out).toContain('0 sent, 1 skipped, 0 failed');
      expect(mocks.partooState.sentCount('biz', '+33601020399')).toBe(1);
      expect(faults.log.filter((r) => r.method === 'POST')).toHaveLength(1);
    } finally {
      await faults.close();
    }
  });

  it('refuses to run without a key in the environment, naming the variable', async () => {
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, 'phone\n+33601020304\n');
    const r = await cli(['--csv', csv, '--business', 'biz'], { PARTOO_API_KEY: '' }).done;
    expect(r.code).toBe(1);
    expect(r.err).toContain('PARTOO_API_KEY');
  });
});
