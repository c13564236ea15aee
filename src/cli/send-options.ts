// `send`'s flags: parsed, checked before anything is read or sent, and merged with the run a report records.
import { parseArgs } from 'node:util';
import { isSupportedCountry } from 'libphonenumber-js/max';
import type { GuardCheck } from '../index.js';
import { asUsageError, UsageError } from './errors.js';
import { readReport, type EarlierReport, type RunParams } from './report.js';
import { delimiterOf } from './csv-rows.js';
import { encodingName } from './decode.js';

export const SEND_USAGE = `Usage: partoo-argyle-sdk send --csv <file> --business <id> [options]
       partoo-argyle-sdk send --resume <report> [--csv <re-exported file>]

Sends one review invitation SMS per CSV row (columns: phone, name, optional content), with the key from
PARTOO_API_KEY (never a flag). A report records the run: --resume takes its business, content, default
country, force and base URL from it, and sends only the numbers it does not hold as sent or skipped.

Options:
  --csv <file>               the rows; a header line names the columns (delimiter , ; or tab, detected)
  --business <id>            the Partoo business the invitations are sent for
  --content "text @link"     the SMS text for rows without a content cell (default: the business's template)
  --default-country FR       the country of numbers written without +country
  --force                    send even to numbers invited within Partoo's 10-day window
  --check search-first|send-first
                             search-first (default): Partoo's search, then the POST (2 requests an SMS);
                             send-first: the POST at once, the search only when Partoo refuses it (1 request
                             an SMS), resting on Partoo's own 10-day rule; forced sends always search first
  --strip-non-ascii          drop the characters Partoo would remove from the SMS text (é, à, ...), not refuse it
  --dry-run                  validate and check every row, send nothing (report: <csv>.dry-run.jsonl)
  --report <file>            default <csv>.report.jsonl; with --resume, the resumed report (appended to)
  --resume <report>          continue a run: numbers the report holds as sent or skipped are not sent again
  --delimiter <c>            , ; or tab when detection is not enough
  --encoding <name>          for files that are not UTF-8, e.g. windows-1252 (Excel on Windows), macintosh
  --phone-column <header>    the column to read numbers from (default: Mobile, Portable, Cell... else Phone)
  --concurrency <n>          sends in flight, 1 to 64 (default 4)
  --requests-per-minute <n>  your organization's Partoo limit (default 300)
  --settle-ms <n>            after a send whose outcome is unknown, the wait before the search that decides
                             whether it went out (default 30000: a request may still be travelling)
  --base-url <url>           another Partoo server (a mock); --environment sandbox|production
  --verbose                  say why each row was sent or skipped, on stderr (as PARTOO_ARGYLE_SDK_LOG=info;
                             =debug adds every HTTP attempt)
  --help

Exit status: 0 every row sent or skipped, 1 could not run (no key, an unreadable file), 2 bad usage (nothing
sent), 3 the batch ran to its end with failed rows, 130 interrupted (the message prints the --resume command).`;

export interface SendOptions {
  csv: string;
  /** the CSV is the one the resumed report names (no --csv given) */
  csvFromReport: boolean;
  business: string;
  content?: string;
  defaultCountry?: string;
  force: boolean;
  /** what decides a send to a number the guard does not know: Partoo's search first, or the POST */
  check: GuardCheck;
  stripNonAscii: boolean;
  baseUrl?: string;
  environment?: 'production' | 'sandbox';
  dryRun: boolean;
  concurrency: number;
  requestsPerMinute: number;
  settleMs?: number;
  /** log the guard's decisions (info) on stderr */
  verbose: boolean;
  report?: string;
  resume?: EarlierReport;
  delimiter?: string;
  encoding?: string;
  /** the header of the column to read numbers from, when the aliases are not enough */
  phoneColumn?: string;
  /** the file-reading and pace flags as given, for the --resume command printed on an interrupt */
  given: { delimiter?: string; encoding?: string; concurrency?: string; requestsPerMinute?: string; settleMs?: string };
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        csv: { type: 'string' },
        business: { type: 'string' },
        content: { type: 'string' },
        'default-country': { type: 'string' },
        force: { type: 'boolean' },
        check: { type: 'string' },
        'strip-non-ascii': { type: 'boolean' },
        'dry-run': { type: 'boolean', default: false },
        report: { type: 'string' },
        resume: { type: 'string' },
        delimiter: { type: 'string' },
        encoding: { type: 'string' },
        'phone-column': { type: 'string' },
        concurrency: { type: 'string' },
        'requests-per-minute': { type: 'string' },
        'settle-ms': { type: 'string' },
        verbose: { type: 'boolean' },
        'base-url': { type: 'string' },
        environment: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    throw asUsageError(e);
  }
}

const text = (v: string | null | undefined) => (v === null || v === undefined ? undefined : JSON.stringify(v));

/** A flag given on a resume must say what the report says; leaving it out takes the report's. */
function fromReport<T extends string | boolean>(
  flag: string,
  given: T | undefined,
  recorded: T | null | undefined,
  report: EarlierReport,
): T | undefined {
  if (!report.run) return given;
  if (given === undefined) return recorded ?? undefined;
  if (given === recorded) return given;
  const absent = recorded === null || recorded === undefined || recorded === false;
  const was = absent ? `without ${flag}` : `with ${flag} ${text(String(recorded))}`;
  const now = typeof given === 'boolean' ? flag : `${flag} ${text(given)}`;
  throw new UsageError(
    `${now} contradicts the report ${report.file}, which ran ${was}: leave ${flag} out to use the ` +
      `report's, or start a new report (--report another file)`,
  );
}

function baseUrlOf(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${source} must be a URL such as http://127.0.0.1:4010, not ${JSON.stringify(value)}`);
  }
  // The run line records it: credentials in it would land in the report.
  if (url.username || url.password) {
    throw new UsageError(`${source} must not carry credentials; the key comes from PARTOO_API_KEY`);
  }
  return url.href.replace(/\/$/, '');
}

const RPM_RULE = "a positive integer (your organization's Partoo limit)";

function count(value: string | undefined, flag: string, range: [number, number], rule: string): number | undefined {
  if (value === undefined) return undefined;
  const [min, max] = range;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be ${rule}, not "${value}"`);
  return n;
}

type Flags = ReturnType<typeof parse>;

/** `undefined` with `--help`: the caller prints the usage. */
export function sendOptions(args: string[], env: NodeJS.ProcessEnv): SendOptions | undefined {
  const v = parse(args);
  if (v.help) return undefined;
  const resume = resumed(v);
  const flags = runFlags(v, env, resume);
  const { business, content, defaultCountry, force, check, stripNonAscii, environment, baseUrl, phoneColumn } = flags;
  const csv = v.csv ?? resume?.csv;
  if (!csv) throw new UsageError('--csv <file> is required (columns: phone or mobile, name, content, country)');
  if (!business) throw new UsageError('--business <id> is required');
  const checkedEnvironment = checkValues(v, defaultCountry, environment, content);
  return {
    csv,
    csvFromReport: v.csv === undefined,
    business,
    content,
    defaultCountry,
    force,
    check,
    stripNonAscii,
    baseUrl,
    environment: checkedEnvironment,
    dryRun: v['dry-run'] ?? false,
    ...pace(v),
    verbose: v.verbose ?? false,
    report: v.report,
    resume,
    delimiter: v.delimiter === undefined ? undefined : delimiterOf(v.delimiter),
    encoding: v.encoding === undefined ? undefined : encodingName(v.encoding),
    phoneColumn,
    given: {
      delimiter: v.delimiter,
      encoding: v.encoding,
      concurrency: v.concurrency,
      requestsPerMinute: v['requests-per-minute'],
      settleMs: v['settle-ms'],
    },
  };
}

/** The report `--resume` names; a dry run's report sends nothing, so there is nothing to resume from it. */
function resumed(v: Flags): EarlierReport | undefined {
  const resume = v.resume === undefined ? undefined : readReport(v.resume);
  if (resume?.run?.dryRun && !v['dry-run']) {
    throw new UsageError(
      `--resume ${resume.file} is a dry run's report: it sent nothing, so there is nothing to ` +
        'resume; run without --resume',
    );
  }
  return resume;
}

/** The flags a report records, each as given or, left out on a resume, as the report has it. */
function runFlags(v: Flags, env: NodeJS.ProcessEnv, resume: EarlierReport | undefined) {
  const run: Partial<RunParams> = resume?.run ?? {};
  const r = resume ?? ({ file: '' } as EarlierReport);
  const business = fromReport('--business', v.business, run.business, r);
  const content = fromReport('--content', v.content, run.content, r);
  const country = v['default-country']?.toUpperCase();
  const defaultCountry = fromReport('--default-country', country, run.defaultCountry, r);
  const force = fromReport('--force', v.force, run.force, r) ?? false;
  // A report written before the flag existed ran search-first.
  const check = fromReport('--check', checkOf(v.check), resume?.run && (run.check ?? 'search-first'), r);
  const stripNonAscii = fromReport('--strip-non-ascii', v['strip-non-ascii'], run.stripNonAscii, r) ?? false;
  const environment = fromReport('--environment', v.environment, run.environment, r);
  const phoneColumn = fromReport('--phone-column', v['phone-column'], run.phoneColumn, r);
  const urlSource = v['base-url'] !== undefined ? '--base-url' : 'PARTOO_BASE_URL';
  const urlGiven = v['base-url'] ?? (env.PARTOO_BASE_URL || undefined);
  const url = urlGiven === undefined ? undefined : baseUrlOf(urlGiven, urlSource);
  const baseUrl = fromReport(urlSource, url, run.baseUrl, r);
  return {
    business,
    content,
    defaultCountry,
    force,
    check: check ?? 'search-first',
    stripNonAscii,
    environment,
    baseUrl,
    phoneColumn,
  };
}

const CHECKS: readonly GuardCheck[] = ['search-first', 'send-first'];

/** `--check` as typed, checked before the report is read for it. */
function checkOf(value: string | undefined): GuardCheck | undefined {
  if (value === undefined) return undefined;
  const check = CHECKS.find((c) => c === value);
  if (!check) throw new UsageError(`--check must be search-first or send-first, not ${JSON.stringify(value)}`);
  return check;
}

/** The values' own rules, in this order; the environment comes back as the type it is checked to be. */
function checkValues(v: Flags, defaultCountry?: string, environment?: string, content?: string) {
  if (defaultCountry !== undefined && !isSupportedCountry(defaultCountry)) {
    const value = JSON.stringify(v['default-country'] ?? defaultCountry);
    throw new UsageError(`--default-country must be an ISO 3166-1 alpha-2 country code such as FR, not ${value}`);
  }
  if (environment !== undefined && environment !== 'production' && environment !== 'sandbox') {
    throw new UsageError(`--environment must be production or sandbox, not ${JSON.stringify(environment)}`);
  }
  if (content !== undefined && !content.includes('@link')) {
    const value = JSON.stringify(content);
    throw new UsageError(`--content must contain @link (where Partoo puts the review link), not ${value}`);
  }
  return environment;
}

function pace(v: Flags) {
  return {
    concurrency: count(v.concurrency, '--concurrency', [1, 64], 'an integer from 1 to 64') ?? 4,
    requestsPerMinute: count(v['requests-per-minute'], '--requests-per-minute', [1, 1_000_000], RPM_RULE) ?? 300,
    settleMs: count(v['settle-ms'], '--settle-ms', [0, 600_000], 'an integer of milliseconds from 0 to 600000'),
  };
}
