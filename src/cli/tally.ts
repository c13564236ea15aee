// The run's counts and what the report says of each row: its outcome, and before each send, the mark that the
// send starts (so a process killed mid-send leaves a trace a resume can settle).
import { systemRuntime } from '../core/runtime.js';
import { createProgress, type Counts } from './progress.js';
import type { ReportLine, ReportWriter } from './report.js';

/** The run's counts, kept with the report and the progress display. */
export interface Tally {
  counts: Counts;
  /** failed rows whose send may have gone out */
  unknownOutcomes: number;
  /** rows an earlier run's report holds as done */
  doneEarlier: number;
  /** numbers whose send is marked in the report as started, with no outcome recorded yet */
  inFlight: Set<string>;
  progress: ReturnType<typeof createProgress>;
  record(line: ReportLine): void;
  mark(line: number, phone: string): void;
  passDoneEarlier(): void;
}

/** `marks`: a real run writes each send's mark before it starts; a dry run sends nothing, so marks nothing. */
export function createTally(report: ReportWriter, lines: number, marks: boolean): Tally {
  const tally: Tally = {
    counts: { sent: 0, skipped: 0, would_send: 0, failed: 0 },
    unknownOutcomes: 0,
    doneEarlier: 0,
    inFlight: new Set(),
    progress: createProgress(lines),
    record(r) {
      report.write(r);
      tally.inFlight.delete(r.phone);
      tally.counts[r.status]++;
      if (r.error?.outcomeUnknown) tally.unknownOutcomes++;
      tally.progress.tick(tally.counts, tally.doneEarlier);
    },
    mark(line, phone) {
      if (!marks) return;
      report.write({ sending: { line, phone, at: new Date(systemRuntime.now()).toISOString() } });
      tally.inFlight.add(phone);
    },
    passDoneEarlier() {
      tally.doneEarlier++;
      tally.progress.tick(tally.counts, tally.doneEarlier);
    },
  };
  return tally;
}
