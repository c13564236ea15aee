// The CSV reader over a corpus in the manner of csv-spectrum (test/fixtures/csv/: each case's bytes beside the
// records it must give, as csv-spectrum writes them, and the line each record starts on), and a real Excel export
// whose notes cell holds a number on a line of its own: only the phone column is ever texted. Cells are trimmed
// (exports pad them), which csv-spectrum's cases never test; one case here pins it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { csvRecords, type CsvRecord } from '../../src/cli/csv-records.js';
import { decodedText, detectEncoding } from '../../src/cli/decode.js';
import { readReport, rowsOf, sendFlags, sendSetup, type RecordingMock, type SendCli } from '../support/cli.js';
import { cleanUp } from '../support/process.js';

const CORPUS = resolve(import.meta.dirname, '../fixtures/csv');
const LINES = JSON.parse(readFileSync(join(CORPUS, 'lines.json'), 'utf8')) as Record<string, number[]>;
const CASES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.json') && f !== 'lines.json')
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

async function records(file: string): Promise<CsvRecord[]> {
  const { encoding, skip } = await detectEncoding(file);
  const out: CsvRecord[] = [];
  for await (const r of csvRecords(decodedText(file, encoding, skip), ',')) out.push(r);
  return out;
}

describe('a csv-spectrum-like corpus', () => {
  it('holds the cases that broke readers counting lines instead of records', () => {
    expect(CASES).toEqual(expect.arrayContaining(['newlines', 'newlines_crlf', 'quotes_and_newlines', 'utf8_bom']));
    expect(CASES).toEqual(expect.arrayContaining(['location_coordinates', 'escaped_quotes', 'empty', 'simple_cr']));
    expect(Object.keys(LINES).sort()).toEqual(CASES);
  });

  it.each(CASES)('%s: every record, cell for cell, on the line it starts', async (name) => {
    const got = await records(join(CORPUS, `${name}.csv`));
    const failed = got.filter((r) => 'error' in r);
    expect(failed).toEqual([]);
    const [header, ...rows] = got as Extract<CsvRecord, { cells: string[] }>[];
    const asObjects = rows.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i] ?? ''])));
    expect(asObjects).toEqual(JSON.parse(readFileSync(join(CORPUS, `${name}.json`), 'utf8')));
    expect(rows.map((r) => r.line)).toEqual(LINES[name]);
    expect(header.line).toBe(1);
  });
});

describe('an Excel export with line breaks in a notes cell', () => {
  let mock: RecordingMock;
  let cli: SendCli;
  let dir: string;
  beforeAll(async () => void ({ mock, cli, dir } = await sendSetup('pas-csv-corpus')));
  afterAll(cleanUp);
  beforeEach(() => mock.reset());
  afterEach(() => expect(cli.leaks(dir)).toEqual([]));

  const csv = join(CORPUS, 'excel-notes-crlf.csv');
  const PHONES = ['+33601020321', '+33601020322', '+33601020323'];
  const IN_NOTES = ['+33611223344', '+33622334455'];

  it('the dry run lists the phone column only; the run texts it once each, never a number in a note', async () => {
    const dryReport = join(dir, 'excel.dry-run.jsonl');
    const dry = await cli.run([...sendFlags(csv, mock.url), '--dry-run', '--report', dryReport]);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('dry run: 3 would be sent, 0 skipped, 0 failed; 0 sent');
    expect(rowsOf(dryReport).map((l) => [l.line, l.phone, l.status])).toEqual([
      [2, PHONES[0], 'would_send'],
      [5, PHONES[1], 'would_send'],
      [7, PHONES[2], 'would_send'],
    ]);

    const report = join(dir, 'excel.jsonl');
    const run = await cli.run([...sendFlags(csv, mock.url), '--report', report]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('3 sent, 0 skipped, 0 failed');
    expect(mock.posts.map((p) => [p.target_phone, p.target_name]).sort()).toEqual([
      [PHONES[0], 'Ada'],
      [PHONES[1], 'Bob; Jr'],
      [PHONES[2], 'Cy'],
    ]);
    for (const p of PHONES) expect(mock.sentCount('biz', p)).toBe(1);
    for (const p of IN_NOTES) expect(mock.sentCount('biz', p)).toBe(0);
    expect(JSON.stringify(readReport(report))).not.toMatch(/611223344|622334455/);
  });
});
