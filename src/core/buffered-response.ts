// What `.api` and its middleware get back: a Response over a body the attempt core already read (under the
// attempt's timer) and redacted. Node 20 builds a web stream for every Response with a body (~17 µs) and reads it
// back through that stream (~40 µs); openapi-fetch then reads it again. This Response holds the text instead and
// builds a stream only if someone asks for `body`, so reading it costs a JSON.parse, as the wrapper's own path does.
import type { Received } from './attempt.js';

const utf8 = new TextEncoder();

export class BufferedResponse extends Response {
  readonly #text: string;
  readonly #bytes: ArrayBuffer | undefined;
  readonly #empty: boolean;
  readonly #headers: Headers;
  #used = false;
  /** a Response with a real stream, built only when `body` is asked for; every read goes through it after that */
  #streamed: Response | undefined;

  constructor(received: Received) {
    const { status, statusText, headers, text, bytes } = received;
    // The headers as the attempt core handed them (already redacted), not copied again by Response's constructor.
    super(null, { status, statusText });
    this.#headers = headers;
    this.#text = text;
    this.#bytes = bytes;
    this.#empty = status === 204 || status === 304;
  }

  override get headers(): Headers {
    return this.#headers;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#empty) return null;
    if (!this.#streamed) {
      this.#take();
      this.#streamed = new Response(this.#bytes ?? this.#text, { headers: this.headers });
    }
    return this.#streamed.body;
  }

  override get bodyUsed(): boolean {
    return this.#streamed ? this.#streamed.bodyUsed : this.#used;
  }

  override async text(): Promise<string> {
    // No body, as a 204's Response: every read gives nothing, and the body is never used up.
    if (this.#empty) return '';
    if (this.#streamed) return this.#streamed.text();
    this.#take();
    return this.#text;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Response.json() is declared to return any
  override async json(): Promise<any> {
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#empty) return new ArrayBuffer(0);
    if (this.#streamed) return this.#streamed.arrayBuffer();
    this.#take();
    return this.#bytes ? this.#bytes.slice(0) : (utf8.encode(this.#text).buffer as ArrayBuffer);
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override async blob(): Promise<Blob> {
    const type = this.headers.get('content-type') ?? '';
    return new Blob([await this.arrayBuffer()], type ? { type } : {});
  }

  override async formData(): Promise<FormData> {
    const copy = this.#streamed ?? new Response(this.#empty ? null : await this.text(), { headers: this.headers });
    return copy.formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    if (this.#streamed) return this.#streamed.clone();
    const { status, statusText, headers } = this;
    return new BufferedResponse({ status, statusText, headers, text: this.#text, bytes: this.#bytes });
  }

  #take(): void {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
  }
}
