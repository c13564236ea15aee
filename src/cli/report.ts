// The JSON-lines report: its first line records how the run was made (never the key), then one line per row,
// written with one write(2) each, so a SIGKILL loses at most the line being written.
import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { NumberLines } from './number-lines.js';

/** What a resumed run must do the same way; `null` records "not given" (a resume must not add it either). */
export interface RunParams {
  business: string;
  content: string | null;
  defaultCountry: string | null;
  force: boolean;
  /** the guard's order for numbers it does not know; absent from older reports, which ran search-first */
  check?: 'search-first' | 'send-first';
  /** absent from reports written before the flag existed: read as false */
  stripNonAscii?: boolean;
  baseUrl: string | null;
  environment: string | null;
  dryRun: boolean;
  /** the file's real path: a resume reads it again unless given another (a re-export) */
  csv: string;
  delimiter: string;
  encoding: string;
  /** the column numbers were read from when `--phone-column` named it; a resume reads the same one */
  phoneColumn?: string | null;
  /** `--settle-ms` as given (absent: the default): a resume waits as long for the sends this run left in flight */
  settleMs?: number | null;
}

export interface ReportLine {
  line: number;
  /** E.164 when the number parsed, else the cell as written */
  phone: string;
  status: 'sent' | 'skipped' | 'would_send' | 'failed';
  invitationId?: string;
  lastInvitationId?: string;
  nextAllowedAt?: string;
  /** an earlier line of this run with the same number: not sent by this line, and not "done" for a resume */
  duplicateOfLine?: number;
  /** a forced resume found the earlier run's send that may have gone out: it did */
  settledBy?: 'search';
  /**
   * `outcomeUnknown`: the send may have gone out; `--resume` checks it with a search before anything else.
   * `since`: when the run that tried it started, where a forced resume's search begins.
   */
  error?: { name: string; message: string; outcomeUnknown?: true; since?: string };
}

export interface EarlierReport {
  file: string;
  run?: RunParams;
  /** the CSV the last resumption read (a re-export may have another name) */
  csv?: string;
  /** E.164 numbers sent, or skipped by Partoo's own record, with the line that says so */
  done: NumberLines;
  /** lines that are not JSON: the one a SIGKILL cut short */
  unreadable: number;
  endsWithNewline: boolean;
  /**
   * numbers whose send may have gone out (an unknown outcome, or a line a kill cut short), and since when: a
   * forced resume searches for them before sending
   */
  unknownSince: Map<string, Date>;
  /** numbers marked as being sent with no outcome after the mark: the sends a kill left in flight */
  inFlight: number;
  /** when the report was last written: the sends in flight then may land up to a settle time later */
  lastWrittenAt?: Date;
}

const dateOf = (iso: string | undefined) => {
  const d = iso === undefined ? undefined : new Date(iso);
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

/** The line written, and handed to the system, before a row's send: the send may be in flight once it is there. */
export interface SendingMark {
  sending: { line: number; phone: string; at: string };
}

type Entry = ReportLine &
  Partial<SendingMark> & { run?: RunParams; startedAt?: string; resumed?: { csv: string; at?: string } };

/**
 * Where a reading of the report is: lines parsed so far, when the run (or resumption) above started, and the
 * numbers marked as being sent whose outcome has not come yet.
 */
interface Reading {
  parsed: number;
  started?: Date;
  marked: Map<string, Date>;
}

/** A report read back for `--resume`. A file that cannot be read is not usage: the caller exits 1. */
export function readReport(file: string): EarlierReport {
  if (!existsSync(file)) throw new Error(`--resume: no report at ${file}`);
  const text = readFileSync(file, 'utf8');
  const endsWithNewline = text === '' || text.endsWith('\n');
  const report: EarlierReport = {
    file,
    done: new NumberLines(),
    unreadable: 0,
    endsWithNewline,
    unknownSince: new Map(),
    inFlight: 0,
    lastWrittenAt: statSync(file).mtime,
  };
  const reading: Reading = { parsed: 0, marked: new Map() };
  for (const raw of text.split('\n')) {
    if (raw.trim()) readLine(report, reading, raw);
  }
  // A mark with no outcome after it: the process died with that send in flight. It may have gone out, or may
  // still land: a resume searches for it (after the settle time) before anything else.
  for (const [phone, since] of reading.marked) {
    report.inFlight++;
    if (!report.unknownSince.has(phone)) report.unknownSince.set(phone, since);
  }
  if (reading.parsed === 0 && report.unreadable > 0) {
    throw new UsageError(`--resume ${file} is not a report written by partoo-argyle-sdk send`);
  }
  report.csv ??= report.run?.csv;
  return report;
}

function readLine(report: EarlierReport, reading: Reading, raw: string) {
  let entry: Entry;
  try {
    entry = JSON.parse(raw);
  } catch {
    report.unreadable++;
    // A line cut short by a kill was a row's outcome, maybe a send: its number (written second, after the line)
    // is searched for before a forced resume sends it again, as for an unknown outcome.
    const phone = /^\{"line":\d+,"phone":"(\+[1-9]\d{1,14})"/.exec(raw)?.[1];
    if (phone && reading.started) report.unknownSince.set(phone, reading.started);
    return;
  }
  reading.parsed++;
  if (entry.run) {
    if (reading.parsed === 1) report.run = entry.run;
    reading.started = dateOf(entry.startedAt);
  } else if (entry.resumed) {
    report.csv = entry.resumed.csv;
    reading.started = dateOf(entry.resumed.at);
  } else if (entry.sending) {
    const { phone, at } = entry.sending;
    const since = reading.started ?? dateOf(at);
    if (typeof phone === 'string' && /^\+[1-9]\d{1,14}$/.test(phone) && since) reading.marked.set(phone, since);
  } else {
    reading.marked.delete(entry.phone);
    readRow(report, entry);
  }
}

function readRow(report: EarlierReport, entry: Entry) {
  const since = entry.error?.outcomeUnknown && entry.error.since ? new Date(entry.error.since) : undefined;
  if (since && !Number.isNaN(since.getTime())) report.unknownSince.set(entry.phone, since);
  // A duplicate skip only points at another line: that line decides whether the number is done.
  const done = entry.status === 'sent' || (entry.status === 'skipped' && entry.duplicateOfLine === undefined);
  if (done && typeof entry.phone === 'string' && /^\+[1-9]\d{1,14}$/.test(entry.phone)) {
    report.done.add(entry.phone, entry.line);
  }
}

/** The real path of a file that may not exist yet: its folder's real path and its name. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(file))), basename(file));
    } catch {
      return resolve(file);
    }
  }
}

/** The same file by any spelling: `./r.jsonl`, `dir/../r.jsonl`, a symlink, a hard link. */
export function sameFile(a: string, b: string): boolean {
  try {
    const [sa, sb] = [statSync(a), statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return realPath(a) === realPath(b);
  }
}

/** The run line, read alone: a report of 100k rows is not read to decide whose it is. */
function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const head = new Uint8Array(64 * 1024);
    const text = new TextDecoder().decode(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
    return text.split('\n')[0];
  } finally {
    closeSync(fd);
  }
}

const holdsText = (file: string) => existsSync(file) && statSync(file).size > 0;

function isDryRunReport(file: string): boolean {
  try {
    return (JSON.parse(firstLine(file)) as { run?: RunParams }).run?.dryRun === true;
  } catch {
    return false;
  }
}

/**
 * Makes room for a fresh real report, under the report's lock: an empty file or a dry run's preview gives way to
 * it, as chooseReport promised; anything else is left for the exclusive create to refuse.
 */
export function clearPreview(file: string): void {
  if (existsSync(file) && (!holdsText(file) || isDryRunReport(file))) rmSync(file, { force: true });
}

/**
 * Where this run writes, and whether it appends. Reports are never lost: the resume file is appended to (by
 * any spelling), an existing report is never truncated, and a dry run only ever overwrites a dry run's.
 */
export function chooseReport(opts: { report?: string; resume?: string; csv: string; dryRun: boolean }): {
  file: string;
  append: boolean;
} {
  const { report, resume, csv, dryRun } = opts;
  if (dryRun) {
    const file = report ?? `${csv}.dry-run.jsonl`;
    if (resume && sameFile(file, resume)) {
      throw new UsageError(
        `--report ${file} is the report being resumed: a dry run never writes into a real run's ` +
          `report; leave --report out (it writes ${csv}.dry-run.jsonl)`,
      );
    }
    if (holdsText(file) && !isDryRunReport(file)) {
      throw new UsageError(
        `--report ${file} holds a real run's report (or another file): a dry run never overwrites ` +
          'it; pass another --report',
      );
    }
    return { file, append: false };
  }
  const file = report ?? resume ?? `${csv}.report.jsonl`;
  if (resume && sameFile(file, resume)) return { file, append: true };
  // A dry run's report is only a preview: the real run may take its place.
  if (holdsText(file) && !isDryRunReport(file)) {
    throw new UsageError(
      `${file} already holds a report (or another file); to continue that run: --resume ${file}; ` +
        'to start another, pass another --report',
    );
  }
  return { file, append: false };
}

export { openReport, ReportWriteError, type ReportWriter } from './report-writer.js';
