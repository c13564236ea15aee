// What `.api` may do otherwise than bare openapi-fetch, and nothing else. docs/raw-client.md's table has one row per
// key (test/core/raw-client-docs.test.ts checks it), the differential harness (test/core/differential.ts, used by
// test/core/raw-client-differential.test.ts) normalises only what these allow, and
// test/core/raw-client-differences.test.ts shows each one happening.
export const DIFFERENCES = {
  'auth header':
    "each attempt's copy of the Request carries the key, over any set before; the caller's and middleware's never do",
  'other origins': 'a request to another origin than the base URL is refused before it is sent',
  retries: 'reads are retried on connection failures and retryable statuses; writes on 429 or when never sent',
  'attempt timeout': 'each attempt is timed out, over the wait for the headers and between two chunks of a body',
  'rate limit': "the client-wide rate limit may delay an attempt (Partoo's client)",
  'logs and traces': 'each attempt is logged and traced, with no secrets',
  redirects: 'redirects are not followed while holding credentials: fetch gets `redirect: manual`',
  'fetch failures':
    "a failure of fetch is a typed ConnectionError or TimeoutError, its cause a redacted copy of fetch's",
  secrets: 'no registered secret in anything `.api` returns or throws: bodies, headers, errors',
  'middleware fetch': "middleware's `options.fetch` is the SDK's transport, not the fetch the client was given",
  'base URL':
    'checked when the client is made: absolute http(s), without credentials, query, fragment or the prefix ' +
    "the API's paths start with (Argyle's /v2)",
} as const;

export type Difference = keyof typeof DIFFERENCES;
