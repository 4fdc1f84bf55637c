import { Hono } from 'hono';
import type { ParsedWebhook } from '../../src/channel/inbound.js';
import type { Deps } from '../../src/deps.js';
import type { AppEnv } from '../../src/http/context.js';
import { Metrics } from '../../src/http/metrics.js';
import { onError } from '../../src/http/on-error.js';
import { silentLogger } from '../../src/log/logger.js';

export type Accepted = Pick<ParsedWebhook, 'messages' | 'statuses'>;

/**
 * A channel's webhook route on a bare app, with a fake pipeline that records what it was given
 * instead of storing it: for testing a webhook's parsing and verification on their own.
 */
export function recordingWebhookApp(
  path: string,
  route: Hono<AppEnv>,
  options: { limit?: number; now?: number } = {},
) {
  const accepted: Accepted[] = [];
  /** What the route logged at warn level, as the logger was given it. */
  const warnings: unknown[] = [];
  const logger = {
    ...silentLogger,
    warn: (message: string, fields?: unknown) => warnings.push({ message, fields }),
  };
  const deps = {
    config: { WEBHOOK_BODY_LIMIT_BYTES: options.limit ?? 64 * 1024 },
    clock: { now: () => options.now ?? Date.now() },
    metrics: new Metrics(),
    pipeline: {
      accept: async (parsed: Accepted) => {
        accepted.push(parsed);
        return {
          stored: parsed.messages.length,
          duplicates: 0,
          statuses: parsed.statuses.length,
          staleStatuses: 0,
          conversationIds: [],
        };
      },
    },
  } as unknown as Deps;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('logger', logger);
    c.set('requestId', 'req-test');
    await next();
  });
  app.onError(onError);
  app.route(path, route);
  return { app, accepted, warnings };
}
