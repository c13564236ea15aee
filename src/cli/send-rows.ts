// The CSV's rows as the client's inputs. A row that cannot be one, or that needs no request (done in an earlier run,
// a repeat of an earlier line, found by a forced resume's search), is reported here and never reaches the client.
import type { createPartooClient } from '../index.js';
import type { SendInvitationInput } from '../partoo/client.js';
import { toE164 } from '../partoo/phone.js';
import { csvRows, type CsvLayout, type CsvRow } from './csv-rows.js';
import { NumberLines } from './number-lines.js';
import { severalNumbers } from './phone-cell.js';
import { rowCountry, whyNoSms } from './phone-type.js';
import type { ReportLine } from './report.js';
import type { SendOptions } from './send-options.js';

export type Client = ReturnType<typeof createPartooClient>;

export interface Rows {
  o: SendOptions;
  client: Client;
  layout: CsvLayout;
  signal: AbortSignal;
  /** the row's line in the report */
  record(line: ReportLine): void;
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
 * number needs no request: done in an earlier run, repeated from an earlier line, or found by a forced resume.
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
  const since = rows.o.force ? rows.o.resume?.unknownSince.get(e164) : undefined;
  return since ? foundBySearch(rows, line, e164, since) : false;
}

/**
 * Forced, the guard searches nothing before its POST: a send that may have gone out in an earlier run is looked for
 * here, so that a forced resume does not send it a second time. A search that fails leaves the outcome unknown.
 */
async function foundBySearch(rows: Rows, line: number, e164: string, since: Date): Promise<boolean> {
  let found: { id: string } | undefined;
  try {
    found = await firstInvitation(rows.client, rows.o.business, e164, since);
  } catch (e) {
    const { name, message } = e as Error;
    const error = { name, message, outcomeUnknown: true as const, since: since.toISOString() };
    rows.record({ line, phone: e164, status: 'failed', error });
    return true;
  }
  if (!found) return false;
  rows.record({ line, phone: e164, status: 'skipped', lastInvitationId: found.id, settledBy: 'search' });
  return true;
}

async function firstInvitation(client: Client, businessId: string, targetPhone: string, after: Date) {
  const invitations = client.reviewBooster.searchInvitations({ businessId, targetPhone, after });
  for await (const invitation of invitations) return invitation;
  return undefined;
}

export const failed = (line: number, phone: string, name: string, message: string): ReportLine => ({
  line,
  phone,
  status: 'failed',
  error: { name, message: inCliTerms(message) },
});

/** The client's advice names its option; on the command line it is a flag. */
export const inCliTerms = (message: string) => message.replace('pass stripNonAscii: true', 'pass --strip-non-ascii');
