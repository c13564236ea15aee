import { ConfigurationError } from './errors.js';
import type { FetchLike } from './transport.js';

export type Environment = 'production' | 'sandbox';

export interface CommonClientOptions {
  environment?: Environment;
  /** overrides `environment`, e.g. a mock server's URL */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** per attempt, default 30000 */
  timeoutMs?: number;
  /** default 2 */
  maxRetries?: number;
}

/** The keys of CommonClientOptions: a client hands every other key of its options (but its own) to openapi-fetch. */
export const COMMON_KEYS = ['environment', 'baseUrl', 'fetch', 'timeoutMs', 'maxRetries'] as const;

export const PARTOO_URLS: Record<Environment, string> = {
  production: 'https://api.partoo.co/v2',
  sandbox: 'https://api.sandbox.partoo.co/v2',
};
export const ARGYLE_URLS: Record<Environment, string> = {
  production: 'https://api.argyle.com',
  sandbox: 'https://api-sandbox.argyle.com',
};

// Argyle's paths start with /v2 themselves (`/v2/invites`), so its base URL is a bare origin; one ending in /v2
// requested /v2/v2/invites and got a bare 404. Partoo's paths do not repeat its /v2: its base URL keeps it.
const OWN_PREFIX = new Map<Record<Environment, string>, { api: string; prefix: string }>([
  [ARGYLE_URLS, { api: 'Argyle', prefix: '/v2' }],
]);

/** The options both clients share, checked. */
export interface CommonSettings {
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  fetch: FetchLike;
}

export function resolveCommon(options: CommonClientOptions, urls: Record<Environment, string>): CommonSettings {
  const environment = options.environment ?? 'production';
  if (!(environment in urls))
    throw new ConfigurationError(`environment must be "production" or "sandbox", not ${JSON.stringify(environment)}`);
  const baseUrl = checkBaseUrl((options.baseUrl ?? urls[environment]).replace(/\/+$/, ''), options.baseUrl, urls);
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new ConfigurationError(`timeoutMs must be a positive number of milliseconds, not ${String(timeoutMs)}`);
  const maxRetries = options.maxRetries ?? 2;
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10)
    throw new ConfigurationError(`maxRetries must be an integer from 0 to 10, not ${String(maxRetries)}`);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function')
    throw new ConfigurationError('no fetch available: pass the `fetch` option (Node >= 20 has one built in)');
  return { baseUrl, timeoutMs, maxRetries, fetch: fetchImpl as FetchLike };
}

function checkBaseUrl(baseUrl: string, option: string | undefined, urls: Record<Environment, string>): string {
  const url = parseBaseUrl(baseUrl, option);
  // As fetch would send it (host lower-cased, default port dropped, path encoded): the origin check compares
  // request URLs with it, and `https://API.partoo.co:443` is the same server as `https://api.partoo.co`.
  const normalized = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  const own = OWN_PREFIX.get(urls);
  if (own && url.pathname.endsWith(own.prefix)) {
    const fixed = normalized.slice(0, -own.prefix.length);
    throw new ConfigurationError(
      `baseUrl ${JSON.stringify(normalized)} ends in ${own.prefix}, which ${own.api}'s paths already start with ` +
        `(requests would go to ${own.prefix}${own.prefix}/…): use ${JSON.stringify(fixed)}`,
    );
  }
  return normalized;
}

function parseBaseUrl(baseUrl: string, option: string | undefined): URL {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new ConfigurationError(`baseUrl must be an absolute http(s) URL, not ${JSON.stringify(option)}`);
  // Not quoted: the user:password part is a secret. fetch refuses such URLs anyway.
  if (url.username || url.password)
    throw new ConfigurationError('baseUrl must not carry credentials (user:password@host): pass the key as an option');
  if (url.search || url.hash)
    throw new ConfigurationError(
      `baseUrl must not have a query or a fragment (the paths are appended to it), not ${JSON.stringify(option)}`,
    );
  return url;
}

/** An explicit option wins; otherwise the environment variable; neither is a ConfigurationError naming the variable. */
export function requireKey(value: string | undefined, option: string, variable: string): string {
  let key = value;
  let denied: Error | undefined;
  try {
    // No `process` in a Worker without nodejs_compat or a browser: then only the option counts.
    key ??= globalThis.process?.env[variable];
  } catch (error) {
    // Deno without --allow-env throws its own NotCapable here: reported as this error, naming the variable.
    denied = error as Error;
  }
  if (typeof key !== 'string' || key.trim() === '') {
    throw new ConfigurationError(
      `Missing ${option}: pass { ${option} } or set the ${variable} environment variable` +
        (denied ? ` (not readable: ${denied.name}; Deno needs --allow-env=${variable})` : ''),
      { cause: denied },
    );
  }
  return key;
}
