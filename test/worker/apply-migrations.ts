import { applyD1Migrations, env } from 'cloudflare:test';

// The same SQL files `wrangler d1 migrations apply` runs on a deploy (wrangler.toml's migrations_dir).
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
