import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Examples import the package by name, as users do; in the checkout that name means the source.
  resolve: {
    alias: [
      { find: /^partoo-argyle-sdk\/redis$/, replacement: new URL('./src/redis/index.ts', import.meta.url).pathname },
      { find: /^partoo-argyle-sdk\/msw$/, replacement: new URL('./src/msw/index.ts', import.meta.url).pathname },
      {
        find: /^partoo-argyle-sdk\/testing$/,
        replacement: new URL('./src/testing/index.ts', import.meta.url).pathname,
      },
      { find: /^partoo-argyle-sdk$/, replacement: new URL('./src/index.ts', import.meta.url).pathname },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The JSON report is what .ci/run counts; the default reporter is what people read; the last line names the skips.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }], './test/support/skip-summary.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
