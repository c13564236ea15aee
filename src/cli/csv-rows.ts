// Partners' CSV files, as Excel, Google Sheets and CRMs write them: a BOM, `,` `;` or tab, any line ends,
// windows-1252, multi-line notes. The header picks the columns (csv-columns.ts); the records are RFC 4180's
// (csv-records.ts), so a number is only ever read from the phone column, never from a line inside another cell.
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { columnMap, EXPECTED_COLUMNS, normalizeHeader, type ColumnMap } from './csv-columns.js';
import { csvRecords } from './csv-records.js';
import { decodedText, detectEncoding } from './decode.js';
import { UsageError } from './errors.js';

const EXPECTED = EXPECTED_COLUMNS;
const CANDIDATES = [',', ';', '\t'] as const;

export interface CsvLayout {
  encoding: string;
  /** bytes of byte order mark to skip */
  skip: number;
  delimiter: string;
  /** the header's cells as written, in file order */
  header: string[];
  /** which column holds what */
  map: ColumnMap;
  headerLine: number;
  /** records after the header: the progress total */
  lines: number;
}

export type RowCells = Partial<Record<'phone' | 'name' | 'content' | 'country', string>>;
export type CsvRow = { line: number; cells: RowCells } | { line: number; error: string };

interface TextLine {
  number: number;
  text: string;
}

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

function checkHeader(file: string, line: TextLine, given: string | undefined, phoneColumn: string | undefined) {
  const where = `${basename(file)} line ${line.number}`;
  const tries = (given ? [given] : CANDIDATES).map((delimiter): HeaderTry => {
    try {
      const cells = cellsOf(line.text, delimiter);
      return { delimiter, cells, columns: cells.map(normalizeHeader) };
    } catch (e) {
      return { delimiter, cells: [], columns: [], error: parserReason(e) };
    }
  });
  // The delimiter that yields a phone column is the file's; among several, the one that splits the most.
  const fits = tries
    .map((t) => ({ ...t, map: t.error ? undefined : columnMap(t.columns, phoneColumn) }))
    .filter((t) => t.map)
    .sort((a, b) => b.columns.length - a.columns.length);
  if (fits.length) {
    const { delimiter, columns, cells, map } = fits[0];
    const twice = columns.filter((c, i) => c && columns.indexOf(c) !== i);
    if (twice.length) {
      const names = twice.map((c) => `"${c}"`).join(', ');
      throw new UsageError(`${where}: the header names ${names} twice; expected columns: ${EXPECTED}; nothing sent`);
    }
    return { delimiter, header: cells, map: map! };
  }
  const best = [...tries].sort((a, b) => b.columns.length - a.columns.length)[0];
  if (phoneColumn !== undefined && !best.error) {
    const found = best.cells.map((c) => JSON.stringify(c)).join(', ');
    throw new UsageError(
      `${where}: --phone-column "${phoneColumn}" is not a column of the header (${found}); nothing sent`,
    );
  }
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
    : 'has no phone column (pass --phone-column to name it)';
  const delimiterHint = given
    ? ` (read with --delimiter ${show(given)})`
    : ` (tried the delimiters , ; and tab; pass --delimiter if the file uses another)`;
  throw new UsageError(
    `${where} ${why}${delimiterHint}: columns found: ${found || '(none)'}; expected: ${EXPECTED}; ` +
      'nothing was sent',
  );
}

/** The file's physical lines until `enough` says stop: CR, LF and CRLF each end one. */
async function firstLines(chunks: AsyncIterable<string>, enough: (line: TextLine) => boolean): Promise<void> {
  let rest = '';
  let number = 0;
  for await (const chunk of chunks) {
    rest += chunk;
    const parts = rest.split(/\r\n|\r|\n/);
    // A chunk may end between the CR and the LF of one line end: keep the last part, and a trailing CR with it.
    rest = parts.pop()!;
    for (const text of parts) if (enough({ number: ++number, text })) return;
  }
  if (rest) enough({ number: number + 1, text: rest });
}

/**
 * Reads the whole file once before anything is sent: the encoding holds throughout, the header names a phone
 * column, and the delimiter is known. Every problem here is a UsageError (exit 2) with nothing sent.
 */
export async function readLayout(
  file: string,
  options: { encoding?: string; delimiter?: string; phoneColumn?: string },
): Promise<CsvLayout> {
  const { encoding, skip } = await detectEncoding(file, options.encoding);
  let header: ReturnType<typeof checkHeader> | undefined;
  let headerLine = 0;
  let given = options.delimiter;
  await firstLines(decodedText(file, encoding, skip), (line) => {
    if (!line.text.trim()) return false;
    // Excel understands (and some exports write) a first line "sep=;" naming the delimiter; --delimiter wins.
    const sep = /^sep=(.)$/i.exec(line.text.trim());
    if (sep) {
      given ??= sep[1];
      return false;
    }
    header = checkHeader(file, line, given, options.phoneColumn);
    headerLine = line.number;
    return true;
  });
  if (!header) {
    throw new UsageError(`${basename(file)} holds no header line; expected columns: ${EXPECTED}; nothing was sent`);
  }
  let lines = 0;
  for await (const record of csvRecords(decodedText(file, encoding, skip), header.delimiter)) {
    if (record.line > headerLine) lines++;
  }
  return { encoding, skip, ...header, headerLine, lines };
}

function tooManyCells(line: number, cells: string[], layout: CsvLayout): string | undefined {
  if (!cells.slice(layout.header.length).some(Boolean)) return undefined;
  return (
    `line ${line} has ${cells.length} cells, the header has ${layout.header.length}: a cell holding the ` +
    `delimiter ${show(layout.delimiter)} must be in quotes`
  );
}

/** A row's fields by name; a mobile cell left empty falls back to the phone column. */
function fieldsOf(cells: string[], { map }: CsvLayout): RowCells {
  const cell = (i: number | undefined) => (i === undefined ? undefined : cells[i] || undefined);
  const fields: RowCells = {
    phone: cell(map.phone) ?? cell(map.fallbackPhone),
    name: cell(map.name),
    content: cell(map.content),
    country: cell(map.country),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** The records after the header: fields by name, or the reason this record is not one. */
export async function* csvRows(file: string, layout: CsvLayout): AsyncGenerator<CsvRow> {
  for await (const record of csvRecords(decodedText(file, layout.encoding, layout.skip), layout.delimiter)) {
    const { line } = record;
    if (line <= layout.headerLine) continue;
    if ('error' in record) {
      yield { line, error: record.error };
      continue;
    }
    const tooMany = tooManyCells(line, record.cells, layout);
    yield tooMany ? { line, error: tooMany } : { line, cells: fieldsOf(record.cells, layout) };
  }
}
