import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:worker`, two projects (the Node suite, `npm test`, skips both kinds of file):
 * - workerd: the Worker (src/worker.ts, wrangler.toml's bindings) runs in workerd under
 *   Miniflare with a local D1, real Durable Objects and alarms; test/worker/*.workerd.ts run
 *   beside it (the flows, and LangGraph's checkpointer validation suite on D1).
 * - bundle: test/worker/*.wrangler.ts start the deployable bundle with `wrangler dev --local`
 *   and drive it over HTTP.
 */
const local = {
  // A local, non-production run: the sandbox is on; a secret makes signatures checked.
  BATON_DEPLOYED: 'false',
  WHATSAPP_APP_SECRET: 'workerd-test-app-secret',
  CONVERSATION_SETTLE_MS: '200',
  // Fast retries and an early dead letter (dead-letter.workerd.ts).
  OUTBOX_MAX_ATTEMPTS: '3',
  OUTBOX_BASE_DELAY_MS: '20',
  LOG_LEVEL: 'error',
};

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        plugins: [
          cloudflareTest(async () => ({
            main: './src/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: { ...local, TEST_MIGRATIONS: await readD1Migrations('src/store/migrations') },
            },
          })),
        ],
        test: {
          name: 'workerd',
          include: ['test/worker/**/*.workerd.ts'],
          setupFiles: ['./test/worker/apply-migrations.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'bundle',
          include: ['test/worker/**/*.wrangler.ts'],
          testTimeout: 30_000,
          hookTimeout: 150_000,
        },
      },
    ],
  },
});
