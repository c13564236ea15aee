// `partoo-argyle-sdk send --csv` spawned for real against the stateful mock on a socket: rows, the report,
// outcomes that may have been sent, the dry run against the real run, and the key kept out of every output.
import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStatefulMocks } from '../../src/testing/index.js';
import {
  readReport,
  rowsOf,
  SECRET_KEY,
  sendFlags,
  sendSetup,
  type RecordingMock,
  type SendCli,
} from '../support/cli.js';
import { cleanUp, closeOnCleanUp } from '../support/process.js';
import { startFaultServer } from '../support/fault-server.js';

let mock: RecordingMock;
let cli: SendCli;
let dir: string;

beforeAll(async () => void ({ mock, cli, dir } = await sendSetup('pas-send', { latencyMs: 5 })));
afterAll(cleanUp);
beforeEach(() => mock.reset());
afterEach(() => expect(cli.leaks(dir)).toEqual([]));

const byLine = (file: string) => rowsOf(file).sort((a, b) => a.line - b.line);

/** Fresh mocks behind a fault server, for a test that plans its faults; closed by cleanUp() with the rest. */
async function faultyMock() {
  const mocks = await createStatefulMocks({ apiKey: mock.apiKey });
  const faults = await startFaultServer(mocks.partoo, { slowMs: 0 });
  closeOnCleanUp(faults.close);
  return { mocks, faults };
}

describe('send --csv', () => {
  it('sends valid rows, reports bad ones with their line, and sends a number written twice once', async () => {
    const csv = join(dir, 'mixed.csv');
    writeFileSync(
      csv,
      'phone,name,content\n0601020304,Ada,Thanks @link\nnot-a-phone,Bob,\n,Nobody,\n+33 6 01 02 03 04,Ada again,\n' +
        '0601020305,Cy,no link here\n0601020306,Di,\n',
    );
    const report = join(dir, 'mixed.jsonl');
    const r = await cli.run([...sendFlags(csv, mock.url), '--content', 'Merci ! @link', '--report', report]);
    expect(r.err).not.toMatch(/Error:/);
    expect(r.code).toBe(3);
    expect(r.out).toContain('2 sent, 1 skipped, 3 failed');
    const lines = byLine(report);
    expect(lines.map((l) => `${l.line}:${l.status}`)).toEqual([
      '2:sent',
      '3:failed',
      '4:failed',
      '5:skipped',
      '6:failed',
      '7:sent',
    ]);
    expect(lines[1].error.message).toContain('not a valid phone number');
    expect(lines[2].error.message).toContain('phone cell is empty');
    expect(lines[3]).toMatchObject({ phone: '+33601020304', duplicateOfLine: 2 });
    expect(lines[4].error.message).toContain('@link');
    expect(mock.sentCount('biz', '+33601020304')).toBe(1);
    // A row's own content wins over --content; a row without one takes --content.
    expect(mock.posts.map((p) => [p.target_phone, p.invite_content])).toEqual(
      expect.arrayContaining([
        ['+33601020304', 'Thanks @link'],
        ['+33601020306', 'Merci ! @link'],
      ]),
    );
  });

  it('the report starts with the run (business, content, country, force, base URL) and never the key', async () => {
    const csv = join(dir, 'run.csv');
    writeFileSync(csv, 'phone\n0601020304\n');
    const report = join(dir, 'run.jsonl');
    expect(
      (
        await cli.run([
          '--csv',
          csv,
          '--business',
          'biz',
          '--default-country',
          'fr',
          '--content',
          'Hi @link',
          '--report',
          report,
          '--base-url',
          mock.url,
        ])
      ).code,
    ).toBe(0);
    const [first] = readReport(report);
    expect(first.run).toEqual({
      business: 'biz',
      content: 'Hi @link',
      defaultCountry: 'FR',
      force: false,
      check: 'search-first',
      stripNonAscii: false,
      baseUrl: mock.url,
      environment: null,
      dryRun: false,
      csv: realpathSync(csv),
      delimiter: ',',
      encoding: 'utf-8',
      phoneColumn: null,
      settleMs: null,
    });
    expect(JSON.stringify(first)).not.toContain(SECRET_KEY);
  });

  it('a rejected key fails every row with a message that does not hold it', async () => {
    const csv = join(dir, 'badkey.csv');
    writeFileSync(csv, 'phone\n+33601020304\n');
    const report = join(dir, 'badkey.jsonl');
    const wrongKey = `${SECRET_KEY}-revoked`;
    const r = await cli.run(['--csv', csv, '--business', 'biz', '--report', report, '--base-url', mock.url], {
      PARTOO_API_KEY: wrongKey,
    });
    expect(r.code).toBe(3);
    expect(rowsOf(report)[0]).toMatchObject({ status: 'failed', error: { name: 'AuthenticationError' } });
    expect(`${r.out}${r.err}${JSON.stringify(readReport(report))}`).not.toContain(wrongKey);
  });

  it('--dry-run counts what the real run then does: duplicates skipped, naming the earlier line', async () => {
    const csv = join(dir, 'parity.csv');
    // One number in three spellings, another twice, one sent elsewhere already, a bad row, two plain rows.
    writeFileSync(
      csv,
      'phone;name\n0601020304;A\n+33 6 01 02 03 04;B\n0033601020304;C\n0601020305;D\n06 01 02 03 05;E\n' +
        '0601020306;F\nnope;G\n0601020307;H\n0601020308;I\n',
    );
    await fetch(`${mock.url}/review_booster/send_invitation`, {
      method: 'POST',
      headers: { 'x-apikey': mock.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ business_id: 'biz', target_phone: '+33601020306' }),
    });
    const args = ['--csv', csv, '--business', 'biz', '--default-country', 'FR', '--base-url', mock.url];
    const dry = await cli.run([...args, '--dry-run']);
    expect(dry.code).toBe(3);
    expect(dry.out).toContain(`dry run: 4 would be sent, 4 skipped, 1 failed; 0 sent; report: ${csv}.dry-run.jsonl`);
    expect(mock.posts).toHaveLength(1);
    const dryLines = byLine(`${csv}.dry-run.jsonl`);
    expect(dryLines.filter((l) => l.duplicateOfLine).map((l) => [l.line, l.duplicateOfLine])).toEqual([
      [3, 2],
      [4, 2],
      [6, 5],
    ]);

    const real = await cli.run(args);
    expect(real.code).toBe(3);
    expect(real.out).toContain(`4 sent, 4 skipped, 1 failed; report: ${csv}.report.jsonl`);
    const realLines = byLine(`${csv}.report.jsonl`);
    expect(realLines.map((l) => `${l.line}:${l.status === 'sent' ? 'would_send' : l.status}`)).toEqual(
      dryLines.map((l) => `${l.line}:${l.status}`),
    );
    expect(realLines.filter((l) => l.duplicateOfLine).map((l) => [l.line, l.duplicateOfLine])).toEqual([
      [3, 2],
      [4, 2],
      [6, 5],
    ]);
    for (const n of ['+33601020304', '+33601020305', '+33601020306', '+33601020307', '+33601020308'])
      expect(mock.sentCount('biz', n)).toBe(1);
  });

  it('a real run replaces a dry run preview or an empty file on one --report, never a report', async () => {
    const csv = join(dir, 'preview.csv');
    writeFileSync(csv, 'phone\n+33601020371\n');
    const report = join(dir, 'preview.jsonl');
    const args = ['--csv', csv, '--business', 'biz', '--base-url', mock.url, '--report', report];
    expect((await cli.run([...args, '--dry-run'])).code).toBe(0);
    expect(rowsOf(report).map((l) => l.status)).toEqual(['would_send']);
    const real = await cli.run(args);
    expect([real.code, real.err]).toEqual([0, '']);
    expect(rowsOf(report).map((l) => l.status)).toEqual(['sent']);
    const again = await cli.run(args);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`${report} already holds a report`);
    expect(mock.sentCount('biz', '+33601020371')).toBe(1);

    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const fresh = await cli.run([...args.slice(0, -1), empty]);
    expect([fresh.code, rowsOf(empty).map((l) => l.status)]).toEqual([0, ['skipped']]);
  });

  it('--check send-first: one request an SMS on new numbers, the mode in the report; a typo refused', async () => {
    const csv = join(dir, 'check.csv');
    writeFileSync(csv, 'phone\n+33601020381\n+33601020382\n+33601020383\n');
    const run = async (check: string, report: string) => {
      mock.reset();
      const r = await cli.run([...sendFlags(csv, mock.url), '--check', check, '--report', join(dir, report)]);
      return { code: r.code, err: r.err, requests: mock.requests(), head: readReport(join(dir, report))[0] };
    };
    const first = await run('send-first', 'check-send-first.jsonl');
    expect([first.code, first.requests, first.head.run.check]).toEqual([0, 3, 'send-first']);
    const search = await run('search-first', 'check-search-first.jsonl');
    expect([search.code, search.requests, search.head.run.check]).toEqual([0, 6, 'search-first']);
    for (const n of ['+33601020381', '+33601020382', '+33601020383']) expect(mock.sentCount('biz', n)).toBe(1);

    const typo = await cli.run([...sendFlags(csv, mock.url), '--check', 'send-frist']);
    expect([typo.code, mock.requests()]).toEqual([2, 6]);
    expect(typo.err).toContain('--check must be search-first or send-first, not "send-frist"');
  });

  it('marks a send whose outcome is unknown in the report, and --resume settles it without a second SMS', async () => {
    const { mocks, faults } = await faultyMock();
    const csv = join(dir, 'unknown.csv');
    writeFileSync(csv, 'phone\n+33601020399\n');
    const report = join(dir, 'unknown.jsonl');
    // The search answers; the server records the POST and the socket dies; every check after it fails.
    faults.plan(['none', 'reset-after', '500', '500', '500']);
    // A short settle time: nothing is in flight on a loopback fault server once its socket is destroyed.
    const first = await cli.run([
      '--csv',
      csv,
      '--business',
      'biz',
      '--report',
      report,
      '--base-url',
      faults.url,
      '--settle-ms',
      '50',
    ]);
    expect(first.code).toBe(3);
    expect(first.out).toContain(
      '0 sent, 0 skipped, 1 failed (1 may have been sent: --resume checks them with a search first)',
    );
    expect(rowsOf(report)[0]).toMatchObject({
      line: 2,
      status: 'failed',
      error: { name: 'ConnectionError', outcomeUnknown: true },
    });

    // The base URL comes from the report.
    const second = await cli.run(['--resume', report]);
    expect(second.code).toBe(0);
    expect(second.out).toContain('0 sent, 1 skipped, 0 failed; 0 done earlier');
    expect(mocks.partooState.sentCount('biz', '+33601020399')).toBe(1);
    expect(faults.log.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a forced resume searches for a send that may have gone out before sending it again', async () => {
    const { mocks, faults } = await faultyMock();
    const csv = join(dir, 'forced.csv');
    writeFileSync(csv, 'phone\n+33601020398\n+33601020397\n');
    const report = join(dir, 'forced.jsonl');
    // Forced, the first request is the POST: accepted, then the socket dies; the checks after it fail.
    faults.plan(['reset-after', '500', '500', '500']);
    const args = [
      '--csv',
      csv,
      '--business',
      'biz',
      '--force',
      '--report',
      report,
      '--base-url',
      faults.url,
      '--settle-ms',
      '50',
    ];
    const first = await cli.run([...args, '--concurrency', '1']);
    expect(first.code).toBe(3);
    expect(rowsOf(report).find((l) => l.phone === '+33601020398')).toMatchObject({
      status: 'failed',
      error: { outcomeUnknown: true },
    });
    const second = await cli.run(['--resume', report]);
    expect(second.code).toBe(0);
    expect(rowsOf(report).find((l) => l.line === 2 && l.status === 'skipped')).toMatchObject({ settledBy: 'search' });
    expect(mocks.partooState.sentCount('biz', '+33601020398')).toBe(1);
    expect(mocks.partooState.sentCount('biz', '+33601020397')).toBe(1);
  });
});
