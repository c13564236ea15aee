// The clients call their `fetch` as `globalThis.fetch` is called: with a Request (`.api`, openapi-fetch's) or with
// a URL and its init (their own operations). A test's fetch reads either through these.

/** One Request for either way of calling fetch; the same Request when it came alone. */
export const asRequest = (input: RequestInfo | URL, init?: RequestInit): Request =>
  input instanceof Request && init === undefined ? input : new Request(input, init);

/** The method, without building a Request. */
export const methodOf = (input: RequestInfo | URL, init?: RequestInit): string =>
  (input instanceof Request ? input.method : (init?.method ?? 'GET')).toUpperCase();

/** The URL, without building a Request. */
export const urlOf = (input: RequestInfo | URL): string => (input instanceof Request ? input.url : String(input));

/** Name/value pairs of headers or form data, in order (the DOM lib this project compiles against has no iterators). */
export function entriesOf<V = string>(from: { forEach(each: (value: V, name: string) => void): void }): [string, V][] {
  const out: [string, V][] = [];
  from.forEach((value, name) => out.push([name, value]));
  return out;
}
