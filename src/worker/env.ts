import type { D1Database, ExecutionContext } from '@cloudflare/workers-types/latest';
import { type Config, loadConfig } from '../config/config.js';
import type { InboxEvent } from '../inbox/events.js';

export type { ExecutionContext };

/** What a conversation's Durable Object answers over RPC (src/worker/conversation-object.ts). */
export interface ConversationRpc {
  schedule(conversationId: string): Promise<void>;
}

/** What the outbox's Durable Object answers over RPC (src/worker/outbox-object.ts). */
export interface OutboxRpc {
  kick(): Promise<void>;
}

/** What the inbox events' Durable Object answers over RPC (src/worker/inbox-events-object.ts). */
export interface InboxEventsRpc {
  publish(event: InboxEvent): Promise<void>;
  /** Every event published from now on, one JSON object per line. */
  subscribe(): Promise<ReadableStream<Uint8Array>>;
}

/** A Durable Object namespace as Baton uses it: one object per name, called through its RPC methods. */
export interface NamedObjects<Rpc> {
  getByName(name: string): Rpc;
}

/**
 * The Worker's bindings (wrangler.toml) and, beside them, its vars and secrets: the same
 * variables `process.env` carries on Node, validated by the same zod schema.
 */
export interface WorkerEnv {
  /** D1; without it, DATABASE_URL names a Turso / libSQL server (src/worker/database.ts). */
  DB?: D1Database;
  CONVERSATIONS: NamedObjects<ConversationRpc>;
  OUTBOX: NamedObjects<OutboxRpc>;
  INBOX_EVENTS: NamedObjects<InboxEventsRpc>;
  /** `"false"` only for local runs (`wrangler dev --var BATON_DEPLOYED:false`, tests); a deploy counts as production. */
  BATON_DEPLOYED?: string;
  [variable: string]: unknown;
}

/** The single outbox object: one dispatcher for all sends keeps each conversation's sends in order. */
export const OUTBOX_OBJECT = 'outbox';

/** The single inbox events object: every isolate publishes to it and every open inbox listens to it. */
export const INBOX_EVENTS_OBJECT = 'inbox';

/**
 * Configuration from Wrangler vars and secrets. A deploy is production (WhatsApp secrets
 * required, sandbox off) unless `BATON_DEPLOYED` is `"false"`.
 */
export function configFromEnv(env: WorkerEnv): Config {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') variables[name] = value;
  return loadConfig(variables, { deployed: env.BATON_DEPLOYED !== 'false' });
}
