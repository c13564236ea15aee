// What the `partoo-argyle-sdk` command tells a scheduler through its exit status (README, "Bulk sending").

/** Bad usage: a flag, a value or a file's layout the user must change (exit 2). Nothing was sent. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT = {
  /** every row sent or skipped (or, in a dry run, would be) */
  ok: 0,
  /** the command could not run: no key, a file that cannot be read */
  cannotRun: 1,
  usage: 2,
  /** the batch ran to its end with failed rows, which the report names */
  rowsFailed: 3,
  /** SIGINT or SIGTERM: the sends in flight finished, the rest is left to --resume */
  interrupted: 130,
} as const;

/** node:util parseArgs throws TypeErrors with these codes for an unknown option or a missing value. */
export function asUsageError(e: unknown): unknown {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_') ? new UsageError((e as Error).message) : e;
}
