// A CSV file's physical lines, decoded, each with its 1-based line number. Decoding is Node's TextDecoder
// (WHATWG encodings: utf-8, windows-1252, latin1, utf-16le, ...): no hand-written decoder.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from './errors.js';

export interface TextLine {
  number: number;
  text: string;
}

const BOMS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/** The WHATWG name of an `--encoding` label (`latin1` -> `windows-1252`), or a UsageError naming the flag. */
export function encodingName(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new UsageError(
      `--encoding "${label}" is not an encoding Node knows; use e.g. utf-8, windows-1252, latin1, ` + 'utf-16le',
    );
  }
}

async function firstBytes(file: string, n: number): Promise<Uint8Array> {
  for await (const chunk of createReadStream(file, { start: 0, end: n - 1 })) return new Uint8Array(chunk as Buffer);
  return new Uint8Array();
}

/**
 * The file's encoding: its byte order mark when it has one (which wins over nothing, and must agree with a
 * given `--encoding`), else the given one, else UTF-8. `skip` is the length of the mark.
 */
export async function detectEncoding(file: string, given?: string): Promise<{ encoding: string; skip: number }> {
  const head = await firstBytes(file, 3);
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => head[i] === byte));
  const wanted = given === undefined ? undefined : encodingName(given);
  if (bom && wanted && wanted !== bom.encoding) {
    throw new UsageError(
      `--encoding ${wanted}, but ${basename(file)} starts with a ${bom.encoding} byte order mark; ` +
        'leave --encoding out',
    );
  }
  return { encoding: bom?.encoding ?? wanted ?? 'utf-8', skip: bom?.bytes.length ?? 0 };
}

function notText(file: string, encoding: string, line: number, sample: string): UsageError {
  const hint =
    encoding === 'utf-8'
      ? ' Excel\'s "CSV (semicolon)" export on Windows writes windows-1252: pass --encoding windows-1252 ' +
        '(or save the file as "CSV UTF-8")'
      : ` Check the file's encoding and pass it with --encoding`;
  return new UsageError(
    `${basename(file)} is not ${encoding} text: line ${line} holds bytes ${encoding} cannot read ` +
      `(${JSON.stringify(sample)}).${hint}; nothing was sent`,
  );
}

/**
 * Lines split where the bytes hold a line feed (every ASCII-compatible encoding keeps 0x0A for it), so a bad
 * byte is reported on its own line; UTF-16 is decoded first and split as text. A trailing CR (CRLF) is dropped.
 */
export async function* textLines(file: string, encoding: string, skip: number): AsyncGenerator<TextLine> {
  const stream = createReadStream(file, { start: skip });
  let number = 0;
  const emit = (text: string): TextLine => {
    number++;
    // NUL is valid UTF-8, yet no CSV of ours holds it: it is UTF-16 read as something else.
    if (text.includes('\u0000')) {
      throw new UsageError(
        `${basename(file)} line ${number} holds NUL characters: it looks like UTF-16 without a ` +
          'byte order mark; pass --encoding utf-16le (or save the file as "CSV UTF-8"); nothing was sent',
      );
    }
    return { number, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };
  if (encoding.startsWith('utf-16')) {
    const decoder = new TextDecoder(encoding, { fatal: true });
    let rest = '';
    for await (const chunk of stream) {
      try {
        rest += decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        const text = rest + new TextDecoder(encoding).decode(chunk as Buffer);
        const bad = text.indexOf('\uFFFD');
        const line = number + 1 + (text.slice(0, bad).match(/\n/g)?.length ?? 0);
        throw notText(file, encoding, line, text.slice(Math.max(0, bad - 10), bad + 1));
      }
      const parts = rest.split('\n');
      rest = parts.pop()!;
      for (const part of parts) yield emit(part);
    }
    rest += decoder.decode();
    if (rest) yield emit(rest);
    return;
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decode = (bytes: Uint8Array) => {
    try {
      return decoder.decode(bytes);
    } catch {
      const text = new TextDecoder(encoding).decode(bytes);
      const bad = text.indexOf('\uFFFD');
      throw notText(file, encoding, number + 1, text.slice(Math.max(0, bad - 10), bad + 1));
    }
  };
  let pending: Uint8Array[] = [];
  for await (const buffer of stream) {
    const chunk = new Uint8Array(buffer as Buffer);
    let start = 0;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, start)) {
      pending.push(chunk.subarray(start, at));
      yield emit(decode(concat(pending)));
      pending = [];
      start = at + 1;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  }
  const last = concat(pending);
  if (last.length) yield emit(decode(last));
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
