import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.spec.ts'],
    globalSetup: ['./setup.ts'],
    // The files share one mock and its clock: one file at a time, so a reset() or advanceTime() in one
    // never lands in the middle of another.
    fileParallelism: false,
  },
});
