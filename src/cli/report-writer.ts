// The report's writer: one synchronous write per line, so a killed process keeps every line but the one it was
// writing, and a write that fails stops the run, since every send waits for its mark to be written first.
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';

export interface ReportWriter {
  write(entry: object): void;
  close(): void;
}

/** The report could not be written (a full disk, a folder without write access): the run must stop sending. */
export class ReportWriteError extends Error {
  override name = 'ReportWriteError';
  constructor(
    readonly file: string,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(`cannot write ${file}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * One synchronous write per line: in the kernel's hands before the next row, so a killed process keeps it.
 * `exclusive`: a fresh report is created only if no file is there (a run that started beside this one). Once a
 * write fails every later one fails too: a send is only made after its mark is written, so none is made after.
 */
export function openReport(file: string, append: boolean, exclusive = false): ReportWriter {
  const fail = (e: unknown) => new ReportWriteError(file, (e as NodeJS.ErrnoException).code, e);
  const fresh = exclusive ? 'ax+' : 'w';
  let fd: number;
  try {
    fd = openSync(file, append ? 'a+' : fresh);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
    throw fail(e);
  }
  let broken: ReportWriteError | undefined;
  const put = (text: string) => {
    if (broken) throw broken;
    try {
      writeSync(fd, text);
    } catch (e) {
      throw (broken = fail(e));
    }
  };
  const size = append ? statSync(file).size : 0;
  const last = new Uint8Array(1);
  const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
  // A line cut short by a kill stays on its own line: the next one must not be glued to it.
  if (torn) put('\n');
  let open = true;
  return {
    write: (entry) => put(`${JSON.stringify(entry)}\n`),
    close: () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
