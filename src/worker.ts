import type { ExecutionContext } from '@cloudflare/workers-types/latest';
import { createApp } from './app.js';
import { createDeps } from './baton.js';
import { ConfigError } from './config/config.js';
import { openWorkerDatabase } from './worker/database.js';
import type { WorkerEnv } from './worker/env.js';
import { DurableObjectInboxEvents } from './worker/inbox-events.js';
import { requestProcessing } from './worker/processing.js';
import { workerRuntime } from './worker/runtime.js';
import { sweep } from './worker/sweep.js';

/**
 * The Workers entry point: the same `createApp` as Node, with D1 for storage, a Durable Object per
 * conversation for processing and one for the outbox (src/worker/). Configuration comes from the
 * Worker's vars and secrets, per isolate, on the first request; nothing is built at import time.
 */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    let runtime: ReturnType<typeof workerRuntime>;
    try {
      runtime = workerRuntime(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // The variable names are in the log, never in the response.
      console.error(error.message);
      return Response.json(
        { code: 'config_invalid', message: 'configuration is invalid; see the logs' },
        { status: 500 },
      );
    }
    await runtime.seed();
    // Per request: the database handle and the inbox events' stream. workerd ties I/O to the
    // request that started it, so nothing that queues writes (the webhook's group commit) or
    // streams (the inbox events) is shared between the requests of an isolate; the agent and
    // adapters are.
    const options = {
      ...runtime.wired.options,
      db: openWorkerDatabase(env.DB, runtime.config),
      events: new DurableObjectInboxEvents(env.INBOX_EVENTS, runtime.logger, (promise) =>
        ctx.waitUntil(promise),
      ),
    };
    return createApp(createDeps(options, requestProcessing(env, ctx, runtime.logger))).fetch(request);
  },

  async scheduled(controller: { scheduledTime: number }, env: WorkerEnv): Promise<void> {
    await sweep(env, controller.scheduledTime);
  },
};

export { ConversationObject } from './worker/conversation-object.js';
export { InboxEventsObject } from './worker/inbox-events-object.js';
export { OutboxObject } from './worker/outbox-object.js';
