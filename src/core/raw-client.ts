// The `.api` a client exposes: openapi-fetch's typed client, except that a success body which is not JSON is a
// typed ApiError (status, headers, a redacted snippet) instead of the bare SyntaxError openapi-fetch throws, whose
// message quotes the start of the body as it came, echoed credentials included.
import type { Client } from 'openapi-fetch';
import { parseJson, successText } from './api-result.js';
import { NO_CALLER_SIGNAL } from './transport.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
type Init = { parseAs?: string; signal?: AbortSignal | null } | undefined;
type Call = (url: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export function rawClient<C extends Client<any>>(client: C): C {
  const raw = { ...client } as unknown as Record<string, unknown>;
  const calls = client as unknown as Record<string, Call>;
  for (const method of METHODS)
    raw[method] = (url: string, init?: Init) => parsed(method, url, init, (i) => calls[method](url, i));
  raw.request = (method: string, url: string, init?: Init) =>
    parsed(method.toUpperCase(), url, init, (i) =>
      (client.request as unknown as (m: string, u: string, i?: Init) => ReturnType<Call>)(method, url, i),
    );
  return raw as unknown as C;
}

async function parsed(method: string, url: string, init: Init, call: (init: Init) => ReturnType<Call>) {
  // Without a signal of the caller's, the transport need not listen to the one every Request carries.
  const marked = init?.signal ? init : { ...init, [NO_CALLER_SIGNAL]: true };
  if (init?.parseAs !== undefined && init.parseAs !== 'json') return call(marked);
  const result = await call({ ...marked, parseAs: 'stream' });
  if (!result.response.ok) return result;
  // openapi-fetch's own reading: no body (204, HEAD, length 0) is `data: undefined`, and so is an empty text.
  const text = await successText(result);
  return { ...result, data: text === '' ? undefined : parseJson(result.response, text, `${method} ${url}`) };
}
