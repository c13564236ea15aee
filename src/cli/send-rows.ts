// The CSV's rows as the client's inputs. A row that cannot be one, or that needs no request (done in an earlier run,
// a repeat of an earlier line, found by a forced resume's search), is reported here and never reaches the client.
import type { PartooClient, SendInvitationInput } from '../partoo/client.js';
import { toE164 } from '../partoo/phone.js';
import { csvRows, type CsvLayout, type CsvRow } from './csv-rows.js';
import { NumberLines } from './number-lines.js';
import { severalNumbers } from './phone-cell.js';
import { rowCountry, whyNoSms } from './phone-type.js';
import type { ReportLine } from './report.js';
import type { SendOptions } from './send-options.js';
import type { Settler } from './settle.js';

export type Client = PartooClient;

export interface Rows {
  o: SendOptions;
  client: Client;
  layout: CsvLayout;
  signal: AbortSignal;
  /** the row's line in the report */
  record(line: ReportLine): void;
  /** writes that the row's send starts: called, and written, before the input goes to the client */
  mark(line: number, phone: string): void;
  /** on a resume: searches for a number an earlier run may have sent */
  settler?: Settler;
  /** a row the earlier run's report holds as sent or skipped: passed over, counted as progress */
  doneEarlier(): void;
  /** each input's line in the CSV */
  lineOf: WeakMap<SendInvitationInput, number>;
}

type Cells = Extract<CsvRow, { cells: unknown }>;

/** Each row that needs a request, as the client's input; stops at the first row after the signal aborts. */
export async function* rowInputs(rows: Rows): AsyncGenerator<SendInvitationInput> {
  const seen = new NumberLines();
  for await (const row of csvRows(rows.o.csv, rows.layout)) {
    if (rows.signal.aborted) return;
    if ('error' in row) {
      rows.record(failed(row.line, '', 'CsvError', row.error));
      continue;
    }
    const input = await inputOf(rows, row, seen);
    if (input === undefined) continue;
    rows.lineOf.set(input, row.line);
    // After the wait of a settling search, an interrupt may have come: nothing more is started.
    if (rows.signal.aborted) return;
    // A number that cannot be one is refused by the client before any request: there is no send to mark.
    if (/^\+[1-9]\d{1,14}$/.test(input.targetPhone)) rows.mark(row.line, input.targetPhone);
    yield input;
  }
}

/** The row as an input, or undefined when it is settled here. */
async function inputOf(rows: Rows, { line, cells }: Cells, seen: NumberLines) {
  const { o } = rows;
  if (!cells.phone) {
    rows.record(failed(line, '', 'ValidationError', `line ${line}: the phone cell is empty or missing`));
    return undefined;
  }
  const country = rowCountry(cells.country, o.defaultCountry);
  if ('error' in country) {
    rows.record(failed(line, cells.phone, 'ValidationError', `line ${line}: ${country.error}`));
    return undefined;
  }
  const several = severalNumbers(cells.phone, country.ok);
  if (several) {
    const list = several.map((n) => JSON.stringify(n)).join(', ');
    const message = `line ${line}: the phone cell holds ${several.length} numbers (${list}); one number per row`;
    rows.record(failed(line, cells.phone, 'ValidationError', message));
    return undefined;
  }
  const phone = await toE164(cells.phone, country.ok);
  const noSms = phone.ok ? whyNoSms(phone.e164) : undefined;
  if (phone.ok && noSms) {
    rows.record(failed(line, phone.e164, 'ValidationError', `line ${line}: ${noSms}`));
    return undefined;
  }
  if (phone.ok && (await settledWithoutSend(rows, line, phone.e164, seen))) return undefined;
  const content = cells.content ?? o.content;
  const input: SendInvitationInput = {
    businessId: o.business,
    // An unparsable number goes to the client as written: its ValidationError names it and every other problem.
    targetPhone: phone.ok ? phone.e164 : cells.phone,
    ...(cells.name !== undefined && { targetName: cells.name }),
    ...(content !== undefined && { inviteContent: content }),
    ...(o.force && { force: true }),
    ...(o.stripNonAscii && { stripNonAscii: true }),
  };
  return input;
}

/**
 * Identity is (business, E.164 number), never the line: re-sorted and re-exported files resume right. True when the
 * number needs no request: done in an earlier run, repeated from an earlier line, or found by a resume's search.
 */
async function settledWithoutSend(rows: Rows, line: number, e164: string, seen: NumberLines): Promise<boolean> {
  if (rows.o.resume?.done.has(e164)) {
    rows.doneEarlier();
    return true;
  }
  const first = seen.get(e164);
  if (first !== undefined) {
    rows.record({ line, phone: e164, status: 'skipped', duplicateOfLine: first });
    return true;
  }
  seen.add(e164, line);
  // Forced or not, a send that may have gone out is searched for first, once it has had time to land: the
  // guard's own search, made at once, could miss a POST still travelling, and a forced send makes none.
  const since = rows.o.resume?.unknownSince.get(e164);
  return since && rows.settler ? rows.settler.settle(line, e164, since) : false;
}

export const failed = (line: number, phone: string, name: string, message: string): ReportLine => ({
  line,
  phone,
  status: 'failed',
  error: { name, message: inCliTerms(message) },
});

/** The client's advice names its option; on the command line it is a flag. */
export const inCliTerms = (message: string) => message.replace('pass stripNonAscii: true', 'pass --strip-non-ascii');
