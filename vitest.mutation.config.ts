// The tests Stryker runs against each mutant of the send path (stryker.config.json): the fast ones only. Left out:
// the 60 s property test and the 75 s fleet test (too slow to run per mutant), and every test needing Prism.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/core/**/*.test.ts',
      'test/partoo/**/*.test.ts',
      'test/faults/*.test.ts',
      'test/redis/store-*.test.ts',
      'test/mock/stateful-http.test.ts',
    ],
    exclude: ['test/faults/no-double-sms.property.test.ts', '**/node_modules/**'],
    // Only the Redis the store tests need: no Prism (nothing here talks to it, and it is slow to start).
    globalSetup: ['test/mutation/global-setup.ts'],
    reporters: ['default'],
  },
});
