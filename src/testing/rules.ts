// What both modes agree on for each API, so the same request gets the same answer from Prism behind the
// static front and from the stateful engine: credentials, the path prefix, the origin of cursor links.
import { argyleErrors, partooErrors, type ApiErrors } from './api-errors.js';
import type { SpecName } from './specs.js';

export interface ApiRules {
  errors: ApiErrors;
  /** the request carries the credentials the mock accepts */
  authorized(request: Request): boolean;
  /** the path as the spec writes it */
  specPath(pathname: string): string;
  invalidJson: unknown;
}

export interface MockCredentials {
  apiKey: string;
  apiKeyId: string;
  apiKeySecret: string;
}

export function rulesFor(api: SpecName, credentials: MockCredentials): ApiRules {
  if (api === 'partoo') {
    return {
      errors: partooErrors,
      authorized: (r) => r.headers.get('x-apikey') === credentials.apiKey,
      // Production's base URL ends in /v2 and the spec's paths do not repeat it: both modes serve the paths
      // with and without it, so `baseUrl: mock.partooUrl` and the same URL + '/v2' both work.
      specPath: (p) => p.replace(/^\/v2(?=\/)/, ''),
      invalidJson: partooErrors.invalid('Invalid JSON body.'),
    };
  }
  const expected = `Basic ${btoa(`${credentials.apiKeyId}:${credentials.apiKeySecret}`)}`;
  return {
    errors: argyleErrors,
    authorized: (r) => r.headers.get('authorization') === expected,
    // Argyle's paths carry /v2 themselves (`/v2/invites`); its base URL is the bare origin.
    specPath: (p) => p,
    invalidJson: argyleErrors.invalid('JSON parse error.'),
  };
}

/** The origin a client reached: cursor links point there (behind a proxy, at the forwarded host). */
export function publicOrigin(request: Request): string {
  const forwardedHost = request.headers.get('x-forwarded-host');
  return forwardedHost
    ? `${request.headers.get('x-forwarded-proto') ?? 'https'}://${forwardedHost}`
    : new URL(request.url).origin;
}
