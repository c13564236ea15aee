import { createSpecValidator, type SpecValidator } from '../../src/testing/validator.js';
import { loadMockSpec, type SpecName } from '../../src/testing/specs.js';
import { asRequest } from '../support/request.js';

const validators = new Map<SpecName, Promise<SpecValidator>>();
export const validatorFor = (name: SpecName) => {
  if (!validators.has(name)) validators.set(name, createSpecValidator(loadMockSpec(name)));
  return validators.get(name)!;
};

/** Every operationId of a spec, to prove the contract tables leave none out. */
export function operationIds(name: SpecName): string[] {
  const ids: string[] = [];
  for (const item of Object.values<Record<string, any>>(loadMockSpec(name).paths)) {
    for (const op of Object.values<any>(item)) if (op?.operationId) ids.push(op.operationId);
  }
  return ids.sort();
}

/** The response, checked against the spec by Prism's validator; the request was already checked by Prism (--errors). */
export async function expectConforms(name: SpecName, request: Request, response: Response, body: unknown) {
  const v = await validatorFor(name);
  const url = new URL(request.url);
  const op = v.route(request.method, url.pathname);
  if (!op) throw new Error(`no operation for ${request.method} ${url.pathname}`);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  const problems = v.checkResponse(op, { status: response.status, headers, body });
  if (problems.length) throw new Error(`${op.iid} ${response.status} does not match the spec: ${problems.join('; ')}`);
  // Prism reports its own request/response violations in this header even when it answers.
  if (response.headers.get('sl-violations'))
    throw new Error(`Prism reported violations: ${response.headers.get('sl-violations')}`);
  return op.iid;
}

/** A fetch that remembers the last request it sent, so the test can check what the typed client built. */
export function recordingFetch() {
  let last: Request | undefined;
  return {
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = asRequest(input, init);
      last = request.clone();
      return fetch(request);
    }) as typeof fetch,
    last: () => {
      if (!last) throw new Error('no request was sent');
      return last;
    },
  };
}
