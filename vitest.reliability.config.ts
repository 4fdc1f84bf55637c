import { defineConfig } from 'vitest/config';

/** `npm run test:reliability`: storms, crashes, faults, hostile input and security checks (CI). */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    // One file at a time: they load the 2-core machine on purpose, and the crash test times a child.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
