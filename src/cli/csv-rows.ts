// Partners' CSV files, as Excel and CRMs write them: a BOM, `,` `;` or tab, CRLF, windows-1252.
//
// The re-synchronization rule: a record is one line. A quoted cell may hold the delimiter and doubled quotes
// (""), never a line break. Each line is parsed on its own (csv-parse), so a stray quote fails that line alone,
// with the parser's reason, and the next line is read as a new record: nothing after it is swallowed or lost.
// (A cell holding a line break, which Excel writes for Alt+Enter, therefore fails its lines; none is sent.)
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UsageError } from './errors.js';
import { detectEncoding, textLines, type TextLine } from './text-lines.js';

export const COLUMNS = { required: ['phone'], optional: ['name', 'content'] } as const;
const EXPECTED = `phone (required), name, content`;
const CANDIDATES = [',', ';', '\t'] as const;

export interface CsvLayout {
  encoding: string;
  /** bytes of byte order mark to skip */
  skip: number;
  delimiter: string;
  /** lower-cased, trimmed column names, in file order */
  columns: string[];
  headerLine: number;
  /** lines after the header, empty ones included: the progress total */
  lines: number;
}

export type CsvRow =
  { line: number; cells: Partial<Record<'phone' | 'name' | 'content', string>> } | { line: number; error: string };

/** `--delimiter` as typed: one character, or `tab`. */
export function delimiterOf(flag: string): string {
  const d = flag === 'tab' || flag === '\\t' ? '\t' : flag;
  if ([...d].length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new UsageError(`--delimiter must be one character (",", ";") or "tab", not ${JSON.stringify(flag)}`);
  }
  return d;
}

const show = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);

/** One line's cells, trimmed; throws csv-parse's error for a line that is not a record. */
export function cellsOf(text: string, delimiter: string): string[] {
  // Without a quote a line's cells are exactly what lies between delimiters; csv-parse, set up anew for each
  // line, costs ~50 µs a row, so it reads only the lines that hold quotes.
  if (!text.includes('"')) return text.split(delimiter).map((c) => c.trim());
  const records = parse(text, { delimiter, trim: true, relax_column_count: true }) as string[][];
  return records[0] ?? [];
}

/** The parser's own words without its "at line 1" (it only ever sees one line): "Quote Not Closed". */
function parserReason(e: unknown): string {
  const { code, message } = e as { code?: string; message?: string };
  return `${String(message).split(':')[0]}${code ? ` (${code})` : ''}`;
}

const looksLikeData = (cell: string) => /^\+?[\d\s().\-/]{6,}$/.test(cell) || /@/.test(cell);

interface HeaderTry {
  delimiter: string;
  /** as written, for messages */
  cells: string[];
  columns: string[];
  error?: string;
}

function checkHeader(file: string, line: TextLine, given?: string): { delimiter: string; columns: string[] } {
  const where = `${basename(file)} line ${line.number}`;
  const tries = (given ? [given] : CANDIDATES).map((delimiter): HeaderTry => {
    try {
      const cells = cellsOf(line.text, delimiter);
      return { delimiter, cells, columns: cells.map((c) => c.toLowerCase()) };
    } catch (e) {
      return { delimiter, cells: [], columns: [], error: parserReason(e) };
    }
  });
  // The delimiter that yields a phone column is the file's; among several, the one that splits the most.
  const fits = tries.filter((t) => t.columns.includes('phone')).sort((a, b) => b.columns.length - a.columns.length);
  if (fits.length) {
    const { delimiter, columns } = fits[0];
    const twice = columns.filter((c, i) => c && columns.indexOf(c) !== i);
    if (twice.length) {
      const names = twice.map((c) => `"${c}"`).join(', ');
      throw new UsageError(`${where}: the header names ${names} twice; expected columns: ${EXPECTED}; nothing sent`);
    }
    return { delimiter, columns };
  }
  const best = [...tries].sort((a, b) => b.columns.length - a.columns.length)[0];
  if (best.error) {
    throw new UsageError(
      `${where}: the header cannot be read: ${best.error}; expected columns: ${EXPECTED}; ` + 'nothing was sent',
    );
  }
  const found = best.cells.map((c) => JSON.stringify(c)).join(', ');
  const data = best.cells.find(looksLikeData);
  const why = data
    ? `looks like data (${JSON.stringify(data)}), not a header: the first line must name the columns, ` +
      'e.g. phone,name,content'
    : 'has no phone column';
  const delimiterHint = given
    ? ` (read with --delimiter ${show(given)})`
    : ` (tried the delimiters , ; and tab; pass --delimiter if the file uses another)`;
  throw new UsageError(
    `${where} ${why}${delimiterHint}: columns found: ${found || '(none)'}; expected: ${EXPECTED}; ` +
      'nothing was sent',
  );
}

/**
 * Reads the whole file once before anything is sent: the encoding holds on every line, the header names a
 * phone column, and the delimiter is known. Every problem here is a UsageError (exit 2) with nothing sent.
 */
export async function readLayout(file: string, options: { encoding?: string; delimiter?: string }): Promise<CsvLayout> {
  const { encoding, skip } = await detectEncoding(file, options.encoding);
  let header: { delimiter: string; columns: string[] } | undefined;
  let headerLine = 0;
  let lines = 0;
  let given = options.delimiter;
  for await (const line of textLines(file, encoding, skip)) {
    if (header) {
      lines++;
      continue;
    }
    if (!line.text.trim()) continue;
    // Excel understands (and some exports write) a first line "sep=;" naming the delimiter.
    const sep = /^sep=(.)$/i.exec(line.text.trim());
    if (sep) {
      // --delimiter, when given, wins over it.
      given ??= sep[1];
      continue;
    }
    header = checkHeader(file, line, given);
    headerLine = line.number;
  }
  if (!header) {
    throw new UsageError(`${basename(file)} holds no header line; expected columns: ${EXPECTED}; nothing was sent`);
  }
  return { encoding, skip, ...header, headerLine, lines };
}

/** The rows after the header: cells by column name, or the reason this one line is not a record. */
export async function* csvRows(file: string, layout: CsvLayout): AsyncGenerator<CsvRow> {
  for await (const { number: line, text } of textLines(file, layout.encoding, layout.skip)) {
    if (line <= layout.headerLine || !text.trim()) continue;
    let cells: string[];
    try {
      cells = cellsOf(text, layout.delimiter);
    } catch (e) {
      yield {
        line,
        error:
          `line ${line} is not a CSV record: ${parserReason(e)}; a quoted cell must close on its own line, ` +
          'so the next line is read as a new record',
      };
      continue;
    }
    // Excel writes ";;;" for a row someone cleared: not a row.
    if (cells.every((c) => !c)) continue;
    const extra = cells.slice(layout.columns.length).filter(Boolean);
    if (extra.length) {
      yield {
        line,
        error:
          `line ${line} has ${cells.length} cells, the header has ${layout.columns.length}: a cell holding the ` +
          `delimiter ${show(layout.delimiter)} must be in quotes`,
      };
      continue;
    }
    const row: Partial<Record<string, string>> = {};
    layout.columns.forEach((c, i) => {
      if ((COLUMNS.required as readonly string[]).includes(c) || (COLUMNS.optional as readonly string[]).includes(c)) {
        if (cells[i]) row[c] = cells[i];
      }
    });
    yield { line, cells: row };
  }
}
