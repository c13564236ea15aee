// `.api` hands back a Response over the body the attempt core already read: it must behave as a Response does for
// everyone who reads it (openapi-fetch, middleware, the caller), whichever way they read it.
import { describe, expect, it } from 'vitest';
import { BufferedResponse } from '../../src/core/buffered-response.js';

const make = (text: string, status = 200, bytes?: ArrayBuffer) =>
  new BufferedResponse({
    status,
    statusText: status === 200 ? 'OK' : 'Other',
    headers: new Headers({ 'content-type': 'application/json', 'x-id': '7' }),
    text,
    bytes,
  });

describe('a buffered response', () => {
  it('is a Response with the status, status text and the very headers it was given', () => {
    const headers = new Headers({ 'x-id': '7' });
    const response = new BufferedResponse({ status: 201, statusText: 'Created', headers, text: '{}' });
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok]).toEqual([201, 'Created', true]);
    expect(response.headers).toBe(headers);
  });

  it('reads as text, JSON, bytes, a blob or form data, once', async () => {
    expect(await make('{"a":1}').json()).toEqual({ a: 1 });
    expect(await make('héllo').text()).toBe('héllo');
    expect(new TextDecoder().decode(await make('héllo').arrayBuffer())).toBe('héllo');
    expect(new TextDecoder().decode(await make('abc').bytes())).toBe('abc');
    const blob = await make('{"a":1}').blob();
    expect([blob.type, await blob.text()]).toEqual(['application/json', '{"a":1}']);
    const form = new BufferedResponse({
      status: 200,
      statusText: 'OK',
      headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      text: 'a=1&b=2',
    });
    const fields = await form.formData();
    expect([fields.get('a'), fields.get('b')]).toEqual(['1', '2']);
    const once = make('{}');
    expect(once.bodyUsed).toBe(false);
    await once.text();
    expect(once.bodyUsed).toBe(true);
    await expect(once.json()).rejects.toThrow(TypeError);
    expect(() => once.clone()).toThrow(TypeError);
  });

  it('hands over the bytes as they came, and a copy, so a reader cannot change them for another', async () => {
    const bytes = new TextEncoder().encode('{"raw":true}').buffer as ArrayBuffer;
    const response = make('{"raw":true}', 200, bytes);
    const copy = response.clone();
    const read = await response.arrayBuffer();
    expect(read).not.toBe(bytes);
    new Uint8Array(read)[0] = 0;
    expect(await copy.text()).toBe('{"raw":true}');
  });

  it('gives a stream when `body` is asked for, and reads through it from then on', async () => {
    const response = make('{"streamed":1}');
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(new TextDecoder().decode(Buffer.concat(chunks))).toBe('{"streamed":1}');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('clones before a read: each copy reads the whole body', async () => {
    const response = make('{"n":2}');
    const copy = response.clone();
    expect(copy).toBeInstanceOf(Response);
    expect(copy.headers.get('x-id')).toBe('7');
    expect(await copy.json()).toEqual({ n: 2 });
    expect(await response.json()).toEqual({ n: 2 });
  });

  it('has no body for 204 and 304, read as often as one likes, as a Response of those statuses', async () => {
    for (const status of [204, 304]) {
      const response = make('', status);
      const real = new Response(null, { status });
      expect(response.body).toBe(real.body);
      expect([await response.text(), await response.text()]).toEqual([await real.text(), await real.text()]);
      expect((await response.arrayBuffer()).byteLength).toBe(0);
      expect(response.bodyUsed).toBe(real.bodyUsed);
      expect(await response.clone().text()).toBe('');
    }
  });
});
