// The part of vitest-pool-workers' `cloudflare:test` module these tests use, typed against our
// bindings (its own declaration needs the global Workers types, which clash with DOM and Node).
declare module 'cloudflare:test' {
  import type { D1Database } from '@cloudflare/workers-types/latest';
  import type { WorkerEnv } from '../../src/worker/env.js';

  export interface D1Migration {
    name: string;
    queries: string[];
  }

  export const env: WorkerEnv & {
    DB: D1Database;
    TEST_MIGRATIONS: D1Migration[];
    WHATSAPP_APP_SECRET: string;
  };

  /** The Worker under test (src/worker.ts), called as the platform would. */
  export const SELF: { fetch(input: string | Request, init?: RequestInit): Promise<Response> };

  /** The first argument of a `scheduled()` handler, as the cron trigger would pass it. */
  export function createScheduledController(options?: { scheduledTime?: number; cron?: string }): {
    scheduledTime: number;
    cron: string;
  };

  export function applyD1Migrations(db: D1Database, migrations: D1Migration[], table?: string): Promise<void>;
}
