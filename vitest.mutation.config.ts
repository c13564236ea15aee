// The tests Stryker runs against each mutant of the send path (stryker.config.json): the fast ones that pin it. Every
// request goes through the transport, so a surviving transport mutant runs every test here: each file costs its full
// time once per such mutant. Left out: the 60 s property test and the 75 s fleet test, the bulk runner (7 s, paced by
// its rate limit), the late-delivery and stateful-mock files (10 s and 6 s of real waits; guard-settle and
// send-invitation pin the same decisions), and every test needing Prism.
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
    ],
    exclude: [
      'test/faults/no-double-sms.property.test.ts',
      'test/faults/send-first.property.test.ts',
      'test/faults/late-delivery.test.ts',
      'test/partoo/bulk.test.ts',
      // Reads, not the send path; the status poll's timing test fails under a loaded machine's delays.
      'test/partoo/invitation-status.test.ts',
      'test/partoo/search-invitations.test.ts',
      '**/node_modules/**',
    ],
    // Only the Redis the store tests need: no Prism (nothing here talks to it, and it is slow to start).
    globalSetup: ['test/mutation/global-setup.ts'],
    reporters: ['default'],
    // One module graph for all files (Stryker runs each mutant in one worker): the stateful mocks load their specs
    // once instead of once per file, which makes each mutant's run about 3x faster (40 s against 160 s here).
    isolate: false,
  },
});
