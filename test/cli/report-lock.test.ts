// One run per report: two runs at once (overlapping cron runs, or two started together) never both send, and a
// lock left by a killed run does not block the next. The mock answers slowly, so the first run is still running.
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, sendFlags, sendSetup, waitForRows, type RecordingMock, type SendCli } from '../support/cli.js';
import { cleanUp } from '../support/process.js';

let mock: RecordingMock;
let cli: SendCli;
let dir: string;
let n = 0;

beforeAll(async () => void ({ mock, cli, dir } = await sendSetup('pas-lock', { latencyMs: 20 })));
afterAll(cleanUp);
beforeEach(() => mock.reset());

const pace = ['--concurrency', '2', '--requests-per-minute', '60000', '--content', 'Merci ! @link'];
function csvOf(count: number): string {
  const csv = join(dir, `lock-${++n}.csv`);
  const rows = Array.from({ length: count }, (_, i) => `06${String(30_000_000 + n * 1000 + i)},C${i}`);
  writeFileSync(csv, `phone,name\n${rows.join('\n')}\n`);
  return csv;
}
const everyNumberOnce = () => mock.posts.length === new Set(mock.posts.map((p) => p.target_phone)).size;

describe('one run per report', () => {
  it('a second run on a report in use is refused, naming the first PID; each number is sent once', async () => {
    // 300 rows at 20 ms a request, two at a time: the first run is still sending when the second starts.
    const csv = csvOf(300);
    const report = csv.replace(/\.csv$/, '.jsonl');
    const first = cli.start([...sendFlags(csv, mock.url), '--report', report, ...pace]);
    await waitForRows(report, 3, 40);
    const second = await cli.run(['--resume', report, ...pace.slice(0, 4)]);
    expect(second.code).toBe(2);
    expect(second.err).toContain(`is in use by another run (PID ${first.child.pid} on ${hostname()}`);
    expect((await first.exited).code).toBe(0);
    expect(mock.posts).toHaveLength(300);
    expect(everyNumberOnce()).toBe(true);
  });

  it('two fresh runs started together on one --report: one runs, the other sends nothing', async () => {
    const csv = csvOf(20);
    const report = join(dir, `together-${n}.jsonl`);
    const runs = await Promise.all(
      [0, 1].map(() => cli.run([...sendFlags(csv, mock.url), '--report', report, ...pace])),
    );
    expect(runs.map((r) => r.code).sort()).toEqual([0, 2]);
    expect(mock.posts).toHaveLength(20);
    expect(everyNumberOnce()).toBe(true);
    // The report is whole: a head line, then one line per row, none glued to another.
    expect(rowsOf(report)).toHaveLength(20);
  });

  it('a lock left by a run killed on this machine is stale: the resume goes on', async () => {
    const csv = csvOf(5);
    const report = join(dir, `stale-${n}.jsonl`);
    expect((await cli.run([...sendFlags(csv, mock.url), '--report', report, ...pace])).code).toBe(0);
    // A PID no process has: the run that wrote it is gone.
    writeFileSync(`${report}.lock`, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), startedAt: 'earlier' }));
    expect((await cli.run(['--resume', report])).code).toBe(0);
    // A lock from another machine is never guessed stale.
    writeFileSync(`${report}.lock`, JSON.stringify({ pid: 2 ** 22 + 17, host: 'other-host', startedAt: 'earlier' }));
    const refused = await cli.run(['--resume', report]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('on other-host');
    expect(mock.posts).toHaveLength(5);
  });
});
