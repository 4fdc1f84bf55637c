import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The reliability suite has its own command (npm run test:reliability) and config.
    exclude: ['**/node_modules/**', 'test/reliability/**'],
    // Files share a worker's module cache: importing the app once per worker instead of once per
    // file halves the suite (about 4 to 2 minutes on 2 cores). Every test opens its own database
    // and app, and the suite passes with the files in shuffled order.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
