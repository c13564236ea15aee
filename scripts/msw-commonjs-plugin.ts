// An esbuild plugin for the package's CommonJS build: the ./msw entry loads msw through src/msw/load-msw-commonjs.ts
// (a require() it can catch, to refuse jest's CommonJS mode in words that name the fix) instead of load-msw.ts's
// import. tsup defines TSUP_FORMAT per build; the jest test passes the same define.
import { join } from 'node:path';
import type { Plugin } from 'esbuild';

export const mswForCommonJs: Plugin = {
  name: 'msw-for-commonjs',
  setup(build) {
    if (build.initialOptions.define?.TSUP_FORMAT !== '"cjs"') return;
    build.onResolve({ filter: /^\.\/load-msw\.js$/ }, (args) => ({
      path: join(args.resolveDir, 'load-msw-commonjs.ts'),
    }));
  },
};
