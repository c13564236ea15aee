// What the transport hands openapi-fetch: the Response fetch returned, its body scrubbed of every registered secret
// as it flows (a debugging proxy or an error page may echo the key back) and its headers too. It is handed over as
// soon as the headers arrive, so `parseAs: 'stream'` streams; a body that stalls longer than the attempt's timeout
// between two chunks errors with a TimeoutError, one cut short with a ConnectionError, both redacted.
import { redactSecrets, secretBytes } from './redact.js';

const REDACTED = new TextEncoder().encode('[redacted]');
/** Statuses whose Response may not carry a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** The Response a fetch returned, with its url, redirected and type kept (a rebuilt Response would lose them). */
export class ScrubbedResponse extends Response {
  readonly #from: { url: string; redirected: boolean; type: ResponseType };

  constructor(body: ReadableStream<Uint8Array> | null, from: Response, headers: Headers) {
    const { status, statusText } = from;
    super(NULL_BODY.has(status) ? null : body, { status, statusText, headers });
    this.#from = { url: from.url, redirected: from.redirected, type: from.type };
  }

  override get url(): string {
    return this.#from.url;
  }

  override get redirected(): boolean {
    return this.#from.redirected;
  }

  override get type(): ResponseType {
    return this.#from.type;
  }

  override clone(): Response {
    const copy = super.clone();
    return new ScrubbedResponse(copy.body, this, copy.headers);
  }
}

/** Failures of the body's read, typed by the attempt that made it (timeout.ts's classification). */
export interface BodyFailures {
  /** the ms a read may wait for its next chunk */
  idleMs: number;
  timer: (fire: () => void, ms: number) => () => void;
  /** the error a failed read becomes: a TimeoutError when `timedOut`, else a ConnectionError */
  classify: (error: unknown, timedOut: boolean) => Error;
  /** told once the body has ended, however it ended */
  ended: () => void;
}

export function scrubbed(response: Response, failures: BodyFailures): Response {
  if (!response.body) failures.ended();
  return new ScrubbedResponse(response.body && scrubStream(response.body, failures), response, cleanHeaders(response));
}

function cleanHeaders(response: Response): Headers {
  const out = new Headers();
  response.headers.forEach((value, name) => out.append(name, redactSecrets(value)));
  return out;
}

/**
 * The body's bytes with each registered secret's bytes replaced. A secret split across two chunks is caught: the
 * last (longest secret - 1) bytes of a chunk wait for the next one. Bytes, not text: a binary body stays intact.
 */
function scrubStream(body: ReadableStream<Uint8Array>, failures: BodyFailures): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let held: Uint8Array = new Uint8Array(0);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { done, value } = await read(reader, failures);
        const secrets = secretBytes();
        if (done) {
          if (held.length) controller.enqueue(scan(held, secrets, held.length).out);
          failures.ended();
          controller.close();
          return;
        }
        const joined = concat(held, value);
        const keep = Math.min(joined.length, longest(secrets) - 1);
        const ready = scan(joined, secrets, joined.length - keep);
        held = ready.rest;
        if (ready.out.length) return controller.enqueue(ready.out);
      }
    },
    cancel: (reason) => (failures.ended(), reader.cancel(reason)),
  });
}

async function read(reader: ReadableStreamDefaultReader<Uint8Array>, f: BodyFailures) {
  let timedOut = false;
  const cancel = f.timer(() => {
    timedOut = true;
    reader.cancel(new DOMException(`body stalled for ${f.idleMs} ms`, 'TimeoutError')).catch(() => {});
  }, f.idleMs);
  try {
    const result = await reader.read();
    if (timedOut) throw new DOMException(`body stalled for ${f.idleMs} ms`, 'TimeoutError');
    return result;
  } catch (error) {
    f.ended();
    throw f.classify(error, timedOut);
  } finally {
    cancel();
  }
}

const longest = (secrets: Uint8Array[]) => secrets.reduce((n, s) => Math.max(n, s.length), 1);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Every secret replaced in bytes[0, end) (a match may run past `end`); what follows the last one scanned is `rest`. */
function scan(bytes: Uint8Array, secrets: Uint8Array[], end: number): { out: Uint8Array; rest: Uint8Array } {
  const parts: Uint8Array[] = [];
  let from = 0;
  let i = 0;
  while (i < end) {
    const s = secrets.find((secret) => matchesAt(bytes, secret, i));
    if (!s) {
      i++;
      continue;
    }
    parts.push(bytes.subarray(from, i), REDACTED);
    i += s.length;
    from = i;
  }
  const stop = Math.max(from, end);
  parts.push(bytes.subarray(from, stop));
  return { out: parts.length === 1 ? parts[0] : parts.reduce(concat), rest: bytes.subarray(stop) };
}

function matchesAt(bytes: Uint8Array, secret: Uint8Array, at: number): boolean {
  if (bytes[at] !== secret[0] || at + secret.length > bytes.length) return false;
  for (let k = 1; k < secret.length; k++) if (bytes[at + k] !== secret[k]) return false;
  return true;
}
