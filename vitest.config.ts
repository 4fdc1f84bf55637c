import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The reliability suite has its own command (npm run test:reliability) and config.
    exclude: ['**/node_modules/**', 'test/reliability/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
