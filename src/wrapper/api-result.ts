import { apiErrorFor } from './errors.js';
import { retryAfterMs } from './transport.js';

/**
 * The wrapper asks openapi-fetch for text (`parseAs: 'text'`) and parses here, once, so a truncated or
 * non-JSON success body becomes a typed ApiError carrying the status rather than a bare SyntaxError.
 */
export function unwrap<T>(result: { data?: unknown; error?: unknown; response: Response }, operation: string): T {
  const { response } = result;
  if (!response.ok) {
    throw apiErrorFor({
      status: response.status,
      body: result.error,
      operation,
      headers: response.headers,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    });
  }
  const text = typeof result.data === 'string' ? result.data : '';
  try {
    if (text === '') throw new SyntaxError('empty body');
    return JSON.parse(text) as T;
  } catch {
    throw apiErrorFor({
      status: response.status,
      body: text.length > 500 ? `${text.slice(0, 500)}…` : text,
      operation,
      headers: response.headers,
      message: `malformed response: expected JSON, got ${text === '' ? 'an empty body' : `${response.headers.get('content-type') ?? 'no content type'}`}`,
    });
  }
}
