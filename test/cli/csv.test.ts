// The send command's file handling, in process: encodings, delimiters, the header, the one-line-one-record
// rule, numbers kept per batch, and how reports are found, compared and read back.
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { cellsOf, csvRows, readLayout, type CsvRow } from '../../src/cli/csv-rows.js';
import { UsageError } from '../../src/cli/errors.js';
import { NumberLines } from '../../src/cli/number-lines.js';
import { severalNumbers } from '../../src/cli/phone-cell.js';
import { chooseReport, openReport, readReport, sameFile } from '../../src/cli/report.js';
import { cleanUp, tempDir } from '../support/process.js';

let dir: string;
let n = 0;
beforeAll(() => void (dir = tempDir('pas-csv')));
afterAll(cleanUp);

/** A file with these exact bytes. */
function file(content: string | Uint8Array): string {
  const path = join(dir, `f${++n}.csv`);
  writeFileSync(path, content);
  return path;
}
const latin = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
async function rows(path: string, options: { encoding?: string; delimiter?: string } = {}): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const r of csvRows(path, await readLayout(path, options))) out.push(r);
  return out;
}
async function usageError(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(UsageError);
  return (e as Error).message;
}

describe("reading partners' CSV files", () => {
  it('an Excel export: BOM, ";" and CRLF; cells come back without the BOM or the CR', async () => {
    const path = file('\uFEFFPhone;Name;Content\r\n0601020304;Ada;\r\n0601020305;"Bob; Jr";Merci @link\r\n');
    const layout = await readLayout(path, {});
    expect(layout).toMatchObject({
      encoding: 'utf-8',
      skip: 3,
      delimiter: ';',
      header: ['Phone', 'Name', 'Content'],
      map: { phone: 0, name: 1, content: 2 },
      headerLine: 1,
    });
    expect(await rows(path)).toEqual([
      { line: 2, cells: { phone: '0601020304', name: 'Ada' } },
      { line: 3, cells: { phone: '0601020305', name: 'Bob; Jr', content: 'Merci @link' } },
    ]);
  });

  it('detects tab, honours --delimiter and an Excel "sep=" line', async () => {
    expect((await readLayout(file('phone\tname\n+33601020304\tAda\n'), {})).delimiter).toBe('\t');
    expect((await readLayout(file('phone|name\n+33601020304|Ada\n'), { delimiter: '|' })).header).toEqual([
      'phone',
      'name',
    ]);
    const sep = file('sep=;\nphone;name\n+33601020304;Ada\n');
    expect(await rows(sep)).toEqual([{ line: 3, cells: { phone: '+33601020304', name: 'Ada' } }]);
    expect(await rows(sep, { delimiter: ';' })).toEqual([{ line: 3, cells: { phone: '+33601020304', name: 'Ada' } }]);
  });

  it('a header without a phone column names the columns found and the ones expected', async () => {
    const message = await usageError(readLayout(file('Fax;Nom\n0601020304;Ada\n'), {}));
    expect(message).toContain('line 1 has no phone column (pass --phone-column to name it)');
    expect(message).toContain('columns found: "Fax", "Nom"; expected: phone or mobile (required), name, content');
  });

  it('a first line that is data is refused as a header, naming the cell', async () => {
    const message = await usageError(readLayout(file('0601020304,Ada\n0601020305,Bob\n'), {}));
    expect(message).toContain('line 1 looks like data ("0601020304"), not a header');
    expect(message).toContain('expected: phone or mobile (required), name, content, country');
  });

  it('a file with no header at all, and a header naming a column twice, are refused', async () => {
    expect(await usageError(readLayout(file('\n\n'), {}))).toContain('holds no header line');
    expect(await usageError(readLayout(file('phone,Phone\n1,2\n'), {}))).toContain('names "phone" twice');
  });

  it('windows-1252 is refused as UTF-8, naming the line and --encoding; with --encoding it reads right', async () => {
    const path = file(latin('phone,name\n0601020304,Ada\n0601020305,H\xe9l\xe8ne M\xfcller\n'));
    const message = await usageError(readLayout(path, {}));
    expect(message).toMatch(/is not utf-8 text: line 3 holds bytes/);
    expect(message).toContain('--encoding windows-1252');
    expect((await rows(path, { encoding: 'windows-1252' }))[1]).toEqual({
      line: 3,
      cells: { phone: '0601020305', name: 'Hélène Müller' },
    });
    expect((await rows(path, { encoding: 'latin1' }))[1]).toMatchObject({ cells: { name: 'Hélène Müller' } });
  });

  it('an unknown --encoding, or one contradicting the byte order mark, is usage', async () => {
    expect(await usageError(readLayout(file('phone\n1\n'), { encoding: 'klingon' }))).toContain('--encoding "klingon"');
    expect(await usageError(readLayout(file('\uFEFFphone\n1\n'), { encoding: 'latin1' }))).toContain(
      'utf-8 byte order mark',
    );
  });

  it('UTF-16 with its BOM is decoded, with the lines numbered as written; without one it is named', async () => {
    const text = 'phone\tname\r\n+33601020304\tAda\r\n+33601020305\t"Bob\r\n+33601020306\tCy\r\n';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const got = await rows(file(le));
    expect(got.map((r) => ('error' in r ? `${r.line}:error` : `${r.line}:${r.cells.phone}`))).toEqual([
      '2:+33601020304',
      '3:error',
      '4:error',
    ]);
    expect(await usageError(readLayout(file(Buffer.from(text, 'utf16le')), {}))).toContain('looks like UTF-16');
  });

  it('a quote inside an unquoted cell, or text after a closing quote, fails its record alone', async () => {
    const path = file('phone,name\n+33601020301,Ada\n+33601020304,"D"x\n+33601020305,E"e\n+33601020306,F\n');
    const got = await rows(path);
    expect(got.map((r) => ('error' in r ? `${r.line}:error` : `${r.line}:${r.cells.phone}`))).toEqual([
      '2:+33601020301',
      '3:error',
      '4:error',
      '5:+33601020306',
    ]);
    const errors = got.filter((r): r is Extract<CsvRow, { error: string }> => 'error' in r);
    expect(errors[0].error).toContain('line 3 has text after a closing quote');
    expect(errors[1].error).toContain('line 4 holds a quote inside a cell that is not quoted');
  });

  it("a quoted cell may hold line breaks (Excel's Alt+Enter): one record, numbered by its first line", async () => {
    const notes = '"Rappeler son mari au\n0611223344\navant 18h"';
    const got = await rows(file(`phone,name,notes\n+33601020301,"Ada\nLovelace",${notes}\n+33601020302,Bob,\n`));
    expect(got).toEqual([
      { line: 2, cells: { phone: '+33601020301', name: 'Ada\nLovelace' } },
      { line: 6, cells: { phone: '+33601020302', name: 'Bob' } },
    ]);
  });

  it('CR, LF and CRLF line ends, mixed in one file, each end one line', async () => {
    const got = await rows(file('phone,name\r+33601020301,"Ada"\r\n+33601020302,Bob\n+33601020303,"C\ry"\r'));
    expect(got).toEqual([
      { line: 2, cells: { phone: '+33601020301', name: 'Ada' } },
      { line: 3, cells: { phone: '+33601020302', name: 'Bob' } },
      { line: 4, cells: { phone: '+33601020303', name: 'C\ry' } },
    ]);
  });

  it('a quote left open stops being a cell past 32,767 characters: its lines fail, the next are read', async () => {
    const filler = Array.from({ length: 2_000 }, (_, i) => `+336${String(10_000_000 + i)},Name ${i}`);
    const got = await rows(file(`phone,name\n+33601020300,Ada\n+33601020301,"Open\n${filler.join('\n')}\n`));
    const broken = got.filter((r): r is Extract<CsvRow, { error: string }> => 'error' in r);
    const read = got.filter((r): r is Extract<CsvRow, { cells: unknown }> => 'cells' in r);
    // The cell ran past the bound inside the filler: every line up to there is listed, and none is read.
    expect(broken[0]).toMatchObject({ line: 3, error: expect.stringContaining('opens a quoted cell that runs past') });
    expect(broken.map((r) => r.line)).toEqual(Array.from({ length: broken.length }, (_, i) => 3 + i));
    expect(broken.length).toBeGreaterThan(32_767 / 30);
    expect(read[0]).toEqual({ line: 2, cells: { phone: '+33601020300', name: 'Ada' } });
    // Reading resumes on the line after the bound, and reaches the end.
    expect(read[1].line).toBe(3 + broken.length);
    expect(read.at(-1)?.cells).toEqual({ phone: `+336${10_000_000 + 1_999}`, name: 'Name 1999' });
  });

  it('more cells than the header fail the row; cleared rows and extra empty cells do not', async () => {
    const got = await rows(
      file('phone,name,content\n+33601020301,Ada,Merci, a bientot @link\n,,\n+33601020302,Bob,,\n'),
    );
    expect(got).toEqual([
      {
        line: 2,
        error: expect.stringContaining(
          'line 2 has 4 cells, the header has 3: a cell holding the delimiter "," must be in quotes',
        ),
      },
      { line: 4, cells: { phone: '+33601020302', name: 'Bob' } },
    ]);
  });
});

describe('cells of one line', () => {
  it('a line without quotes splits exactly as csv-parse reads it, for each delimiter', () => {
    const cell = fc.stringMatching(/^[ a-z0-9+.@éü;,\t-]{0,12}$/);
    const cells = fc.array(cell, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.constantFrom(',', ';', '\t'), cells, (delimiter, cells) => {
        const line = cells.join(delimiter);
        fc.pre(line.trim() !== '');
        const expected = (parse(line, { delimiter, trim: true, relax_column_count: true }) as string[][])[0];
        expect(cellsOf(line, delimiter)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a phone cell holds one number', () => {
  it.each([
    ['0612345609;0612345610', ['0612345609', '0612345610']],
    ['06 12 34 56 09 / 06 12 34 56 10', ['06 12 34 56 09', '06 12 34 56 10']],
    ['+33612345609, +33612345610', ['+33612345609', '+33612345610']],
    ['0612345609 et 0612345610', ['0612345609', '0612345610']],
    // No separator at all: found by libphonenumber's search, in E.164.
    ['0612345609 0612345610', ['+33612345609', '+33612345610']],
    ['+33612345609 +33612345610', ['+33612345609', '+33612345610']],
  ])('%s holds several', (cell, numbers) => expect(severalNumbers(cell, 'FR')).toEqual(numbers));
  it.each(['0612345609', '+33 6 12 34 56 09', '06.12.34.56.09', '(06) 12-34-56-09', 'not-a-phone'])(
    '%s holds at most one',
    (cell) => expect(severalNumbers(cell, 'FR')).toBeUndefined(),
  );
});

describe('NumberLines', () => {
  it('agrees with a Map over 50,000 numbers with repeats, keeping the first line of each', () => {
    const table = new NumberLines();
    const reference = new Map<string, number>();
    let seed = 42;
    for (let line = 1; line <= 50_000; line++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      // Numbers of several countries and lengths; about a third repeat.
      const e164 = `+${['33', '1', '44', '352'][seed % 4]}${String(600_000_000 + (seed % 30_000))}`;
      table.add(e164, line);
      if (!reference.has(e164)) reference.set(e164, line);
    }
    expect(table.size).toBe(reference.size);
    for (const [e164, line] of reference) expect(table.get(e164)).toBe(line);
    expect(table.get('+33599999999')).toBeUndefined();
    expect(() => table.add('0601020304', 1)).toThrow(RangeError);
  });
});

describe('reports', () => {
  it('the same file by any spelling: ./, dir/.., a symlink, a hard link; a file not yet written by its folder', () => {
    const sub = join(dir, 'r');
    mkdirSync(sub, { recursive: true });
    const report = join(sub, 'day.jsonl');
    writeFileSync(report, '{}\n');
    symlinkSync(report, join(sub, 'link.jsonl'));
    linkSync(report, join(sub, 'hard.jsonl'));
    expect(sameFile(report, join(sub, '..', 'r', '.', 'day.jsonl'))).toBe(true);
    expect(sameFile(report, join(sub, 'link.jsonl'))).toBe(true);
    expect(sameFile(report, join(sub, 'hard.jsonl'))).toBe(true);
    expect(sameFile(join(sub, 'new.jsonl'), join(sub, '..', 'r', 'new.jsonl'))).toBe(true);
    expect(sameFile(report, join(sub, 'new.jsonl'))).toBe(false);
  });

  it('read back: the run, done numbers (not duplicate skips, not failures), a torn last line tolerated', () => {
    const path = file(
      [
        JSON.stringify({
          run: {
            business: 'b',
            content: 'Hi @link',
            defaultCountry: 'FR',
            force: false,
            baseUrl: null,
            environment: null,
            dryRun: false,
            csv: '/x.csv',
            delimiter: ',',
            encoding: 'utf-8',
          },
        }),
        '{"line":2,"phone":"+33601020301","status":"sent","invitationId":"i1"}',
        JSON.stringify({
          line: 3,
          phone: '+33601020302',
          status: 'skipped',
          lastInvitationId: 'i0',
          nextAllowedAt: '2026-01-01',
        }),
        '{"line":4,"phone":"+33601020303","status":"skipped","duplicateOfLine":9}',
        JSON.stringify({
          line: 5,
          phone: '+33601020304',
          status: 'failed',
          error: { name: 'E', message: 'x', outcomeUnknown: true },
        }),
        '{"resumed":{"at":"2026-01-01T00:00:00.000Z","csv":"/y.csv"}}',
        '{"line":7,"phone":"+33601020305","sta',
      ].join('\n'),
    );
    const report = readReport(path);
    expect(report.run).toMatchObject({ business: 'b', content: 'Hi @link', defaultCountry: 'FR' });
    expect(report.csv).toBe('/y.csv');
    expect(
      ['+33601020301', '+33601020302', '+33601020303', '+33601020304', '+33601020305'].map((p) => report.done.get(p)),
    ).toEqual([2, 3, undefined, undefined, undefined]);
    expect(report.unreadable).toBe(1);
    // The torn line's number, since the resumption that wrote it began: a forced resume searches before sending.
    expect(report.unknownSince).toEqual(new Map([['+33601020305', new Date('2026-01-01T00:00:00.000Z')]]));
    expect(report.endsWithNewline).toBe(false);
    // Appending puts the next line on a line of its own.
    const writer = openReport(path, true);
    writer.write({ line: 8, phone: '+33601020306', status: 'sent', invitationId: 'i2' });
    writer.close();
    expect(readReport(path).done.get('+33601020306')).toBe(8);
    expect(() => readReport(file('phone,name\n1,2\n'))).toThrow(UsageError);
  });

  it('chooses where to write without ever truncating a report', () => {
    const csv = file('phone\n+33601020304\n');
    const real = `${csv}.report.jsonl`;
    expect(chooseReport({ csv, dryRun: false })).toEqual({ file: real, append: false });
    writeFileSync(real, '{"run":{"dryRun":false}}\n');
    expect(() => chooseReport({ csv, dryRun: false })).toThrow(/already holds a report.*--resume/);
    expect(chooseReport({ csv, dryRun: false, resume: real })).toEqual({ file: real, append: true });
    expect(
      chooseReport({ csv, dryRun: false, resume: real, report: join(dir, '.', `${csv.split('/').pop()}.report.jsonl`) })
        .append,
    ).toBe(true);
    // A dry run has its own file, never the real one; it may replace its own, and a real run may replace it.
    expect(chooseReport({ csv, dryRun: true })).toEqual({ file: `${csv}.dry-run.jsonl`, append: false });
    expect(() => chooseReport({ csv, dryRun: true, report: real })).toThrow(/dry run never overwrites/);
    expect(() => chooseReport({ csv, dryRun: true, resume: real, report: real })).toThrow(/dry run never writes into/);
    writeFileSync(`${csv}.dry-run.jsonl`, '{"run":{"dryRun":true}}\n');
    expect(chooseReport({ csv, dryRun: true }).file).toBe(`${csv}.dry-run.jsonl`);
    expect(chooseReport({ csv, dryRun: false, report: `${csv}.dry-run.jsonl` }).append).toBe(false);
    expect(() => chooseReport({ csv, dryRun: false, report: csv })).toThrow(/already holds/);
  });
});
