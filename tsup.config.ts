import { defineConfig } from 'tsup';
import { mswForCommonJs } from './scripts/msw-commonjs-plugin.js';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'redis/index': 'src/redis/index.ts',
    'msw/index': 'src/msw/index.ts',
    cli: 'src/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  // import.meta.url in CommonJS: the testing entry finds openapi/ and Prism from it.
  shims: true,
  target: 'node20',
  platform: 'node',
  clean: true,
  sourcemap: false,
  splitting: true,
  // The ./msw entry's CommonJS build loads msw through src/msw/load-msw-commonjs.ts, which says why when it cannot.
  esbuildPlugins: [mswForCommonJs],
});
