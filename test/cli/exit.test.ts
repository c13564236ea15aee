// Each exit status of `partoo-argyle-sdk`, one by one, as the README lists them: 0 clean, 1 could not run,
// 2 bad usage (nothing sent), 3 rows failed, 130 interrupted; and --version, send --help, mock --help.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sendSetup, spawnCli, waitForRows, type RecordingMock, type SendCli } from '../support/cli.js';
import { cleanUp } from '../support/process.js';

const LATENCY_MS = 20;
let mock: RecordingMock;
let cli: SendCli;
let dir: string;
let csv: string;

beforeAll(async () => {
  ({ mock, cli, dir } = await sendSetup('pas-exit', { latencyMs: LATENCY_MS }));
  csv = join(dir, 'ok.csv');
  writeFileSync(csv, 'phone\n+33601020304\n');
});
afterAll(async () => {
  // The tests run at once (each its own numbers and files): the key is looked for once they are all done.
  try {
    expect(cli.leaks(dir)).toEqual([]);
  } finally {
    await cleanUp();
  }
});

const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const base = () => ['--business', 'biz', '--base-url', mock.url];

describe.concurrent('exit statuses', () => {
  it('0: every row sent or skipped', async () => {
    const r = await cli.run(['--csv', file('zero.csv', 'phone\n+33601029001\n+33601029001\n'), ...base()]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 sent, 1 skipped, 0 failed');
  });

  it('1: no key in the environment, naming the variable; no report is written', async () => {
    const one = file('nokey.csv', 'phone\n+33601029002\n');
    const r = await cli.run(['--csv', one, ...base()], { PARTOO_API_KEY: '' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('PARTOO_API_KEY');
    expect(rowsOf(`${one}.report.jsonl`)).toEqual([]);
  });

  it('1: a CSV or a report to resume that is not there', async () => {
    const csvMissing = await cli.run(['--csv', join(dir, 'absent.csv'), ...base()]);
    expect(csvMissing.code).toBe(1);
    expect(csvMissing.err).toContain(`--csv: cannot read ${join(dir, 'absent.csv')} (ENOENT)`);
    const reportMissing = await cli.run(['--resume', join(dir, 'absent.jsonl')]);
    expect(reportMissing.code).toBe(1);
    expect(reportMissing.err).toContain('--resume: no report at');
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--concurrency', '0'], '--concurrency must be an integer from 1 to 64, not "0"'],
    [['--default-country', 'France'], '--default-country must be an ISO 3166-1 alpha-2 country code such as FR'],
    [['--content', 'Merci'], '--content must contain @link'],
    [
      ['--content', 'Merci \u00e0 bient\u00f4t @link'],
      '--content: inviteContent has non-ASCII characters Partoo would remove: "\u00e0", "\u00f4" (pass --strip-non',
    ],
    [['--environment', 'staging'], '--environment must be production or sandbox'],
    [['--delimiter', ';;'], '--delimiter must be one character'],
    [['--base-url', 'http://user:pw@127.0.0.1:1'], '--base-url must not carry credentials'],
  ])('2: bad usage %j, with nothing requested', async (flags, message) => {
    const r = await cli.run(['--csv', csv, ...base(), ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(rowsOf(`${csv}.report.jsonl`)).toEqual([]);
  });

  it('2: a missing --business, an unknown command, an unknown mock option', async () => {
    const noBusiness = await cli.run(['--csv', csv]);
    expect([noBusiness.code, noBusiness.err]).toEqual([2, expect.stringContaining('--business <id> is required')]);
    const command = await spawnCli(['sned']).exited;
    expect([command.code, command.err]).toEqual([2, expect.stringContaining('unknown command "sned"')]);
    const mockFlag = await spawnCli(['mock', '--bogus']).exited;
    expect([mockFlag.code, mockFlag.err]).toEqual([2, expect.stringContaining("Unknown option '--bogus'")]);
  });

  it('3: the batch ran to its end with failed rows', async () => {
    const three = file('three.csv', 'phone,content\n+33601029003,\nnope,\n+33601029004,Merci \u00e0 vous @link\n');
    const r = await cli.run(['--csv', three, ...base()]);
    expect(r.code).toBe(3);
    expect(r.out).toContain('1 sent, 0 skipped, 2 failed');
    // The client's advice, in the command's terms.
    expect(rowsOf(`${three}.report.jsonl`).find((l) => l.line === 4).error.message).toContain(
      'non-ASCII characters Partoo would remove: "\u00e0" (pass --strip-non-ascii to drop them)',
    );
  });

  it('130: SIGTERM stops taking rows, lets the sends in flight finish, prints the resume command', async () => {
    const many = file(
      'term.csv',
      `phone\n${Array.from({ length: 40 }, (_, i) => `+336010291${String(i).padStart(2, '0')}`).join('\n')}\n`,
    );
    const report = join(dir, 'term.jsonl');
    const run = cli.start([
      '--csv',
      many,
      ...base(),
      '--report',
      report,
      '--concurrency',
      '1',
      '--requests-per-minute',
      '60000',
    ]);
    await waitForRows(report, 3, 2 * LATENCY_MS);
    run.child.kill('SIGTERM');
    const r = await run.exited;
    expect(r.code).toBe(130);
    expect(r.out).toContain(
      `interrupted: to send the rest exactly once, run:\n  npx partoo-argyle-sdk send --resume ${report} --csv ${many}`,
    );
    const sent = rowsOf(report).filter((l) => l.status === 'sent').length;
    expect(sent).toBeLessThan(40);
    expect(mock.posts.filter((p) => p.target_phone.startsWith('+336010291'))).toHaveLength(sent);
  });

  it('--version prints the package version; send --help and mock --help print their usage', async () => {
    const version = await spawnCli(['--version']).exited;
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    expect([version.code, version.out.trim()]).toEqual([0, pkg.version]);
    const send = await spawnCli(['send', '--help']).exited;
    expect(send.code).toBe(0);
    expect(send.out).toContain('Usage: partoo-argyle-sdk send --csv <file> --business <id> [options]');
    for (const flag of ['--resume', '--delimiter', '--encoding', '--force', '--dry-run', 'Exit status: 0'])
      expect(send.out).toContain(flag);
    const mockHelp = await spawnCli(['mock', '--help']).exited;
    expect([mockHelp.code, mockHelp.out]).toEqual([
      0,
      expect.stringContaining('Usage: partoo-argyle-sdk mock [options]'),
    ]);
  });
});
