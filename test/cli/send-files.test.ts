// `send` spawned for real over the files partners export: a stray quote mid-file, a French Excel export,
// windows-1252, no header row, two numbers in one cell. The mock counts what was sent.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, sendSetup, type RecordingMock, type SendCli } from '../support/cli.js';
import { cleanUp } from '../support/process.js';

let mock: RecordingMock;
let cli: SendCli;
let dir: string;

beforeAll(async () => void ({ mock, cli, dir } = await sendSetup('pas-files')));
afterAll(cleanUp);
beforeEach(() => mock.reset());
afterEach(() => expect(cli.leaks(dir)).toEqual([]));

const e164 = (national: string) => `+33${national.slice(1)}`;
const national = (i: number) => `06${String(50_000_000 + i)}`;
const common = () => [
  '--business',
  'biz',
  '--default-country',
  'FR',
  '--base-url',
  mock.url,
  '--requests-per-minute',
  '60000',
];

describe('send over real-world files', () => {
  it('a quote left open fails every line it spans, none sent; a resume sends none twice', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `${national(i)},Customer ${i}`);
    lines[19] = `${national(19)},"Customer 19`; // line 21 of the file: its quote never closes
    const csv = join(dir, 'stray.csv');
    const report = join(dir, 'stray.jsonl');
    writeFileSync(csv, `phone,name\n${lines.join('\n')}\n`);
    const first = await cli.run(['--csv', csv, '--report', report, ...common(), '--concurrency', '8']);
    expect(first.code).toBe(3);
    // Read as Excel reads it, the open quote holds lines 21 to 31 in one cell: none of their numbers is a row.
    expect(first.out).toContain('19 sent, 0 skipped, 11 failed');
    const failed = rowsOf(report).filter((l) => l.status === 'failed');
    expect(failed.map((l) => l.line).sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => 21 + i));
    expect(failed.every((l) => l.error.name === 'CsvError')).toBe(true);
    expect(failed.find((l) => l.line === 21)!.error.message).toContain('line 21 opens a quoted cell that never closes');
    for (let i = 0; i < 30; i++) expect(mock.sentCount('biz', e164(national(i)))).toBe(i >= 19 ? 0 : 1);
    // The file is still broken: the resume fails those lines again and requests nothing.
    const before = mock.requests();
    const second = await cli.run(['--resume', report]);
    expect(second.code).toBe(3);
    expect(second.out).toContain('0 sent, 0 skipped, 11 failed; 19 done earlier');
    expect(mock.requests()).toBe(before);
    // Fixed in a new export, each number goes out once.
    writeFileSync(csv, `phone,name\n${lines.map((l) => l.replace('"', '')).join('\n')}\n`);
    expect((await cli.run(['--resume', report])).code).toBe(0);
    for (let i = 0; i < 30; i++) expect(mock.sentCount('biz', e164(national(i)))).toBe(1);
  });

  it('a French Excel export (";", BOM, CRLF, a cleared row) is read as written', async () => {
    const csv = join(dir, 'excel.csv');
    writeFileSync(
      csv,
      '\uFEFFT\u00e9l;Phone;Name;Content\r\nx;06 01 02 03 04;Ad\u00e8le;\r\n;;;\r\n' +
        'y;+33601020305;"Dupont; Jean";"Merci, \u00e0 bient\u00f4t @link"\r\n',
    );
    // French text: the accents Partoo would remove are dropped on request, not refused.
    const r = await cli.run(['--csv', csv, ...common(), '--content', 'Merci @link', '--strip-non-ascii']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 sent, 0 skipped, 0 failed');
    expect(r.err).toContain('note: columns "Tél" are not read (the columns read: "Phone", "Name", "Content")');
    expect(mock.posts.map((p) => [p.target_phone, p.target_name]).sort()).toEqual([
      ['+33601020304', 'Ad\u00e8le'],
      ['+33601020305', 'Dupont; Jean'],
    ]);
    expect(mock.posts.map((p) => p.invite_content).sort()).toEqual(['Merci @link', 'Merci,  bientt @link']);
    expect(
      rowsOf(`${csv}.report.jsonl`)
        .map((l) => l.line)
        .sort(),
    ).toEqual([2, 4]);
  });

  it('windows-1252 is refused as UTF-8, nothing sent (exit 2); with --encoding the names arrive right', async () => {
    const csv = join(dir, 'cp1252.csv');
    writeFileSync(
      csv,
      Uint8Array.from(
        [...'phone;name\r\n0601020304;H\xe9l\xe8ne M\xfcller\r\n0601020305;Fran\xe7ois\r\n'].map((c) =>
          c.charCodeAt(0),
        ),
      ),
    );
    const refused = await cli.run(['--csv', csv, ...common()]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('cp1252.csv is not utf-8 text: line 2');
    expect(refused.err).toContain('pass --encoding windows-1252');
    expect(mock.requests()).toBe(0);
    const sent = await cli.run(['--csv', csv, ...common(), '--encoding', 'windows-1252']);
    expect(sent.code).toBe(0);
    expect(mock.posts.map((p) => p.target_name).sort()).toEqual(['Fran\u00e7ois', 'H\u00e9l\u00e8ne M\u00fcller']);
  });

  it('no header row: refused before any request (exit 2), naming the columns found and expected', async () => {
    const csv = join(dir, 'noheader.csv');
    writeFileSync(csv, '0601020304;Ada\n0601020305;Bob\n');
    const r = await cli.run(['--csv', csv, ...common()]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('noheader.csv line 1 looks like data ("0601020304"), not a header');
    expect(r.err).toContain('columns found: "0601020304", "Ada"; expected: phone or mobile (required), name, content');
    expect(mock.requests()).toBe(0);
    const missing = join(dir, 'nophone.csv');
    writeFileSync(missing, 'fax,name\n0601020304,Ada\n');
    const m = await cli.run(['--csv', missing, ...common()]);
    expect(m.code).toBe(2);
    expect(m.err).toContain('has no phone column');
    expect(m.err).toContain('columns found: "fax", "name"; expected: phone or mobile (required)');
  });

  it('a cell holding two numbers fails its row, neither number sent; the other rows go', async () => {
    const csv = join(dir, 'two.csv');
    writeFileSync(csv, 'phone;name\n"0612345609;0612345610";Ada\n0612345611;Bob\n');
    const r = await cli.run(['--csv', csv, ...common()]);
    expect(r.code).toBe(3);
    expect(rowsOf(`${csv}.report.jsonl`).find((l) => l.line === 2).error.message).toBe(
      'line 2: the phone cell holds 2 numbers ("0612345609", "0612345610"); one number per row',
    );
    expect(mock.posts.map((p) => p.target_phone)).toEqual(['+33612345611']);
  });
});
