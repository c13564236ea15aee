// `send --resume` spawned for real: runs cut short by SIGINT and SIGKILL at several points, each resumed from a
// re-sorted export with nothing but the report, and every number counted at the mock: one SMS each, none missed.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  readReport,
  rowsOf,
  sendFlags,
  sendSetup,
  shuffled,
  waitForRows,
  type RecordingMock,
  type SendCli,
} from '../support/cli.js';
import { cleanUp } from '../support/process.js';

/** Each response waits this long at the mock, so a run is still sending when it is interrupted. */
const LATENCY_MS = 20;
/** A row is a search and a POST, two at a time: about LATENCY_MS a row, twice that as a margin. */
const MS_PER_ROW = 2 * LATENCY_MS;

let mock: RecordingMock;
let cli: SendCli;
let dir: string;

beforeAll(async () => void ({ mock, cli, dir } = await sendSetup('pas-resume', { latencyMs: LATENCY_MS })));
afterAll(cleanUp);
beforeEach(() => mock.reset());
afterEach(() => expect(cli.leaks(dir)).toEqual([]));

/** National numbers (they need the run's country) with a name each. */
const customers = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => ({
    phone: `06${String(40_000_000 + from + i)}`,
    name: `Customer ${from + i}`,
  }));
const e164 = (national: string) => `+33${national.slice(1)}`;
const writeCsv = (file: string, rows: { phone: string; name: string }[]) =>
  writeFileSync(file, `phone,name\n${rows.map((r) => `${r.phone},${r.name}`).join('\n')}\n`);
const pace = ['--concurrency', '2', '--requests-per-minute', '60000'];

/** The command an interrupted run printed, run as printed (with this checkout's bin for npx's). */
function printedCommand(out: string): string[] {
  const line = out.split('\n').find((l) => l.trim().startsWith('npx partoo-argyle-sdk send '));
  expect(line, `no resume command in:\n${out}`).toBeDefined();
  return line!.trim().replace('npx partoo-argyle-sdk send ', '').split(' ');
}

function expectOneSmsEach(rows: { phone: string }[], content: string) {
  for (const r of rows) expect(mock.sentCount('biz', e164(r.phone)), r.phone).toBe(1);
  expect(mock.posts).toHaveLength(rows.length);
  expect(new Set(mock.posts.map((p) => p.invite_content))).toEqual(new Set([content]));
}

describe('send --resume', () => {
  it("after SIGINT the printed command sends the rest of a re-sorted file once, with the run's flags", async () => {
    const rows = customers(60);
    const csv = join(dir, 'int.csv');
    const report = join(dir, 'int.jsonl');
    writeCsv(csv, rows);
    const first = cli.start([...sendFlags(csv, mock.url), '--content', 'Merci ! @link', '--report', report, ...pace]);
    await waitForRows(report, 10, MS_PER_ROW);
    first.child.kill('SIGINT');
    const interrupted = await first.exited;
    expect(interrupted.code).toBe(130);
    const sentFirst = rowsOf(report).filter((l) => l.status === 'sent').length;
    expect(sentFirst).toBeGreaterThanOrEqual(10);
    expect(sentFirst).toBeLessThan(rows.length);
    // Every send that was in flight finished and is in the report.
    expect(mock.posts).toHaveLength(sentFirst);

    // A re-export in another order, at the same path; the printed command alone continues the run.
    writeCsv(csv, shuffled(rows, 7));
    const args = printedCommand(interrupted.out);
    expect(args).toEqual(['--resume', report, '--csv', csv, '--concurrency', '2', '--requests-per-minute', '60000']);
    const second = await cli.run(args);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`${rows.length - sentFirst} sent, 0 skipped, 0 failed; ${sentFirst} done earlier`);
    expectOneSmsEach(rows, 'Merci ! @link');
    expect(readReport(report).filter((l) => l.run)).toHaveLength(1);
  });

  it('after SIGKILL at several points, resumed from re-sorted exports: one SMS a number, none missed', async () => {
    const rows = customers(80, 100);
    const csv = join(dir, 'kill.csv');
    const report = join(dir, 'kill.jsonl');
    writeCsv(csv, rows);
    // A loopback mock answers within its latency: a short settle time covers a POST a kill left in flight, and
    // the resumes take it from the report.
    const runs = [
      [...sendFlags(csv, mock.url), '--content', 'Hi @link', '--report', report, ...pace, '--settle-ms', '500'],
    ];
    // Killed once 8, then 30, then 50 rows are in the report; the last resume runs to the end.
    for (const [i, at] of [8, 30, 50].entries()) {
      const run = cli.start(runs[i] ?? ['--resume', report, '--csv', csv, ...pace]);
      await waitForRows(report, at, MS_PER_ROW);
      run.child.kill('SIGKILL');
      expect((await run.exited).signal).toBe('SIGKILL');
      writeCsv(csv, shuffled(rows, 11 + i));
    }
    expect(mock.posts.length).toBeLessThan(rows.length);
    const last = await cli.run(['--resume', report, ...pace]);
    expect(last.code).toBe(0);
    // A send whose report line a kill lost is found by Partoo's search: skipped, not sent again.
    expectOneSmsEach(rows, 'Hi @link');
    expect(
      new Set(
        rowsOf(report)
          .filter((l) => l.status === 'sent' || l.status === 'skipped')
          .map((l) => l.phone),
      ),
    ).toEqual(new Set(rows.map((r) => e164(r.phone))));
  });

  it('an export with rows appended resumes by number: only the new numbers are requested', async () => {
    const rows = customers(6, 200);
    const csv = join(dir, 'append.csv');
    const report = join(dir, 'append.jsonl');
    writeCsv(csv, rows);
    expect((await cli.run([...sendFlags(csv, mock.url), '--report', report])).code).toBe(0);
    const more = customers(3, 300);
    // The next export, under another name, puts the new rows first and the old ones in reverse order.
    const next = join(dir, 'append-2.csv');
    writeCsv(next, [...more, ...rows.reverse()]);
    const before = mock.requests();
    const second = await cli.run(['--resume', report, '--csv', next]);
    expect(second.code).toBe(0);
    expect(second.out).toContain('3 sent, 0 skipped, 0 failed; 6 done earlier');
    // A search and a POST for each new number; none for the 6 done.
    expect(mock.requests() - before).toBe(2 * more.length);
    for (const r of [...rows, ...more]) expect(mock.sentCount('biz', e164(r.phone))).toBe(1);
  });

  it('a flag contradicting the report is refused (exit 2), naming it and both values; nothing requested', async () => {
    const csv = join(dir, 'contra.csv');
    const report = join(dir, 'contra.jsonl');
    writeCsv(csv, customers(2, 400));
    expect((await cli.run([...sendFlags(csv, mock.url), '--content', 'Merci @link', '--report', report])).code).toBe(0);
    const before = mock.requests();
    const flags = [
      ['--content', 'Hello @link'],
      ['--business', 'other'],
      ['--force'],
      ['--default-country', 'BE'],
      ['--base-url', 'http://127.0.0.1:9'],
    ];
    // Independent refusals: spawned at once.
    const runs = await Promise.all(flags.map((f) => cli.run(['--resume', report, ...f])));
    expect(runs.map((r) => r.code)).toEqual(flags.map(() => 2));
    const [content, business, force, country, url] = runs.map((r) => r.err);
    expect(content).toContain(
      `--content "Hello @link" contradicts the report ${report}, which ran with --content "Merci @link"`,
    );
    expect(business).toContain('--business "other" contradicts the report');
    expect(business).toContain('which ran with --business "biz"');
    expect(force).toContain('--force contradicts the report');
    expect(force).toContain('which ran without --force');
    expect(country).toContain('--default-country "BE" contradicts the report');
    expect(country).toContain('which ran with --default-country "FR"');
    expect(url).toContain(
      `--base-url "http://127.0.0.1:9" contradicts the report ${report}, which ran with --base-url "${mock.url}"`,
    );
    // Saying what the report says is no contradiction.
    expect((await cli.run(['--resume', report, '--default-country', 'fr', '--business', 'biz'])).code).toBe(0);
    expect(mock.requests()).toBe(before);
  });

  it('--report naming the resumed file by another spelling appends to it; nothing in it is lost', async () => {
    const csv = join(dir, 'spell.csv');
    const report = join(dir, 'spell.jsonl');
    const rows = customers(4, 500);
    writeCsv(csv, rows.slice(0, 2));
    expect((await cli.run([...sendFlags(csv, mock.url), '--report', report])).code).toBe(0);
    const earlier = readFileSync(report, 'utf8');
    writeCsv(csv, rows.slice(0, 3));
    symlinkSync(report, join(dir, 'spell-link.jsonl'));
    // Relative with ./ from another folder, and through a symlink.
    const second = await cli.run(
      ['--resume', `./${relative(tmpdir(), report)}`, '--report', join(dir, '.', 'spell.jsonl')],
      {},
      tmpdir(),
    );
    expect(second.code).toBe(0);
    writeCsv(csv, rows);
    const third = await cli.run(['--resume', join(dir, 'spell-link.jsonl'), '--report', report]);
    expect(third.code).toBe(0);
    const text = readFileSync(report, 'utf8');
    expect(text.startsWith(earlier)).toBe(true);
    const sent = rowsOf(report)
      .filter((l) => l.status === 'sent')
      .map((l) => l.phone);
    expect(sent.sort()).toEqual(rows.map((r) => e164(r.phone)).sort());
    for (const r of rows) expect(mock.sentCount('biz', e164(r.phone))).toBe(1);
  });

  it('a dry run writes its own file and never overwrites a real report; a torn last line is tolerated', async () => {
    const csv = join(dir, 'dry.csv');
    const rows = customers(3, 600);
    writeCsv(csv, rows);
    const real = `${csv}.report.jsonl`;
    expect((await cli.run(sendFlags(csv, mock.url))).code).toBe(0);
    const kept = readFileSync(real, 'utf8');
    const dry = await cli.run([...sendFlags(csv, mock.url), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`dry run: 0 would be sent, 3 skipped, 0 failed; 0 sent; report: ${csv}.dry-run.jsonl`);
    // Neither a dry run given its name nor a real run without --resume truncates it.
    const [refused, again] = await Promise.all([
      cli.run(['--csv', csv, '--business', 'biz', '--base-url', mock.url, '--dry-run', '--report', real]),
      cli.run(sendFlags(csv, mock.url)),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('a dry run never overwrites it');
    expect(again.code).toBe(2);
    expect(again.err).toContain(`to continue that run: --resume ${real}`);
    expect(readFileSync(real, 'utf8')).toBe(kept);

    // A kill mid-write leaves half a line at the end: the resume reads the rest and puts its lines after it.
    writeFileSync(real, `${kept}{"line":9,"phone":"+336`);
    writeCsv(csv, [...rows, ...customers(1, 700)]);
    const resumed = await cli.run(['--resume', real]);
    expect(resumed.code).toBe(0);
    expect(resumed.err).toContain('1 line(s) of');
    expect(resumed.out).toContain('1 sent, 0 skipped, 0 failed; 3 done earlier');
    expect(rowsOf(real).map((l) => l.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
  });
});
