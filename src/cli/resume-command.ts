// The command that continues a run, printed when it stops short: the report holds the rest of its parameters.
import type { SendOptions } from './send-options.js';

const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The shortest command that continues this run: the report holds the rest of its parameters. */
export function resumeCommand(o: SendOptions, report: string): string {
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
