// `partoo-argyle-sdk send`: a day's invitations from a CSV, streamed, guarded, rate-limited, with a report that
// `--resume` reads back: a number it holds as sent or skipped is never requested again, whatever its line.
import { realpathSync, statSync } from 'node:fs';
import { ConnectionError, createPartooClient, ValidationError } from '../index.js';
import type { SkippedResult } from '../partoo/guard/guarded-send.js';
import type { SendInvitationInput } from '../partoo/client.js';
import { toE164 } from '../partoo/phone.js';
import { COLUMNS, csvRows, readLayout, type CsvLayout } from './csv-rows.js';
import { EXIT, UsageError } from './errors.js';
import { NumberLines } from './number-lines.js';
import { severalNumbers } from './phone-cell.js';
import { createProgress, type Counts } from './progress.js';
import { chooseReport, openReport, type ReportLine, type RunParams } from './report.js';
import { sendOptions, SEND_USAGE, type SendOptions } from './send-options.js';
import { packageVersion } from './version.js';

type Client = ReturnType<typeof createPartooClient>;

const line = (...args: unknown[]) =>
  console.error(`partoo-argyle-sdk: ${String(args.find((a) => typeof a === 'string'))}`);
const STDERR_LOGGER = { error: line, warn: line, info: line, debug: line };

const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The shortest command that continues this run: the report holds the rest of its parameters. */
function resumeCommand(o: SendOptions, report: string): string {
  const flags = [
    ['--resume', report],
    ['--csv', o.csv],
    ['--delimiter', o.given.delimiter],
    ['--encoding', o.given.encoding],
    ['--concurrency', o.given.concurrency],
    ['--requests-per-minute', o.given.requestsPerMinute],
    ['--settle-ms', o.given.settleMs],
  ].filter((f): f is [string, string] => f[1] !== undefined);
  return `npx partoo-argyle-sdk send ${flags.map(([f, v]) => `${f} ${quote(v)}`).join(' ')}`;
}

/** A CSV that is not there or not a file is "could not run" (exit 1), not usage. */
function checkReadable(csv: string, recorded: boolean) {
  let isFile: boolean;
  try {
    isFile = statSync(csv).isFile();
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    // The report names the file the run read: a re-export may sit elsewhere now.
    const hint = recorded ? '; the report names it: pass the file with --csv' : '';
    throw new Error(`--csv: cannot read ${csv} (${why})${hint}`);
  }
  if (!isFile) throw new Error(`--csv: ${csv} is not a file`);
}

function warnIgnoredColumns(layout: CsvLayout) {
  const known: readonly string[] = [...COLUMNS.required, ...COLUMNS.optional];
  const ignored = layout.columns.filter((c) => c && !known.includes(c));
  if (ignored.length) {
    const names = ignored.map((c) => `"${c}"`).join(', ');
    console.error(`note: columns ${names} are not read (the columns read: ${known.join(', ')})`);
  }
}

const failed = (line: number, phone: string, name: string, message: string): ReportLine => ({
  line,
  phone,
  status: 'failed',
  error: { name, message: inCliTerms(message) },
});

/** The client's advice names its option; on the command line it is a flag. */
const inCliTerms = (message: string) => message.replace('pass stripNonAscii: true', 'pass --strip-non-ascii');

/**
 * `--content` goes into every row: checked once, before the report is opened, by the client's own rules. A forced
 * check validates and returns without a request (no ledger, no search), so nothing leaves the process here.
 */
async function checkContent(client: Client, o: SendOptions) {
  try {
    const input = { businessId: o.business, targetPhone: '+33601020304', inviteContent: o.content, force: true };
    await client.reviewBooster.checkInvitation({ ...input, stripNonAscii: o.stripNonAscii });
  } catch (e) {
    const problems = e instanceof ValidationError ? e.issues.filter((i) => i.field === 'inviteContent') : [];
    if (!problems.length) throw e;
    throw new UsageError(`--content: ${problems.map((p) => inCliTerms(p.message)).join('; ')}; nothing was sent`);
  }
}

export async function send(args: string[]): Promise<void> {
  const options = sendOptions(args, process.env);
  if (!options) return void console.log(SEND_USAGE);
  const o = options;
  checkReadable(o.csv, o.csvFromReport);
  // Everything that can be wrong with the file or the flags is found here, before any request.
  const layout = await readLayout(o.csv, { encoding: o.encoding, delimiter: o.delimiter });
  warnIgnoredColumns(layout);
  const target = chooseReport({ report: o.report, resume: o.resume?.file, csv: o.csv, dryRun: o.dryRun });
  if (o.resume && !o.resume.run) {
    console.error(`note: ${o.resume.file} has no run line (an older version wrote it): the flags given are used`);
  }
  if (o.resume?.unreadable) {
    console.error(
      `note: ${o.resume.unreadable} line(s) of ${o.resume.file} cannot be read (a run cut short ` +
        "mid-write); their rows go through Partoo's check again",
    );
  }
  // Keys come from the environment only (PARTOO_API_KEY): never from a flag, which shells keep in history.
  const client = createPartooClient({
    baseUrl: o.baseUrl,
    environment: o.environment,
    defaultCountry: o.defaultCountry,
    rateLimit: { requestsPerMinute: o.requestsPerMinute },
    ...(o.settleMs !== undefined && { guard: { settleMs: o.settleMs } }),
    // stdout carries the summary; what the SDK says goes to stderr, one line each.
    logger: STDERR_LOGGER,
    ...(o.verbose && { logLevel: 'info' as const }),
  });
  if (o.content !== undefined) await checkContent(client, o);
  const report = openReport(target.file, target.append);
  const run: RunParams = {
    business: o.business,
    content: o.content ?? null,
    defaultCountry: o.defaultCountry ?? null,
    force: o.force,
    stripNonAscii: o.stripNonAscii,
    baseUrl: o.baseUrl ?? null,
    environment: o.environment ?? null,
    dryRun: o.dryRun,
    csv: realpathSync(o.csv),
    delimiter: layout.delimiter,
    encoding: layout.encoding,
  };
  const at = new Date().toISOString();
  report.write(
    target.append
      ? { resumed: { at, csv: run.csv, delimiter: run.delimiter, encoding: run.encoding } }
      : { run, startedAt: at, version: packageVersion() },
  );

  const counts: Counts = { sent: 0, skipped: 0, would_send: 0, failed: 0 };
  let unknownOutcomes = 0;
  let doneEarlier = 0;
  const progress = createProgress(layout.lines);
  const record = (r: ReportLine) => {
    counts[r.status]++;
    if (r.error?.outcomeUnknown) unknownOutcomes++;
    report.write(r);
    progress.tick(counts, doneEarlier);
  };
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const lineOf = new WeakMap<SendInvitationInput, number>();
  const done = o.resume?.done ?? new NumberLines();
  const seen = new NumberLines();
  /** Rows as inputs; a row that cannot be one is reported here and never reaches the client. */
  async function* inputs(): AsyncGenerator<SendInvitationInput> {
    for await (const row of csvRows(o.csv, layout)) {
      if (controller.signal.aborted) return;
      if ('error' in row) {
        record(failed(row.line, '', 'CsvError', row.error));
        continue;
      }
      const { line, cells } = row;
      if (!cells.phone) {
        record(failed(line, '', 'ValidationError', `line ${line}: the phone cell is empty or missing`));
        continue;
      }
      const several = severalNumbers(cells.phone, o.defaultCountry);
      if (several) {
        const list = several.map((n) => JSON.stringify(n)).join(', ');
        const message = `line ${line}: the phone cell holds ${several.length} numbers (${list}); one number per row`;
        record(failed(line, cells.phone, 'ValidationError', message));
        continue;
      }
      const phone = await toE164(cells.phone, o.defaultCountry);
      if (phone.ok) {
        // Identity is (business, E.164 number), never the line: re-sorted and re-exported files resume right.
        if (done.has(phone.e164)) {
          doneEarlier++;
          progress.tick(counts, doneEarlier);
          continue;
        }
        const first = seen.get(phone.e164);
        if (first !== undefined) {
          record({ line, phone: phone.e164, status: 'skipped', duplicateOfLine: first });
          continue;
        }
        seen.add(phone.e164, line);
        const since = o.force ? o.resume?.unknownSince.get(phone.e164) : undefined;
        if (since) {
          // Forced, the guard searches nothing before its POST: a send that may have gone out in an earlier run
          // is looked for here, so that a forced resume does not send it a second time.
          let found: { id: string } | undefined;
          try {
            found = await firstInvitation(client, o.business, phone.e164, since);
          } catch (e) {
            const { name, message } = e as Error;
            const error = { name, message, outcomeUnknown: true as const, since: since.toISOString() };
            record({ line, phone: phone.e164, status: 'failed', error });
            continue;
          }
          if (found) {
            record({ line, phone: phone.e164, status: 'skipped', lastInvitationId: found.id, settledBy: 'search' });
            continue;
          }
        }
      }
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
      lineOf.set(input, line);
      yield input;
    }
  }

  try {
    if (o.dryRun) {
      for await (const input of inputs()) record(await describe(input, lineOf.get(input)!, client));
    } else {
      const { signal } = controller;
      const outcomes = client.reviewBooster.sendInvitations(inputs(), { concurrency: o.concurrency, signal });
      for await (const out of outcomes) {
        const line = lineOf.get(out.input)!;
        const phone = out.status === 'failed' ? out.input.targetPhone : out.targetPhone;
        if (out.status === 'sent') record({ line, phone, status: 'sent', invitationId: out.invitationId });
        else if (out.status === 'skipped') record(skipped(line, out));
        else {
          const { name } = out.error;
          const message = inCliTerms(out.error.message);
          const unknown = isOutcomeUnknown(out.error) && { outcomeUnknown: true as const, since: at };
          const error = { name, message, ...unknown };
          record({ line, phone, status: 'failed', error });
        }
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.stop();
    report.close();
  }
  const summary = o.dryRun
    ? `dry run: ${counts.would_send} would be sent, ${counts.skipped} skipped, ${counts.failed} failed; 0 sent`
    : `${counts.sent} sent, ${counts.skipped} skipped, ${counts.failed} failed` +
      (unknownOutcomes ? ` (${unknownOutcomes} may have been sent: --resume checks them with a search first)` : '');
  const earlier = o.resume ? `; ${doneEarlier} done earlier per ${o.resume.file} (not requested again)` : '';
  console.log(`${summary}${earlier}; report: ${target.file}`);
  if (controller.signal.aborted) {
    console.log(
      o.dryRun
        ? 'interrupted: a dry run sends nothing; run it again to check every row'
        : `interrupted: to send the rest exactly once, run:\n  ${resumeCommand(o, target.file)}`,
    );
    process.exitCode = EXIT.interrupted;
  } else if (counts.failed > 0) {
    // A batch that went to its end with failed rows must not look like a clean run to a cron job or a pipeline.
    if (!o.dryRun) {
      console.log(
        `${counts.failed} row(s) failed (the report names them); once fixed, send them with:\n  ` +
          resumeCommand(o, target.file),
      );
    }
    process.exitCode = EXIT.rowsFailed;
  }
}

async function describe(input: SendInvitationInput, line: number, client: Client): Promise<ReportLine> {
  try {
    const r = await client.reviewBooster.checkInvitation(input);
    return r.status === 'would_send' ? { line, phone: r.targetPhone, status: 'would_send' } : skipped(line, r);
  } catch (e) {
    return failed(line, input.targetPhone, (e as Error).name, (e as Error).message);
  }
}

async function firstInvitation(client: Client, businessId: string, targetPhone: string, after: Date) {
  const invitations = client.reviewBooster.searchInvitations({ businessId, targetPhone, after });
  for await (const invitation of invitations) return invitation;
  return undefined;
}

/** Skipped by Partoo's own record: the invitation that stands in the window, and when the next may go. */
const skipped = (line: number, r: SkippedResult): ReportLine => ({
  line,
  phone: r.targetPhone,
  status: 'skipped',
  lastInvitationId: r.lastInvitation.id,
  nextAllowedAt: r.nextAllowedAt.toISOString(),
});

const isOutcomeUnknown = (e: unknown) => e instanceof ConnectionError && e.outcomeUnknown;
