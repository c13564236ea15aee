// `send --check`: the guard's order for numbers it does not know, counted at the mock in requests a number; the
// report's first line names it, and a resume keeps it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readReport, sendFlags, sendSetup, type RecordingMock, type SendCli } from '../support/cli.js';
import { cleanUp } from '../support/process.js';

let mock: RecordingMock;
let cli: SendCli;
let dir: string;
let n = 0;

beforeAll(async () => void ({ mock, cli, dir } = await sendSetup('pas-check')));
afterAll(cleanUp);
beforeEach(() => mock.reset());
afterEach(() => expect(cli.leaks(dir)).toEqual([]));

function csvOf(count: number, from = 0): string {
  const csv = join(dir, `check-${++n}.csv`);
  const rows = Array.from({ length: count }, (_, i) => `06${String(50_000_000 + n * 1000 + from + i)},C${i}`);
  writeFileSync(csv, `phone,name\n${rows.join('\n')}\n`);
  return csv;
}
const pace = ['--requests-per-minute', '60000', '--content', 'Merci @link'];
const firstLine = (report: string) => readReport(report)[0];

describe('send --check', () => {
  it('an unknown value is refused before anything is read or sent, naming the flag and its values', async () => {
    const csv = csvOf(2);
    const r = await cli.run([...sendFlags(csv, mock.url), '--check', 'send-once', ...pace]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--check must be search-first or send-first, not "send-once"');
    expect(mock.requests()).toBe(0);
  });

  it('search-first by default: a search and a POST a new number; the first line says search-first', async () => {
    const csv = csvOf(5);
    const report = `${csv}.report.jsonl`;
    expect((await cli.run([...sendFlags(csv, mock.url), ...pace])).code).toBe(0);
    expect(mock.posts).toHaveLength(5);
    expect(mock.requests()).toBe(10);
    expect(firstLine(report).run.check).toBe('search-first');
  });

  it('send-first: one POST a new number; a number invited within the window is skipped, never sent twice', async () => {
    const csv = csvOf(6);
    const report = `${csv}.report.jsonl`;
    const r = await cli.run([...sendFlags(csv, mock.url), '--check', 'send-first', ...pace]);
    expect(r.code).toBe(0);
    expect(mock.requests()).toBe(6);
    expect(firstLine(report).run.check).toBe('send-first');
    // The same numbers from another report (another client's sends): Partoo refuses each POST, the search confirms.
    const again = await cli.run([...sendFlags(csv, mock.url), '--check', 'send-first', '--report', `${csv}.2.jsonl`]);
    expect(again.out).toContain('0 sent, 6 skipped, 0 failed');
    expect(mock.posts).toHaveLength(6);
    for (const p of mock.posts) expect(mock.sentCount('biz', p.target_phone)).toBe(1);
  });

  it("a resume keeps the report's mode; an explicit other mode is refused, nothing requested", async () => {
    const csv = csvOf(3);
    const report = `${csv}.report.jsonl`;
    expect((await cli.run([...sendFlags(csv, mock.url), '--check', 'send-first', ...pace])).code).toBe(0);
    writeFileSync(csv, `phone,name\n${['0650990001,A', '0650990002,B'].join('\n')}\n`);
    const before = mock.requests();
    const refused = await cli.run(['--resume', report, '--check', 'search-first']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      `--check "search-first" contradicts the report ${report}, which ran with --check "send-first"`,
    );
    expect(mock.requests()).toBe(before);
    const resumed = await cli.run(['--resume', report, '--requests-per-minute', '60000']);
    expect(resumed.code).toBe(0);
    // Send-first still: one request a new number.
    expect(mock.requests() - before).toBe(2);
    expect(readReport(report).find((l) => l.resumed).resumed.check).toBe('send-first');
    // Saying what the report says is no contradiction.
    expect((await cli.run(['--resume', report, '--check', 'send-first'])).code).toBe(0);
  });

  it('a report from before the flag resumes search-first', async () => {
    const csv = csvOf(1);
    const report = `${csv}.report.jsonl`;
    expect((await cli.run([...sendFlags(csv, mock.url), ...pace])).code).toBe(0);
    const [head, ...rest] = readReport(report);
    delete head.run.check;
    writeFileSync(report, [head, ...rest].map((l) => `${JSON.stringify(l)}\n`).join(''));
    const refused = await cli.run(['--resume', report, '--check', 'send-first']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('which ran with --check "search-first"');
  });
});
