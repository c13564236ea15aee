// CSV records as Excel, Python's csv and Papa Parse read them (RFC 4180): a quoted cell may hold the delimiter,
// doubled quotes ("") and line breaks (Excel's Alt+Enter); CR, LF and CRLF all end a line, mixed in one file.
// Line numbers are physical lines, counted here, so a message names the line a user sees in an editor.
//
// A runaway quote (opened, never closed) must not swallow the file: a quoted cell longer than Excel's own cell
// limit stops being a cell. Its record fails, and so does every line it spanned; each is reported, none is sent,
// and reading resumes on the line after. A quote inside an unquoted cell, or text after a closing quote, fails its
// record alone.

/** Excel's limit on the characters of one cell: a quoted cell longer than this is a quote left open. */
export const MAX_CELL_CHARS = 32_767;

export type CsvRecord =
  { line: number; endLine: number; cells: string[] } | { line: number; endLine: number; error: string };

interface State {
  line: number;
  recordLine: number;
  cells: string[];
  cell: string;
  inQuotes: boolean;
  /** a quote seen inside quotes, its meaning known only from the next character */
  quotePending: boolean;
  closed: boolean;
  previousCR: boolean;
  error: string | undefined;
  /** after a runaway quote: the rest of this line is passed over */
  skipping: boolean;
}

const fresh = (line: number): State => ({
  line,
  recordLine: line,
  cells: [],
  cell: '',
  inQuotes: false,
  quotePending: false,
  closed: false,
  previousCR: false,
  error: undefined,
  skipping: false,
});

function endRecord(s: State, out: CsvRecord[]): void {
  s.cells.push(s.cell.trim());
  const { recordLine: line, line: endLine, cells, error } = s;
  if (error) out.push({ line, endLine, error });
  else if (cells.some(Boolean)) out.push({ line, endLine, cells });
}

/** Every line of a record whose quote ran away, each failing with the record. */
function runaway(s: State, out: CsvRecord[], why: string, last = s.line): void {
  for (let line = s.recordLine; line <= last; line++) {
    const error =
      line === s.recordLine
        ? `line ${line} opens a quoted cell that ${why}: a quote left open; this line and the ${last - line} ` +
          'after it are not read, none is sent'
        : `line ${line} lies inside the quoted cell opened on line ${s.recordLine}, which ${why}; not sent`;
    out.push({ line, endLine: line, error });
  }
}

/** One character outside quotes. */
function plain(s: State, c: string, delimiter: string): void {
  if (c === delimiter) {
    s.cells.push(s.cell.trim());
    s.cell = '';
    s.closed = false;
  } else if (c === '"' && !s.closed && s.cell.trim() === '') {
    s.inQuotes = true;
    s.cell = '';
  } else if (c === '"') {
    s.error ??= `line ${s.line} holds a quote inside a cell that is not quoted: write it as "" inside a quoted cell`;
    s.cell += c;
  } else {
    if (s.closed && c.trim()) s.error ??= `line ${s.line} has text after a closing quote: a cell ends at its quote`;
    s.cell += c;
  }
}

/** One character inside quotes: the cell's own text, up to the bound past which the quote was left open. */
function quoted(s: State, c: string, lineEnd: boolean, out: CsvRecord[]): void {
  if (c === '"') s.quotePending = true;
  else s.cell += c;
  if (s.cell.length > MAX_CELL_CHARS) {
    runaway(s, out, `runs past ${MAX_CELL_CHARS} characters (Excel's limit for one cell)`);
    // Reading resumes on the next line: the rest of this one belongs to the broken record.
    if (lineEnd) Object.assign(s, fresh(s.line + 1), { previousCR: c === '\r' });
    else s.skipping = true;
  } else if (lineEnd) s.line++;
}

/** Feeds one character; completed records go to `out`. */
function feed(s: State, c: string, delimiter: string, out: CsvRecord[]): void {
  const lf = c === '\n' && s.previousCR;
  s.previousCR = c === '\r';
  if (lf) {
    // The LF of a CRLF: the line already ended at its CR. Inside a quoted cell the pair is the cell's own text.
    if (s.inQuotes && !s.skipping) s.cell += c;
    return;
  }
  const lineEnd = c === '\r' || c === '\n';
  if (s.skipping) {
    if (lineEnd) Object.assign(s, fresh(s.line + 1), { previousCR: c === '\r' });
    return;
  }
  if (s.quotePending) {
    s.quotePending = false;
    if (c === '"') {
      s.cell += '"';
      return;
    }
    s.inQuotes = false;
    s.closed = true;
  }
  if (s.inQuotes) return quoted(s, c, lineEnd, out);
  if (lineEnd) {
    endRecord(s, out);
    Object.assign(s, fresh(s.line + 1), { previousCR: c === '\r' });
    return;
  }
  plain(s, c, delimiter);
}

/** The records of a text given in chunks, in order. */
export async function* csvRecords(chunks: AsyncIterable<string>, delimiter: string): AsyncGenerator<CsvRecord> {
  const s = fresh(1);
  for await (const chunk of chunks) {
    const out: CsvRecord[] = [];
    for (const c of chunk) feed(s, c, delimiter, out);
    yield* out;
  }
  const out: CsvRecord[] = [];
  if (s.quotePending) {
    s.inQuotes = false;
    s.closed = true;
  }
  // A file ending in a line break inside the open quote has no line after that break.
  const last = /[\r\n]$/.test(s.cell) ? s.line - 1 : s.line;
  if (s.inQuotes) runaway(s, out, 'never closes before the end of the file', last);
  else if (!s.skipping && (s.cell || s.cells.length)) endRecord(s, out);
  yield* out;
}
