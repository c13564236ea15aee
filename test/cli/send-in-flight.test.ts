// A run killed with SIGKILL while a POST is on its way: the report holds the send's mark, written before the POST,
// and the resume waits the settle time from the report's last write, searches, and finds the SMS that landed after
// the kill; forced or not, the number gets one SMS. The mock behind a real socket holds that POST as a slow
// network would, and lands it once the killed process is gone.
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStatefulMocks } from '../../src/testing/index.js';
import { readReport, rowsOf, SECRET_KEY, sendCli, type RecordingMock, type SendCli } from '../support/cli.js';
import { startFaultServer } from '../support/fault-server.js';
import { cleanUp, closeOnCleanUp, tempDir } from '../support/process.js';

/** How long the first POST is held in the "network" after it arrives: longer than a resume takes to start. */
const LAND_MS = 2_500;
/** The run's settle time: a request may travel this long; longer than LAND_MS, as a client timeout would be. */
const SETTLE_MS = 5_000;

let mocks: Awaited<ReturnType<typeof createStatefulMocks>>;
let url: string;
let cli: SendCli;
let dir: string;
/** every request the mock got: when, and what; POSTs with their number and when they landed */
const requests: { at: number; method: string; path: string; phone?: string; landedAt?: number }[] = [];
let holdNext = false;
let onPost: (() => void) | undefined;

beforeAll(async () => {
  // Partoo's 10-day rule off: a second POST would be a second SMS, so only the resume's own search can stop it.
  mocks = await createStatefulMocks({ apiKey: SECRET_KEY, enforceWindow: false });
  const server = await startFaultServer(
    async (request) => {
      const entry: (typeof requests)[number] = {
        at: Date.now(),
        method: request.method,
        path: new URL(request.url).pathname,
      };
      requests.push(entry);
      if (request.method === 'POST') {
        entry.phone = (JSON.parse(await request.clone().text()) as { target_phone: string }).target_phone;
        const held = holdNext;
        holdNext = false;
        onPost?.();
        if (held) await new Promise((r) => setTimeout(r, LAND_MS));
        entry.landedAt = Date.now();
      }
      return mocks.partoo(request);
    },
    { slowMs: 0 },
  );
  closeOnCleanUp(server.close);
  url = server.url;
  cli = sendCli({ apiKey: SECRET_KEY } as RecordingMock);
  dir = tempDir('pas-in-flight');
});
afterAll(cleanUp);
afterEach(() => expect(cli.leaks(dir)).toEqual([]));

describe('a send in flight when the run is killed', () => {
  it.each([
    { name: 'forced', flags: ['--force'], first: '+33601020511', second: '+33601020512' },
    { name: 'search-first', flags: [], first: '+33601020521', second: '+33601020522' },
  ])(
    '$name: the resume finds it by a search after the settle time: one SMS',
    async ({ flags, first, second }) => {
      const csv = join(dir, `${first}.csv`);
      const report = join(dir, `${first}.jsonl`);
      writeFileSync(csv, `phone,name\n${first},Ada\n${second},Bob\n`);
      requests.length = 0;
      holdNext = true;
      const posted = new Promise<void>((r) => (onPost = r));
      const args = ['--csv', csv, '--business', 'biz', '--base-url', url, '--report', report, ...flags];
      const run = cli.start([...args, '--concurrency', '1', '--settle-ms', String(SETTLE_MS)]);
      await posted;
      run.child.kill('SIGKILL');
      expect((await run.exited).signal).toBe('SIGKILL');
      // The mark is there, the outcome is not: the process died between them.
      const lines = readReport(report);
      expect(lines.filter((l) => l.sending)).toEqual([{ sending: { line: 2, phone: first, at: expect.any(String) } }]);
      expect(rowsOf(report)).toEqual([]);

      const started = Date.now();
      const resumed = await cli.run(['--resume', report]);
      expect(resumed.code, resumed.err).toBe(0);
      expect(resumed.err).toContain('1 send(s) were in flight');
      expect(resumed.out).toContain('1 sent, 1 skipped, 0 failed; 0 done earlier');
      // The held POST landed after the kill, and before the resume asked anything: the search found it.
      const landed = requests.find((r) => r.phone === first)!.landedAt!;
      const resumeRequests = requests.filter((r) => r.at >= started);
      expect(resumeRequests[0].at).toBeGreaterThanOrEqual(landed);
      expect(rowsOf(report).find((l) => l.phone === first)).toMatchObject({ status: 'skipped', settledBy: 'search' });
      expect(requests.filter((r) => r.method === 'POST').map((r) => r.phone)).toEqual([first, second]);
      expect(mocks.partooState.sentCount('biz', first)).toBe(1);
      expect(mocks.partooState.sentCount('biz', second)).toBe(1);
    },
    60_000,
  );

  it("the wait counts from the report's last write, and an interrupt during it sends nothing", async () => {
    const csv = join(dir, 'late.csv');
    const report = join(dir, 'late.jsonl');
    const phone = '+33601020531';
    writeFileSync(csv, `phone,name\n${phone},Ada\n`);
    const at = new Date(Date.now() - 60_000).toISOString();
    const run = {
      business: 'biz',
      content: null,
      defaultCountry: null,
      force: true,
      check: 'search-first',
      stripNonAscii: false,
      baseUrl: url,
      environment: null,
      dryRun: false,
      csv,
      delimiter: ',',
      encoding: 'utf-8',
      phoneColumn: null,
      settleMs: 600_000,
    };
    // As a killed run leaves it, written a minute ago with a settle time of ten minutes: the wait is what is left.
    writeFileSync(
      report,
      `${JSON.stringify({ run, startedAt: at })}\n${JSON.stringify({ sending: { line: 2, phone, at } })}\n`,
    );
    utimesSync(report, new Date(at), new Date(at));
    requests.length = 0;
    const resumed = cli.start(['--resume', report]);
    await expect.poll(() => resumed.err(), { timeout: 20_000 }).toMatch(/waiting \d+ s/);
    // 600 s less the minute since the last write, less however long this process took to start
    const waited = Number(/waiting (\d+) s/.exec(resumed.err())![1]);
    expect(waited).toBeGreaterThan(520);
    expect(waited).toBeLessThanOrEqual(540);
    // Nothing is asked of Partoo while it waits; an interrupt then stops it with nothing sent.
    expect(requests).toEqual([]);
    resumed.child.kill('SIGINT');
    const exit = await resumed.exited;
    expect(exit.code).toBe(130);
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(mocks.partooState.sentCount('biz', phone)).toBe(0);
  }, 60_000);
});
