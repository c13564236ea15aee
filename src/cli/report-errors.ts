// What a run says when its report (or the report's lock) cannot be written. A run that cannot record a send must
// not make it, so the message says what was sent and recorded, that nothing more was sent, and how to go on.
import { dirname } from 'node:path';
import { ReportWriteError } from './report-writer.js';

const WHY: Record<string, string> = {
  ENOSPC: 'the disk is full (ENOSPC)',
  EDQUOT: "the user's disk quota is used up (EDQUOT)",
  EACCES: 'permission denied (EACCES): this user may not write there',
  EPERM: 'the operation is not permitted (EPERM)',
  EROFS: 'the file system is read-only (EROFS)',
};

/** A file-system failure this run can name; anything else goes through as it is. */
export const isFsFailure = (e: unknown): e is NodeJS.ErrnoException =>
  typeof (e as NodeJS.ErrnoException)?.code === 'string' && (e as NodeJS.ErrnoException).code! in WHY;

const cure = (code: string, file: string, fresh: boolean) =>
  code === 'ENOSPC' || code === 'EDQUOT'
    ? 'once there is room'
    : `once ${dirname(file)} can be written` + (fresh ? ' (or with --report naming a file in a folder that can)' : '');

/** Before any send: the lock or the fresh report could not be made. Nothing was sent; the same command retries. */
export function notStartedError(e: NodeJS.ErrnoException, file: string): Error {
  const code = e.code!;
  return new Error(
    `cannot write ${file}: ${WHY[code]}; nothing was sent. Run the same command again ${cure(code, file, true)}`,
    { cause: e },
  );
}

export interface Sent {
  /** sends the report records as sent */
  recorded: number;
  /** sends marked in the report as started, whose outcome it could not record */
  unrecorded: number;
  report: string;
  resume: string;
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/** In the middle of a run: what went out and is recorded, what went out unrecorded, and the command to go on. */
export function stoppedError(e: ReportWriteError, sent: Sent): Error {
  const code = e.code ?? '';
  const why = WHY[code] ?? (e.cause as Error).message;
  const unrecorded = sent.unrecorded
    ? `; ${sent.unrecorded} send(s) in flight then may have gone out without their outcome recorded (their ` +
      'numbers are marked in the report: a resume searches for them before sending)'
    : '';
  return new Error(
    `cannot write the report ${e.file}: ${why}. ${sent.recorded} sent and recorded${unrecorded}; nothing more ` +
      `was sent. ${capital(cure(code, e.file, false))}, this sends the rest exactly once:\n  ${sent.resume}`,
    { cause: e },
  );
}

export { ReportWriteError };
