// `.api`: openapi-fetch's own client, made when the client is made, over the SDK's transport as its `fetch`. The
// client's openapi-fetch options (headers, serializers, Request, requestInitExt, RequestInit fields) are handed on
// as they came; what differs from bare openapi-fetch is the transport's doing (docs/raw-client.md).
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { ConfigurationError } from './errors.js';
import { registerSecrets } from './redact.js';
import type { Transport } from './transport.js';

/** openapi-fetch's client options, under its own names and types, but for the two the SDK sets itself. */
export type ApiOptions = Omit<ClientOptions, 'baseUrl' | 'fetch'>;

/** Headers whose values are credentials: registered as secrets, so nothing `.api` returns or throws quotes them. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-apikey']);

/** openapi-fetch's options out of a client's: every key the client does not read itself. */
export function apiOptions(options: object, own: ReadonlySet<string>): ApiOptions {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) if (!own.has(key)) out[key] = value;
  return out as ApiOptions;
}

/**
 * openapi-fetch's client over `transport`. A `headers` option setting the client's own auth header would race
 * the key it was given: refused. Its credential values are registered for as long as the transport lives.
 */
export function createApi<P extends object>(
  transport: Transport,
  baseUrl: string,
  options: ApiOptions,
  authHeader: string,
): Client<P> {
  const secrets: string[] = [];
  for (const [name, value] of headerEntries(options.headers)) {
    const lower = name.toLowerCase();
    if (value == null || !CREDENTIAL_HEADERS.has(lower)) continue;
    if (lower === authHeader.toLowerCase())
      throw new ConfigurationError(`headers must not set ${authHeader}: the client sets it from its own key`);
    for (const v of [value].flat()) secrets.push(String(v), ...String(v).split(/[\s;=,]+/));
  }
  registerSecrets(transport, secrets);
  return createClient<P>({ ...options, baseUrl, fetch: transport });
}

function headerEntries(headers: ApiOptions['headers']): [string, unknown][] {
  if (!headers) return [];
  if (headers instanceof Headers) {
    const out: [string, unknown][] = [];
    headers.forEach((value, name) => out.push([name, value]));
    return out;
  }
  if (Array.isArray(headers)) return headers.map(([name, value]): [string, unknown] => [name, value]);
  return Object.entries(headers);
}
