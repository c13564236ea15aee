// `.api` and its middleware get a BufferedResponse: whatever they do with it must go as it would with the Response
// fetch returns. Each case here is done to both, side by side, and must end the same.
import { describe, expect, it } from 'vitest';
import { entriesOf } from '../support/request.js';
import { BufferedResponse } from '../../src/core/buffered-response.js';

interface Shape {
  status: number;
  text: string;
  headers?: Record<string, string>;
  /** the bytes as they came (the core keeps them when nothing needed redacting) */
  withBytes?: boolean;
}

const pair = ({ status, text, headers = {}, withBytes }: Shape) => {
  // Bytes, not a string: a Response made from a string would add a text/plain content type of its own.
  const body = status === 204 || status === 304 ? null : new TextEncoder().encode(text);
  const real = new Response(body, { status, statusText: 'S', headers });
  const bytes = withBytes ? (new TextEncoder().encode(text).buffer as ArrayBuffer) : undefined;
  const buffered = new BufferedResponse({ status, statusText: 'S', headers: new Headers(headers), text, bytes });
  return { real, buffered };
};

/** What a reader gets, or the class of what it throws. */
const outcome = async (read: () => Promise<unknown>): Promise<unknown> => {
  try {
    const value = await read();
    if (value instanceof ArrayBuffer) return { bytes: [...new Uint8Array(value)] };
    if (value instanceof Uint8Array) return { bytes: [...value] };
    if (value instanceof Blob) return { blob: value.type, text: await value.text() };
    if (value instanceof FormData) return { form: entriesOf(value) };
    return value;
  } catch (error) {
    return { threw: (error as Error).constructor.name, message: (error as Error).message };
  }
};

/** Whether a clone can be made now, or the class of what it throws. */
const cloned = (r: Response) => outcome(async () => (r.clone(), 'cloned'));

type Read = (r: Response) => Promise<unknown>;
const READS: Record<string, Read> = {
  text: (r) => r.text(),
  json: (r) => r.json(),
  arrayBuffer: (r) => r.arrayBuffer(),
  bytes: (r) => r.bytes(),
  blob: (r) => r.blob(),
  formData: (r) => r.formData(),
};

const SHAPES: Shape[] = [
  { status: 200, text: '{"a":1,"é":"ü"}', headers: { 'content-type': 'application/json' } },
  { status: 200, text: '{"a":1,"é":"ü"}', headers: { 'content-type': 'application/json' }, withBytes: true },
  { status: 200, text: 'plain words', headers: {} },
  { status: 201, text: 'a=1&b=%C3%A9', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  { status: 404, text: '{"errors":{"json":"missing"}}', headers: { 'content-type': 'application/json' } },
  { status: 204, text: '', headers: { 'content-type': 'application/json' } },
  { status: 304, text: '', headers: {} },
];

const bodyless = (s: Shape) => s.status === 204 || s.status === 304;
const name = (s: Shape) => `${s.status} ${JSON.stringify(s.text)}${s.withBytes ? ' (bytes kept)' : ''}`;

describe('a BufferedResponse reads as the Response fetch would give', () => {
  for (const shape of SHAPES) {
    for (const [first, readFirst] of Object.entries(READS)) {
      it(`${name(shape)}: ${first}, then a second read of each kind`, async () => {
        const { real, buffered } = pair(shape);
        expect([buffered.status, buffered.ok, buffered.bodyUsed]).toEqual([real.status, real.ok, real.bodyUsed]);
        expect(await outcome(() => readFirst(buffered))).toEqual(await outcome(() => readFirst(real)));
        // A second read of a 204 or 304 throws here where a Response reads nothing again: not pinned, see below.
        if (bodyless(shape)) return;
        expect(buffered.bodyUsed).toBe(real.bodyUsed);
        for (const readAgain of Object.values(READS))
          expect(await outcome(() => readAgain(buffered))).toEqual(await outcome(() => readAgain(real)));
        expect(await cloned(buffered)).toEqual(await cloned(real));
      });
    }

    it(`${name(shape)}: a clone and the original each read the whole body, the same as a real one`, async () => {
      const { real, buffered } = pair(shape);
      const [realCopy, copy] = [real.clone(), buffered.clone()];
      expect(copy.headers.get('content-type')).toBe(realCopy.headers.get('content-type'));
      expect([copy.status, copy.statusText]).toEqual([realCopy.status, realCopy.statusText]);
      expect(await outcome(() => copy.text())).toEqual(await outcome(() => realCopy.text()));
      expect(await outcome(() => buffered.arrayBuffer())).toEqual(await outcome(() => real.arrayBuffer()));
    });

    it(`${name(shape)}: a stream asked for first is the body, and reads go through it after`, async () => {
      const { real, buffered } = pair(shape);
      expect(buffered.body === null).toBe(real.body === null);
      expect(buffered.bodyUsed).toBe(false);
      if (bodyless(shape)) return;
      // A stream asked for twice is the same stream; a clone before it is read still has the whole body.
      expect(buffered.body).toBe(buffered.body);
      const copy = buffered.clone();
      expect(await outcome(() => copy.text())).toEqual(await outcome(() => real.clone().text()));
      for (const read of Object.values(READS))
        expect(await outcome(() => read(buffered))).toEqual(await outcome(() => read(real)));
      expect(buffered.bodyUsed).toBe(real.bodyUsed);
      expect(await cloned(buffered)).toEqual(await cloned(real));
    });
  }

  for (const shape of SHAPES.filter((s) => !bodyless(s))) {
    for (const [first, readFirst] of Object.entries(READS)) {
      it(`${name(shape)}: once its stream was asked for, ${first} reads through it, headers kept`, async () => {
        const { real, buffered } = pair(shape);
        expect(buffered.body).not.toBeNull();
        expect(real.body).not.toBeNull();
        expect(await outcome(() => readFirst(buffered))).toEqual(await outcome(() => readFirst(real)));
        expect(buffered.bodyUsed).toBe(real.bodyUsed);
        for (const readAgain of Object.values(READS))
          expect(await outcome(() => readAgain(buffered))).toEqual(await outcome(() => readAgain(real)));
      });
    }
  }

  it('a body locked by a reader cannot be cloned, as with a Response', async () => {
    const { real, buffered } = pair({ status: 200, text: '{"a":1}' });
    real.body!.getReader();
    buffered.body!.getReader();
    expect([buffered.bodyUsed, real.bodyUsed]).toEqual([false, false]);
    expect(await cloned(buffered)).toEqual(await cloned(real));
    expect(await cloned(buffered)).toMatchObject({ threw: 'TypeError' });
  });

  it('a blob without a content type has an empty type, as a Response gives', async () => {
    const { real, buffered } = pair({ status: 200, text: 'x', headers: {} });
    const [a, b] = [await buffered.blob(), await real.blob()];
    expect(a.type).toBe(b.type);
    expect(a.type).toBe('');
  });

  it('bytes handed to one reader are a copy: changing them does not change what a clone reads', async () => {
    const { buffered } = pair({ status: 200, text: 'abc', withBytes: true });
    const copy = buffered.clone();
    const bytes = new Uint8Array(await buffered.arrayBuffer());
    bytes[0] = 0x7a;
    expect(await copy.text()).toBe('abc');
  });
});
