// `partoo-argyle-sdk send --csv <file> --business <id>`: a day's invitations from a CSV, streamed, guarded,
// rate-limited, with a JSON-lines report that `--resume` reads back so no row is ever sent twice.
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse';
import { ConnectionError, createPartooClient } from './index.js';
import type { SendInvitationInput } from './wrapper/partoo.js';

export class UsageError extends Error {}

/** The batch ran to its end, but some rows failed (bad input, or an error the report names): 0 is a clean run. */
export const EXIT_ROWS_FAILED = 3;

/** Each row's CSV line, kept beside the input (the input itself must hold only what the API takes). */
const lineOf = new WeakMap<SendInvitationInput, number>();

export interface ReportLine {
  line: number;
  phone: string;
  status: 'sent' | 'skipped' | 'would_send' | 'failed';
  invitationId?: string;
  lastInvitationId?: string;
  nextAllowedAt?: string;
  /** `outcomeUnknown`: the send may have gone out; `--resume` checks it with a search before anything else */
  error?: { name: string; message: string; outcomeUnknown?: true };
}

/** Lines already sent or skipped in an earlier report: a resumed run leaves them alone. */
function doneLines(reportFile: string): Set<number> {
  if (!existsSync(reportFile)) throw new UsageError(`--resume: no report at ${reportFile}`);
  const done = new Set<number>();
  for (const text of readFileSync(reportFile, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    try {
      const line = JSON.parse(text) as ReportLine;
      if (line.status === 'sent' || line.status === 'skipped') done.add(line.line);
    } catch {
      // A line cut short by a crash is simply not counted as done.
    }
  }
  return done;
}

async function* rows(file: string, businessId: string, content: string | undefined, skip: Set<number>, bad: (r: ReportLine) => void): AsyncGenerator<SendInvitationInput> {
  const parser = createReadStream(file).pipe(parse({ columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true, relax_column_count: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    const line = info.lines;
    if (skip.has(line)) continue;
    if (!record.phone) {
      bad({ line, phone: '', status: 'failed', error: { name: 'ValidationError', message: 'the phone column is empty or missing' } });
      continue;
    }
    const input: SendInvitationInput = {
      businessId,
      targetPhone: record.phone,
      ...(record.name && { targetName: record.name }),
      ...((record.content || content) && { inviteContent: record.content || content }),
    };
    lineOf.set(input, line);
    yield input;
  }
}

export async function send(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      csv: { type: 'string' },
      business: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '4' },
      report: { type: 'string' },
      resume: { type: 'string' },
      'default-country': { type: 'string' },
      content: { type: 'string' },
      'base-url': { type: 'string' },
      environment: { type: 'string' },
      'requests-per-minute': { type: 'string', default: '300' },
    },
  });
  if (!values.csv) throw new UsageError('--csv <file> is required (columns: phone, name, optional content)');
  if (!values.business) throw new UsageError('--business <id> is required');
  if (!existsSync(values.csv)) throw new UsageError(`--csv: no file at ${values.csv}`);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency must be an integer from 1 to 64, not "${values.concurrency}"`);
  const rpm = Number(values['requests-per-minute']);
  if (!Number.isFinite(rpm) || rpm < 1) throw new UsageError(`--requests-per-minute must be a positive number (your organization's Partoo limit), not "${values['requests-per-minute']}"`);
  const skip = values.resume ? doneLines(values.resume) : new Set<number>();
  const reportFile = values.report ?? `${values.csv}.report.jsonl`;
  // Keys come from the environment only (PARTOO_API_KEY): never from a flag, which shells keep in history.
  const client = createPartooClient({
    baseUrl: values['base-url'] ?? process.env.PARTOO_BASE_URL,
    environment: values.environment as 'production' | 'sandbox' | undefined,
    defaultCountry: values['default-country'],
    rateLimit: { requestsPerMinute: rpm },
  });
  const report = createWriteStream(reportFile, { flags: values.resume && values.resume === reportFile ? 'a' : 'w' });
  const write = (r: ReportLine) => report.write(`${JSON.stringify(r)}\n`);
  const counts = { sent: 0, skipped: 0, would_send: 0, failed: 0 };
  let unknownOutcomes = 0;
  const count = (r: ReportLine) => {
    counts[r.status]++;
    if (r.error?.outcomeUnknown) unknownOutcomes++;
    write(r);
  };
  const progress = createProgress();
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const source = rows(values.csv, values.business, values.content, skip, count);
  try {
    if (values['dry-run']) {
      for await (const row of source) {
        if (controller.signal.aborted) break;
        count(await describe(row, lineOf.get(row)!, () => client.reviewBooster.checkInvitation(row)));
        progress.tick(counts);
      }
    } else {
      const outcomes = client.reviewBooster.sendInvitations(source, { concurrency, signal: controller.signal });
      for await (const o of outcomes) {
        const row = o.input;
        const line = lineOf.get(row)!;
        count(
          o.status === 'failed'
            ? { line, phone: row.targetPhone, status: 'failed', error: { name: o.error.name, message: o.error.message, ...(isOutcomeUnknown(o.error) && { outcomeUnknown: true }) } }
            : o.status === 'sent'
              ? { line, phone: o.targetPhone, status: 'sent', invitationId: o.invitationId }
              : { line, phone: o.targetPhone, status: 'skipped', lastInvitationId: o.lastInvitation.id, nextAllowedAt: o.nextAllowedAt.toISOString() },
        );
        progress.tick(counts);
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.stop();
    report.end();
    await once(report, 'close');
  }
  const summary = values['dry-run']
    ? `dry run: ${counts.would_send} would be sent, ${counts.skipped} skipped, ${counts.failed} bad rows; 0 sent`
    : `${counts.sent} sent, ${counts.skipped} skipped, ${counts.failed} failed${unknownOutcomes ? ` (${unknownOutcomes} may have been sent: --resume checks them with a search first)` : ''}`;
  console.log(`${summary}${skip.size ? ` (${skip.size} rows done earlier)` : ''}; report: ${reportFile}`);
  if (controller.signal.aborted) {
    console.log(`interrupted: run again with --resume ${reportFile} to send the rest exactly once`);
    process.exitCode = 130;
  } else if (counts.failed > 0) {
    // A batch that went to its end with failed rows must not look like a clean run to a cron job or a pipeline.
    process.exitCode = EXIT_ROWS_FAILED;
  }
}

async function describe(row: SendInvitationInput, line: number, check: () => ReturnType<ReturnType<typeof createPartooClient>['reviewBooster']['checkInvitation']>): Promise<ReportLine> {
  try {
    const r = await check();
    return r.status === 'would_send'
      ? { line, phone: r.targetPhone, status: 'would_send' }
      : { line, phone: r.targetPhone, status: 'skipped', lastInvitationId: r.lastInvitation.id, nextAllowedAt: r.nextAllowedAt.toISOString() };
  } catch (e) {
    return { line, phone: row.targetPhone, status: 'failed', error: { name: (e as Error).name, message: (e as Error).message } };
  }
}

const isOutcomeUnknown = (e: unknown) => e instanceof ConnectionError && e.outcomeUnknown;

/** A bar on a terminal (cli-progress); a plain line every 100 rows elsewhere (CI logs, pipes). */
function createProgress() {
  type Counts = Record<'sent' | 'skipped' | 'would_send' | 'failed', number>;
  const total = (c: Counts) => c.sent + c.skipped + c.would_send + c.failed;
  if (process.stderr.isTTY) {
    let bar: import('cli-progress').SingleBar | undefined;
    const require = createRequire(import.meta.url);
    return {
      tick(c: Counts) {
        if (!bar) {
          // Loaded lazily: only a terminal needs it.
          const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
          bar = new SingleBar({ format: '{value} rows | {sent} sent, {skipped} skipped, {failed} failed', stream: process.stderr }, Presets.shades_classic);
          bar.start(0, 0, c);
        }
        bar.update(total(c), c);
      },
      stop: () => bar?.stop(),
    };
  }
  return {
    tick(c: Counts) {
      if (total(c) % 100 === 0) console.error(`progress: ${total(c)} rows (${c.sent} sent, ${c.skipped} skipped, ${c.would_send} would send, ${c.failed} failed)`);
    },
    stop() {},
  };
}
