// msw for the ./msw entry's CommonJS build (scripts/msw-commonjs-plugin.ts puts it in place of load-msw.ts). A
// require() in a function, not an import a bundler hoists: the failure can be caught and told in plain words.
import type * as Msw from 'msw';
import { mswRefusal } from './msw-refusal.js';

function load(): typeof Msw {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the point: a require() that can be caught
    return require('msw') as typeof Msw;
  } catch (e) {
    throw mswRefusal(e);
  }
}

export const { http } = load();
