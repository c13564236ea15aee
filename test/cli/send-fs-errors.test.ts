// The report cannot be written: a full disk in the middle of a run, a folder without write access or a read-only
// file system before it. The errors are injected into the spawned command's own fs calls (./fs-fault.mjs), since
// CI runs as root and root ignores permissions. Each message names the file, says what was sent and recorded,
// and prints what to run; nothing is sent after the failure, and the resume sends each number exactly once.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, sendFlags, sendSetup, type RecordingMock, type SendCli } from '../support/cli.js';
import { cleanUp } from '../support/process.js';

const PRELOAD = resolve(import.meta.dirname, 'fs-fault.mjs');

let mock: RecordingMock;
let cli: SendCli;
let dir: string;

beforeAll(async () => void ({ mock, cli, dir } = await sendSetup('pas-fs-errors')));
afterAll(cleanUp);
beforeEach(() => mock.reset());
afterEach(() => expect(cli.leaks(dir)).toEqual([]));

/** The environment that makes writes under `path` fail with `code` (ENOSPC: after `room` writes succeed). */
const failing = (code: string, path: string, room = 0) => ({
  NODE_OPTIONS: `--import ${PRELOAD}`,
  FS_FAULT: code,
  FS_FAULT_PATH: path,
  FS_FAULT_AFTER: String(room),
});

const phones = (n: number, from: number) => Array.from({ length: n }, (_, i) => `+336010206${from + i}`);
const writeCsv = (file: string, numbers: string[]) =>
  writeFileSync(file, `phone,name\n${numbers.map((p, i) => `${p},Customer ${i}`).join('\n')}\n`);

/** The command the message printed, as words after `send`. */
function printed(err: string): string[] {
  const line = err.split('\n').find((l) => l.trim().startsWith('npx partoo-argyle-sdk send '));
  expect(line, `no command in:\n${err}`).toBeDefined();
  return line!.trim().replace('npx partoo-argyle-sdk send ', '').split(' ');
}

describe('the report cannot be written', () => {
  it('a full disk mid-run stops the sends, naming the file and what is recorded; a resume sends the rest', async () => {
    const csv = join(dir, 'full.csv');
    const report = join(dir, 'full.jsonl');
    const numbers = phones(5, 10);
    writeCsv(csv, numbers);
    // The lock, the run line, then a mark and an outcome a row: the fifth write is row 3's mark, so row 3's send
    // goes out and its outcome is the first write the full disk refuses.
    const args = [...sendFlags(csv, mock.url), '--report', report, '--concurrency', '1', '--settle-ms', '200'];
    const first = await cli.run(args, failing('ENOSPC', report, 5));
    expect(first.code).toBe(1);
    expect(first.err).toContain(
      `cannot write the report ${report}: the disk is full (ENOSPC). 1 sent and recorded; 1 send(s) in flight then ` +
        'may have gone out without their outcome recorded',
    );
    expect(first.err).toContain('nothing more was sent. Once there is room, this sends the rest exactly once:');
    expect(mock.posts.map((p) => p.target_phone)).toEqual(numbers.slice(0, 2));
    expect(existsSync(`${report}.lock`)).toBe(false);

    const resumed = await cli.run(printed(first.err));
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.out).toContain('3 sent, 1 skipped, 0 failed; 1 done earlier');
    expect(rowsOf(report).find((l) => l.phone === numbers[1] && l.status === 'skipped')).toMatchObject({
      settledBy: 'search',
    });
    for (const p of numbers) expect(mock.sentCount('biz', p), p).toBe(1);
    expect(mock.posts).toHaveLength(numbers.length);
  });

  it.each([
    ['EACCES', 'permission denied (EACCES): this user may not write there'],
    ['EROFS', 'the file system is read-only (EROFS)'],
  ])('%s on the report folder: refused before any request, naming the file and what to do', async (code, why) => {
    const folder = join(dir, `locked-${code}`);
    mkdirSync(folder);
    const csv = join(dir, `${code}.csv`);
    writeCsv(csv, phones(2, 20));
    const report = join(folder, 'day.jsonl');
    const run = await cli.run([...sendFlags(csv, mock.url), '--report', report], failing(code, folder));
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `cannot write ${report}.lock: ${why}; nothing was sent. Run the same command again once ${folder} can be ` +
        'written (or with --report naming a file in a folder that can)',
    );
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(mock.requests()).toBe(0);
    expect(readdirSync(folder)).toEqual([]);
  });

  it.each([
    ['the lock', 0, (report: string) => `${report}.lock`],
    ["the report's first line", 1, (report: string) => report],
  ])('a disk full at %s: nothing sent, nothing left locked; the same command then runs', async (_, room, file) => {
    const csv = join(dir, `full-${room}.csv`);
    const report = join(dir, `full-${room}.jsonl`);
    const numbers = phones(2, 30 + room * 2);
    writeCsv(csv, numbers);
    const args = [...sendFlags(csv, mock.url), '--report', report];
    const first = await cli.run(args, failing('ENOSPC', report, room));
    expect(first.code).toBe(1);
    expect(first.err).toContain(
      `cannot write ${file(report)}: the disk is full (ENOSPC); nothing was sent. Run the same command again once ` +
        'there is room',
    );
    expect(mock.requests()).toBe(0);
    expect(existsSync(`${report}.lock`)).toBe(false);
    const again = await cli.run(args);
    expect(again.code, again.err).toBe(0);
    for (const p of numbers) expect(mock.sentCount('biz', p)).toBe(1);
  });
});
