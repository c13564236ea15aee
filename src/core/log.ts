// What the SDK did, and why, as structured records: a send skipped and on what evidence, a store that stopped
// answering. Records go to the caller's logger (console by default; pino, winston or consola as they are) at or
// above the configured level, with no secret and, unless asked, no full phone number: these are customers' data.
import { ConfigurationError } from './errors.js';
import { redactText, redactValue } from './redact.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with these four methods: `console`, a pino, winston or consola logger. */
export interface Logger {
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

export interface LogOptions {
  /** default `console` */
  logger?: Logger;
  /** default `'warn'`, or the environment variable PARTOO_ARGYLE_SDK_LOG */
  logLevel?: LogLevel;
  /** phone numbers in records in full instead of masked (`+33******78`), for debugging */
  logPhoneNumbers?: boolean;
}

/** The keys of LogOptions (a client's own, not openapi-fetch's). */
export const LOG_KEYS = ['logger', 'logLevel', 'logPhoneNumbers'] as const;

export type LogFields = Record<string, unknown>;
export type Log = ((level: Exclude<LogLevel, 'off'>, message: string, fields?: LogFields) => void) & {
  /** whether a record at `level` would be written: callers skip building what nobody will read */
  enabled(level: Exclude<LogLevel, 'off'>): boolean;
};

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
export const LOG_ENV = 'PARTOO_ARGYLE_SDK_LOG';

/** The level from the option, else the environment variable where the runtime has one, else 'warn'. */
export function resolveLogLevel(option: unknown): LogLevel {
  const level = option ?? readEnv(LOG_ENV) ?? 'warn';
  if (typeof level !== 'string' || !(level in RANK)) {
    const from = option === undefined ? `${LOG_ENV}=${String(level)}` : `logLevel ${JSON.stringify(level)}`;
    throw new ConfigurationError(`${from} is not a log level: use off, error, warn, info or debug`);
  }
  return level as LogLevel;
}

/** The checks createLog makes, for a client to make at its construction (its log is built with the first call). */
export function checkLogOptions(options: LogOptions): void {
  resolveLogLevel(options.logLevel);
  const logger = options.logger ?? consoleLogger;
  for (const m of ['error', 'warn', 'info', 'debug'] as const) {
    if (typeof logger?.[m] !== 'function')
      throw new ConfigurationError(`logger must have error, warn, info and debug; ${m} is missing`);
  }
}

export function createLog(options: LogOptions): Log {
  checkLogOptions(options);
  const threshold = RANK[resolveLogLevel(options.logLevel)];
  const logger = options.logger ?? consoleLogger;
  const mask = options.logPhoneNumbers === true ? (phone: string) => phone : maskPhone;
  const enabled = (level: Exclude<LogLevel, 'off'>) => RANK[level] <= threshold;
  const log = (level: Exclude<LogLevel, 'off'>, message: string, fields?: LogFields) => {
    if (!enabled(level)) return;
    const record =
      fields && redactValue(fields.phone === undefined ? fields : { ...fields, phone: mask(String(fields.phone)) });
    // Fields first: pino and consola keep them structured that way; the message is the human summary.
    if (record) logger[level](record, redactText(message));
    else logger[level](redactText(message));
  };
  return Object.assign(log, { enabled });
}

/** `+33612345678` -> `+33*******78`: the country and the last two digits, enough to tell records apart. */
export function maskPhone(phone: string): string {
  if (phone.length <= 5) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 5)}${phone.slice(-2)}`;
}

// The default prints the message first, prefixed, so a terminal line reads as a sentence.
const consoleLogger: Logger = {
  error: (...args) => console.error(...prefixed(args)),
  warn: (...args) => console.warn(...prefixed(args)),
  info: (...args) => console.info(...prefixed(args)),
  debug: (...args) => console.debug(...prefixed(args)),
};

function prefixed(args: unknown[]): unknown[] {
  const [first, second] = args;
  if (typeof first === 'string') return [`partoo-argyle-sdk: ${first}`];
  return [`partoo-argyle-sdk: ${String(second)}`, first];
}

function readEnv(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
  } catch {
    // Deno without --allow-env throws here: no variable, then.
    return undefined;
  }
}
