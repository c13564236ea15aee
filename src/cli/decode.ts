// A CSV file's bytes as text, in its encoding, refused with a clear reason when they are not text in it. Node's own
// decoder reads windows-1252 as latin1 (0x92 becomes U+0092, not ’), so that one is decoded here by its real
// table; every other encoding is the WHATWG decoder's.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from './errors.js';

const BOMS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

// windows-1252's 0x80-0x9F, where it differs from latin1; the five bytes it leaves undefined stay C1 controls,
// as WHATWG decodes them.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The WHATWG name of an `--encoding` label (`latin1` -> `windows-1252`), or a UsageError naming the flag. */
export function encodingName(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new UsageError(
      `--encoding "${label}" is not an encoding Node knows; use e.g. utf-8, windows-1252, macintosh, utf-16le`,
    );
  }
}

async function firstBytes(file: string, n: number): Promise<Uint8Array> {
  for await (const chunk of createReadStream(file, { start: 0, end: n - 1 })) return new Uint8Array(chunk as Buffer);
  return new Uint8Array();
}

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** A spreadsheet or a web page saved under a .csv name, said as such: no encoding would make it a CSV. */
function notACsv(file: string, head: Uint8Array): UsageError | undefined {
  const name = basename(file);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    return new UsageError(`${name} is an Excel workbook (XLSX), not a CSV: save it as "CSV UTF-8"; nothing was sent`);
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    return new UsageError(
      `${name} is an Excel 97-2003 workbook (XLS), not a CSV: save it as "CSV UTF-8"; nothing sent`,
    );
  }
  const text = new TextDecoder('utf-8').decode(head).trimStart().toLowerCase();
  if (/^<(!doctype html|html|table|\?xml)/.test(text)) {
    return new UsageError(`${name} is an HTML or XML page, not a CSV: export the data as "CSV UTF-8"; nothing sent`);
  }
  return undefined;
}

/**
 * The file's encoding: its byte order mark when it has one (which must agree with a given `--encoding`), else the
 * given one, else UTF-8. `skip` is the length of the mark.
 */
export async function detectEncoding(file: string, given?: string): Promise<{ encoding: string; skip: number }> {
  const head = await firstBytes(file, 512);
  const refused = notACsv(file, head);
  if (refused) throw refused;
  const bom = BOMS.find((b) => startsWith(head, [...b.bytes]));
  const wanted = given === undefined ? undefined : encodingName(given);
  if (bom && wanted && wanted !== bom.encoding) {
    throw new UsageError(
      `--encoding ${wanted}, but ${basename(file)} starts with a ${bom.encoding} byte order mark; leave --encoding out`,
    );
  }
  return { encoding: bom?.encoding ?? wanted ?? 'utf-8', skip: bom?.bytes.length ?? 0 };
}

const lineEnds = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** A decoder for one encoding: `decode` throws at the first bytes that are not text in it. */
interface Decoder {
  decode(bytes: Uint8Array, last: boolean): string;
}

function cp1252(): Decoder {
  return {
    decode(bytes) {
      let out = '';
      for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
      return out;
    },
  };
}

function whatwg(encoding: string): Decoder {
  const decoder = new TextDecoder(encoding, { fatal: true });
  return { decode: (bytes, last) => decoder.decode(bytes, { stream: !last }) };
}

const SINGLE_BYTE = new Set(['windows-1252', 'macintosh', 'iso-8859-15', 'iso-8859-2', 'windows-1250']);

/**
 * Watches a file given a single-byte `--encoding` for what it really is: non-ASCII text that is valid UTF-8 (a
 * windows-1252 file with accented letters almost never is), which that encoding would garble letter by letter.
 */
function utf8Watch(): (bytes: Uint8Array) => boolean {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let stillUtf8 = true;
  return (bytes) => {
    if (!stillUtf8) return false;
    try {
      utf8.decode(bytes, { stream: true });
    } catch {
      stillUtf8 = false;
      return false;
    }
    return bytes.some((b) => b >= 0x80);
  };
}

interface Position {
  file: string;
  encoding: string;
  /** line ends decoded so far */
  lines: number;
}

function notText(at: Position, sample: string, truncated: boolean): UsageError {
  const name = basename(at.file);
  if (truncated) {
    return new UsageError(
      `${name} ends in the middle of a ${at.encoding} character: the file is cut short (an interrupted download or ` +
        'copy?); get the whole file again; nothing was sent',
    );
  }
  const hint =
    at.encoding === 'utf-8'
      ? ' If Excel wrote it ("CSV (semicolon)" on Windows), pass --encoding windows-1252, or save it as "CSV UTF-8"'
      : " Check the file's encoding and pass it with --encoding";
  return new UsageError(
    `${name} is not ${at.encoding} text: line ${at.lines + 1} holds bytes ${at.encoding} cannot read ` +
      `(${JSON.stringify(sample)}).${hint}; nothing was sent`,
  );
}

/** Decodes one chunk; at a bad byte, throws saying where, and whether only the file's last bytes are bad. */
function decodeChunk(decoder: Decoder, bytes: Uint8Array, last: boolean, at: Position): string {
  try {
    return decoder.decode(bytes, last);
  } catch {
    const text = new TextDecoder(at.encoding).decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const truncated = last && bad >= 0 && text.slice(bad).replaceAll('\uFFFD', '') === '';
    throw notText(
      { ...at, lines: at.lines + lineEnds(text.slice(0, bad)) },
      text.slice(Math.max(0, bad - 10), bad + 1),
      truncated,
    );
  }
}

/** The file's text after its byte order mark, chunk by chunk; a NUL or a byte the encoding cannot read stops it. */
export async function* decodedText(file: string, encoding: string, skip: number): AsyncGenerator<string> {
  const decoder = encoding === 'windows-1252' ? cp1252() : whatwg(encoding);
  const at: Position = { file, encoding, lines: 0 };
  let previous: Uint8Array | undefined;
  const looksUtf8 = SINGLE_BYTE.has(encoding) ? utf8Watch() : () => false;
  const emit = (bytes: Uint8Array, last: boolean) => {
    if (looksUtf8(bytes)) {
      throw new UsageError(
        `${basename(file)} is UTF-8 text, not ${encoding}: leave --encoding out (it would garble every accented ` +
          'letter); nothing was sent',
      );
    }
    const text = decodeChunk(decoder, bytes, last, at);
    // NUL is valid UTF-8, yet no CSV holds it: it is UTF-16 read as something else.
    if (text.includes('\u0000')) {
      throw new UsageError(
        `${basename(file)} line ${at.lines + lineEnds(text.slice(0, text.indexOf('\u0000'))) + 1} holds NUL ` +
          'characters: it looks like UTF-16 without a byte order mark; pass --encoding utf-16le (or save the file ' +
          'as "CSV UTF-8"); nothing was sent',
      );
    }
    at.lines += lineEnds(text);
    return text;
  };
  // One chunk behind, so the decoder knows which chunk is the last (a cut-short file is told from a bad byte).
  for await (const chunk of createReadStream(file, { start: skip })) {
    if (previous) yield emit(previous, false);
    previous = new Uint8Array(chunk as Buffer);
  }
  yield emit(previous ?? new Uint8Array(), true);
}
