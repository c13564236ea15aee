// Where the handlers answer. Production's base URLs by default, so code under test keeps its own config.
import { ARGYLE_URLS, PARTOO_URLS } from '../core/config.js';

/** Where {@link createMockHandlers}' handlers answer; anything else under these two origins gets the API's 404. */
export interface MockOrigins {
  /** Partoo's base URL the handlers answer on: an origin, with or without /v2 (default https://api.partoo.co/v2) */
  partooUrl?: string;
  /** Argyle's base URL: a bare origin, as Argyle's own is, and not Partoo's (default https://api.argyle.com) */
  argyleUrl?: string;
}

/**
 * The two base URLs, checked. The engine routes on the path after the origin (Partoo with or without /v2,
 * Argyle's paths carry /v2 themselves), so a base URL with any other path would get 404 on every request:
 * refused here, with the reason, instead.
 */
export function resolveOrigins(options: MockOrigins): { partooUrl: string; argyleUrl: string } {
  const check = (name: keyof MockOrigins, value: string, paths: string[]) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new TypeError(`createMockHandlers: ${name} must be an absolute http(s) URL, not ${JSON.stringify(value)}`);
    }
    const path = url.pathname.replace(/\/+$/, '');
    if (!/^https?:$/.test(url.protocol) || !paths.includes(path) || url.search || url.hash) {
      const allowed = paths.map((p) => JSON.stringify(p || '(none)')).join(' or ');
      throw new TypeError(`createMockHandlers: ${name} must be an http(s) origin with path ${allowed}, not ${value}`);
    }
    return `${url.origin}${path}`;
  };
  const partooUrl = check('partooUrl', options.partooUrl ?? PARTOO_URLS.production, ['', '/v2']);
  const argyleUrl = check('argyleUrl', options.argyleUrl ?? ARGYLE_URLS.production, ['']);
  // One origin for both would send every request to whichever handler MSW tries first.
  if (new URL(partooUrl).origin === new URL(argyleUrl).origin)
    throw new TypeError(`createMockHandlers: partooUrl and argyleUrl need two origins, not both ${argyleUrl}`);
  return { partooUrl, argyleUrl };
}
