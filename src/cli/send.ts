// `partoo-argyle-sdk send`: a day's invitations from a CSV, streamed, guarded, rate-limited, with a report that
// `--resume` reads back: a number it holds as sent or skipped is never requested again, whatever its line.
import { realpathSync, statSync } from 'node:fs';
import { ConnectionError, createPartooClient, ValidationError, type BulkOutcome } from '../index.js';
import type { SkippedResult } from '../partoo/guard/guarded-send.js';
import type { SendInvitationInput } from '../partoo/client.js';
import { unreadColumns } from './csv-columns.js';
import { readLayout, type CsvLayout } from './csv-rows.js';
import { lockReport } from './report-lock.js';
import { EXIT, UsageError } from './errors.js';
import { createTally, type Tally } from './tally.js';
import { resumeCommand } from './resume-command.js';
import {
  chooseReport,
  clearPreview,
  openReport,
  readReport,
  ReportWriteError,
  type ReportLine,
  type ReportWriter,
  type RunParams,
} from './report.js';
import { isFsFailure, notStartedError, stoppedError } from './report-errors.js';
import { createSettler, DEFAULT_SETTLE_MS } from './settle.js';
import { failed, inCliTerms, rowInputs, type Client } from './send-rows.js';
import { sendOptions, SEND_USAGE, type SendOptions } from './send-options.js';
import { packageVersion } from './version.js';
import { systemRuntime } from '../core/runtime.js';

const line = (...args: unknown[]) =>
  console.error(`partoo-argyle-sdk: ${String(args.find((a) => typeof a === 'string'))}`);
const STDERR_LOGGER = { error: line, warn: line, info: line, debug: line };

/** A CSV that is not there or not a file is "could not run" (exit 1), not usage. */
function checkReadable(csv: string, recorded: boolean) {
  let isFile: boolean;
  try {
    isFile = statSync(csv).isFile();
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    // The report names the file the run read: a re-export may sit elsewhere now.
    const hint = recorded ? '; the report names it: pass the file with --csv' : '';
    throw new Error(`--csv: cannot read ${csv} (${why})${hint}`, { cause: e });
  }
  if (!isFile) throw new Error(`--csv: ${csv} is not a file`);
}

function warnIgnoredColumns(layout: CsvLayout) {
  const ignored = unreadColumns(layout.header, layout.map);
  if (ignored.length) {
    const names = ignored.map((c) => `"${c}"`).join(', ');
    const read = layout.header.filter((c) => !ignored.includes(c)).map((c) => `"${c}"`);
    console.error(`note: columns ${names} are not read (the columns read: ${read.join(', ')})`);
  }
}

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

/** The report, opened under its lock; a fresh one created only if no other run created it meanwhile. */
function openOrRelease(target: { file: string; append: boolean }, exclusive: boolean, lock: { release(): void }) {
  try {
    if (exclusive && !target.append) clearPreview(target.file);
    return openReport(target.file, target.append, exclusive);
  } catch (e) {
    lock.release();
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    throw new UsageError(`${target.file} was created by another run meanwhile: resume it with --resume; nothing sent`);
  }
}

/**
 * The lock, then the report (re-read under the lock: a run that ended while this one read the file has written
 * more), then its first line. A file that cannot be written stops the run here, before any send.
 */
function openForRun(o: SendOptions, target: { file: string; append: boolean }, head: () => object, at: string) {
  let lock: { release(): void };
  try {
    lock = lockReport(target.file, at);
  } catch (e) {
    throw isFsFailure(e) ? notStartedError(e, `${target.file}.lock`) : e;
  }
  let report: ReportWriter | undefined;
  try {
    if (o.resume) Object.assign(o.resume, readReport(o.resume.file));
    report = openOrRelease(target, !o.dryRun, lock);
    report.write(head());
    return { lock, report };
  } catch (e) {
    report?.close();
    lock.release();
    if (e instanceof ReportWriteError && isFsFailure(e.cause)) throw notStartedError(e.cause, e.file);
    throw e;
  }
}

export async function send(args: string[]): Promise<void> {
  const o = sendOptions(args, process.env);
  if (!o) return void console.log(SEND_USAGE);
  checkReadable(o.csv, o.csvFromReport);
  // Everything that can be wrong with the file or the flags is found here, before any request.
  const layout = await readLayout(o.csv, { encoding: o.encoding, delimiter: o.delimiter, phoneColumn: o.phoneColumn });
  warnIgnoredColumns(layout);
  const target = chooseReport({ report: o.report, resume: o.resume?.file, csv: o.csv, dryRun: o.dryRun });
  noteEarlierReport(o);
  // The run's settle time, kept by its resumes: the sends it leaves in flight are waited for as long.
  o.settleMs ??= o.resume?.run?.settleMs ?? undefined;
  const client = clientFor(o);
  if (o.content !== undefined) await checkContent(client, o);
  const at = new Date(systemRuntime.now()).toISOString();
  const { lock, report } = openForRun(o, target, () => headLine(o, layout, target.append, at), at);
  const tally = createTally(report, layout.lines, !o.dryRun);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await sendRows(o, client, layout, tally, controller.signal, at);
  } catch (e) {
    if (!(e instanceof ReportWriteError)) throw e;
    const [recorded, unrecorded] = [tally.counts.sent, tally.inFlight.size];
    throw stoppedError(e, { recorded, unrecorded, report: target.file, resume: resumeCommand(o, target.file) });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    tally.progress.stop();
    report.close();
    lock.release();
  }
  finish(o, tally, target.file, controller.signal.aborted);
}

function noteEarlierReport(o: SendOptions) {
  if (o.resume && !o.resume.run) {
    console.error(`note: ${o.resume.file} has no run line (an older version wrote it): the flags given are used`);
  }
  if (o.resume?.unreadable) {
    console.error(
      `note: ${o.resume.unreadable} line(s) of ${o.resume.file} cannot be read (a run cut short ` +
        "mid-write); their rows go through Partoo's check again",
    );
  }
}

function clientFor(o: SendOptions): Client {
  // Keys come from the environment only (PARTOO_API_KEY): never from a flag, which shells keep in history.
  return createPartooClient({
    baseUrl: o.baseUrl,
    environment: o.environment,
    defaultCountry: o.defaultCountry,
    rateLimit: { requestsPerMinute: o.requestsPerMinute },
    guard: { check: o.check, ...(o.settleMs !== undefined && { settleMs: o.settleMs }) },
    // stdout carries the summary; what the SDK says goes to stderr, one line each.
    logger: STDERR_LOGGER,
    ...(o.verbose && { logLevel: 'info' as const }),
  });
}

/** The report's first line: how the run was made (never the key), or, on a resume, what this resumption reads. */
function headLine(o: SendOptions, layout: CsvLayout, append: boolean, at: string): object {
  const run: RunParams = {
    business: o.business,
    content: o.content ?? null,
    defaultCountry: o.defaultCountry ?? null,
    force: o.force,
    check: o.check,
    stripNonAscii: o.stripNonAscii,
    baseUrl: o.baseUrl ?? null,
    environment: o.environment ?? null,
    dryRun: o.dryRun,
    csv: realpathSync(o.csv),
    delimiter: layout.delimiter,
    encoding: layout.encoding,
    phoneColumn: o.phoneColumn ?? null,
    settleMs: o.settleMs ?? null,
  };
  return append
    ? { resumed: { at, check: o.check, csv: run.csv, delimiter: run.delimiter, encoding: run.encoding } }
    : { run, startedAt: at, version: packageVersion() };
}

async function sendRows(
  o: SendOptions,
  client: Client,
  layout: CsvLayout,
  tally: Tally,
  signal: AbortSignal,
  at: string,
) {
  const lineOf = new WeakMap<SendInvitationInput, number>();
  const { record, mark } = tally;
  const settleMs = o.settleMs ?? DEFAULT_SETTLE_MS;
  const settler =
    o.resume && !o.dryRun
      ? createSettler({ client, business: o.business, report: o.resume, settleMs, signal, record })
      : undefined;
  const doneEarlier = tally.passDoneEarlier;
  const inputs = rowInputs({ o, client, layout, signal, record, mark, settler, doneEarlier, lineOf });
  if (o.dryRun) {
    for await (const input of inputs) record(await describe(input, lineOf.get(input)!, client));
    return;
  }
  const outcomes = client.reviewBooster.sendInvitations(inputs, { concurrency: o.concurrency, signal });
  for await (const out of outcomes) record(outcomeLine(lineOf.get(out.input)!, out, at));
}

/** `at`: when this run started, where a forced resume's search for an unknown outcome begins. */
function outcomeLine(line: number, out: BulkOutcome<SendInvitationInput>, at: string): ReportLine {
  if (out.status === 'sent') return { line, phone: out.targetPhone, status: 'sent', invitationId: out.invitationId };
  if (out.status === 'skipped') return skipped(line, out);
  const { name } = out.error;
  const message = inCliTerms(out.error.message);
  const unknown = isOutcomeUnknown(out.error) && { outcomeUnknown: true as const, since: at };
  return { line, phone: out.input.targetPhone, status: 'failed', error: { name, message, ...unknown } };
}

/** The summary on stdout and the exit status; an interrupted or partly failed run says how to continue it. */
function finish(o: SendOptions, tally: Tally, report: string, interrupted: boolean) {
  const { counts, unknownOutcomes, doneEarlier } = tally;
  const summary = o.dryRun
    ? `dry run: ${counts.would_send} would be sent, ${counts.skipped} skipped, ${counts.failed} failed; 0 sent`
    : `${counts.sent} sent, ${counts.skipped} skipped, ${counts.failed} failed` +
      (unknownOutcomes ? ` (${unknownOutcomes} may have been sent: --resume checks them with a search first)` : '');
  const earlier = o.resume ? `; ${doneEarlier} done earlier per ${o.resume.file} (not requested again)` : '';
  console.log(`${summary}${earlier}; report: ${report}`);
  if (interrupted) {
    console.log(
      o.dryRun
        ? 'interrupted: a dry run sends nothing; run it again to check every row'
        : `interrupted: to send the rest exactly once, run:\n  ${resumeCommand(o, report)}`,
    );
    process.exitCode = EXIT.interrupted;
  } else if (counts.failed > 0) {
    // A batch that went to its end with failed rows must not look like a clean run to a cron job or a pipeline.
    if (!o.dryRun) {
      console.log(
        `${counts.failed} row(s) failed (the report names them); once fixed, send them with:\n  ` +
          resumeCommand(o, report),
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

/** Skipped by Partoo's own record: the invitation that stands in the window, and when the next may go. */
const skipped = (line: number, r: SkippedResult): ReportLine => ({
  line,
  phone: r.targetPhone,
  status: 'skipped',
  lastInvitationId: r.lastInvitation.id,
  nextAllowedAt: r.nextAllowedAt.toISOString(),
});

const isOutcomeUnknown = (e: unknown) => e instanceof ConnectionError && e.outcomeUnknown;
