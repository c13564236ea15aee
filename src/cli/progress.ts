// Progress on stderr: a bar on a terminal (cli-progress), a plain line every 100 rows elsewhere (CI logs, pipes).
import { createRequire } from 'node:module';

export type Counts = Record<'sent' | 'skipped' | 'would_send' | 'failed', number>;

const total = (c: Counts) => c.sent + c.skipped + c.would_send + c.failed;

/** `rows`: the file's lines after the header; `earlier`: rows a resume passes over (they count as progress). */
export function createProgress(rows: number) {
  if (process.stderr.isTTY) {
    let bar: import('cli-progress').SingleBar | undefined;
    const require = createRequire(import.meta.url);
    return {
      tick(c: Counts, earlier = 0) {
        if (!bar) {
          // Loaded lazily: only a terminal needs it.
          const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
          const format = '{bar} {value}/{total} rows | {sent} sent, {skipped} skipped, {failed} failed';
          bar = new SingleBar({ format, stream: process.stderr }, Presets.shades_classic);
          bar.start(rows, 0, c);
        }
        bar.update(total(c) + earlier, c);
      },
      stop: () => bar?.stop(),
    };
  }
  let printed = 0;
  return {
    tick(c: Counts) {
      // Once per hundred rows handled (rows passed over by a resume print nothing).
      if (total(c) % 100 === 0 && total(c) !== printed) {
        printed = total(c);
        const parts = `${c.sent} sent, ${c.skipped} skipped, ${c.would_send} would send, ${c.failed} failed`;
        console.error(`progress: ${total(c)} rows (${parts})`);
      }
    },
    stop() {},
  };
}
