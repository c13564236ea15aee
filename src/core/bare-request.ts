// openapi-fetch builds a Request for every call (`new Request(url, init)`), to hand to middleware and then to
// fetch. On Node 20 one costs ~10 µs: a URL parse, a copy of the headers, an AbortSignal of its own. While no
// middleware is registered nobody but the transport sees it, and the transport reads four of its fields: so `.api`
// hands openapi-fetch this constructor as its `Request` option (which openapi-fetch offers for this) for calls
// without middleware.

/** What the transport reads of a call openapi-fetch built: no stream, no signal of its own. */
export class BareRequest {
  constructor(
    readonly url: string,
    readonly method: string,
    readonly headers: Headers,
    /** the caller's own signal, when one was given */
    readonly signal: AbortSignal | undefined,
  ) {}

  /** never a body: a call with one gets a real Request */
  readonly body = null;
}

/**
 * Called with `new` by openapi-fetch. A call with a body, or with a method fetch might refuse, gets a real Request,
 * as before: it sets a FormData's or a Blob's content type and refuses a body on a GET, as a caller expects.
 */
function requestFor(url: string, init: RequestInit): BareRequest | Request {
  const { method } = init;
  // openapi-fetch always names the method; without one, Request's own default applies.
  if (init.body != null || !takenAsIs(method)) return new Request(url, init);
  const headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
  return new BareRequest(url, method, headers, init.signal ?? undefined);
}

export const bareRequest = requestFor as unknown as typeof Request;

/** The methods a Request takes as they are (openapi-fetch upper-cases them); others go to Request's own checks. */
function takenAsIs(method: string | undefined): method is string {
  switch (method) {
    case 'GET':
    case 'HEAD':
    case 'DELETE':
    case 'OPTIONS':
    case 'PUT':
    case 'POST':
    case 'PATCH':
      return true;
    // Stryker disable next-line ConditionalExpression: falling out of the switch returns undefined, as false as false
    default:
      return false;
  }
}
