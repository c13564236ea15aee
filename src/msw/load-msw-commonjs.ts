// msw for the ./msw entry's CommonJS build (scripts/msw-commonjs-plugin.ts puts it in place of load-msw.ts). A
// require() in a function, not an import a bundler hoists: the failure can be caught and told in plain words.
// `http` from msw's own module for it where there is one (msw 2: msw/core/http), lighter than msw's index.
import type * as Msw from 'msw';
import { mswRefusal } from './msw-refusal.js';

function load(): Pick<typeof Msw, 'http'> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the point: a require() that can be caught
    return require('msw/core/http') as Pick<typeof Msw, 'http'>;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw mswRefusal(e);
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('msw') as typeof Msw;
  } catch (e) {
    throw mswRefusal(e);
  }
}

export const { http } = load();
