import { createAgent } from './agent/agent.js';
import { DrizzleCheckpointSaver } from './agent/checkpointer.js';
import type { AgentDeps } from './agent/context.js';
import { type Baton, type BatonOptions, createBaton } from './baton.js';
import { channelMediaFetcher, channelTransports } from './channel/channels.js';
import type { Transport } from './channel/outbound.js';
import { GraphTransport } from './channel/whatsapp/graph-transport.js';
import type { Config } from './config/config.js';
import { attachLlmMeter } from './http/llm-metrics.js';
import { Metrics } from './http/metrics.js';
import { type InboxEvents, LocalInboxEvents } from './inbox/events.js';
import type { KnowledgeDocument } from './knowledge/document.js';
import { KnowledgeBase } from './knowledge/knowledge-base.js';
import { LlmMeter } from './llm/meter.js';
import { OfflineLlm } from './llm/offline/offline-llm.js';
import { createOpenAiClient } from './llm/openai/client.js';
import { createOpenAiLlm, DEFAULT_AZURE_API_VERSION } from './llm/openai/factory.js';
import type { Llm } from './llm/port.js';
import type { Logger } from './log/logger.js';
import { mediaSettings } from './media/config.js';
import type { MediaFetcher } from './media/fetch-media.js';
import { INBOX_MEDIA_TYPES } from './media/mime.js';
import type { MediaDeps } from './media/understand.js';
import { DbOrders } from './orders/db-orders.js';
import { HttpOrders } from './orders/http-orders.js';
import type { Orders } from './orders/order.js';
import { policyConfigFrom } from './policy/policy-config.js';
import { SandboxTransport } from './sandbox/transport.js';
import type { Db } from './store/db.js';
import type { Clock } from './util/clock.js';

export interface WiringInput {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  knowledge: readonly KnowledgeDocument[];
  version: string;
  /** Overrides for tests and evals; otherwise chosen from the configuration. */
  transport?: Transport;
  llm?: Llm;
  orders?: Orders;
  fetch?: typeof fetch;
  /** Counts LLM calls, tokens, cost and faults; the eval runner reads it per conversation. */
  meter?: LlmMeter;
  /** Prompt versions that win over `LLM_PROMPTS` (the eval runner's `--prompts`). */
  prompts?: string;
  /** Media understanding; by default built from the configuration when a model is configured. */
  media?: MediaDeps;
  /** The files customers sent, for the inbox; by default each configured channel's fetcher. */
  mediaFetcher?: MediaFetcher;
  /** Where live inbox events go; in-process by default, the inbox events object on Workers. */
  events?: InboxEvents;
}

export function transportFrom(config: Config, fetchImpl?: typeof fetch): Transport {
  if (config.transport === 'sandbox') return new SandboxTransport();
  return new GraphTransport({
    baseUrl: config.WHATSAPP_API_BASE_URL,
    apiVersion: config.WHATSAPP_API_VERSION,
    phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID ?? '',
    accessToken: config.WHATSAPP_ACCESS_TOKEN ?? '',
    timeoutMs: config.WHATSAPP_SEND_TIMEOUT_MS,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

function ordersFrom(config: Config, db: Db, logger: Logger, fetchImpl?: typeof fetch): Orders {
  if (config.ORDERS_API_URL === undefined) return new DbOrders(db);
  return new HttpOrders({
    baseUrl: config.ORDERS_API_URL,
    logger,
    ...(config.ORDERS_API_TOKEN ? { token: config.ORDERS_API_TOKEN } : {}),
    timeoutMs: 5_000,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

/**
 * Voice notes and photos need a model that can hear and see; without the LLM path the offline
 * behaviour (ask for a short text) stays.
 */
function mediaFrom(config: Config, logger: Logger, fetchImpl?: typeof fetch): { media?: MediaDeps } {
  if (config.llmProvider !== 'openai') return {};
  const azure = config.AZURE_OPENAI_ENDPOINT;
  const settings = azure
    ? mediaSettings({ ...config, LLM_MODEL: config.AZURE_OPENAI_DEPLOYMENT }, { azure: true })
    : mediaSettings(config);
  const fetcher = channelMediaFetcher(config, settings.limits, fetchImpl);
  // Without a fixed deployment the Azure client puts each call's model in the path: one client
  // for the transcription and the vision deployments. Each call has its own deadline.
  const client = createOpenAiClient({
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
    ...(azure
      ? {
          azure: {
            endpoint: azure,
            apiVersion: config.AZURE_OPENAI_API_VERSION ?? DEFAULT_AZURE_API_VERSION,
          },
          apiKey: config.AZURE_OPENAI_API_KEY ?? config.OPENAI_API_KEY,
        }
      : { apiKey: config.OPENAI_API_KEY, baseURL: config.LLM_BASE_URL }),
  });
  return { media: { ...settings, client, logger, ...(fetcher ? { fetcher } : {}) } };
}

/** Agents open what customers sent with the channel's credentials, photos and voice notes and more. */
function inboxMediaFrom(config: Config, input: WiringInput): { mediaFetcher?: MediaFetcher } {
  const limits = {
    timeoutMs: config.MEDIA_TIMEOUT_MS,
    maxBytes: config.MEDIA_MAX_BYTES,
    allowedTypes: INBOX_MEDIA_TYPES,
  };
  const fetcher = input.mediaFetcher ?? channelMediaFetcher(config, limits, input.fetch);
  return fetcher ? { mediaFetcher: fetcher } : {};
}

/** The adapters chosen from the configuration and the agent built on them, not yet running. */
export interface Wired {
  /** What `createBaton` (Node) or the Workers entry point's parts take. */
  options: BatonOptions;
  transport: Transport;
  agentDeps: AgentDeps;
}

/** The one place adapters are chosen; the runtime decides how messages and sends are processed. */
export function wireAdapters(input: WiringInput): Wired {
  const { config, db, clock, logger } = input;
  const transport = input.transport ?? transportFrom(config, input.fetch);
  const transports = channelTransports(config, transport, input.fetch);
  const events = input.events ?? new LocalInboxEvents();
  const metrics = new Metrics();
  const knowledge = new KnowledgeBase(input.knowledge);
  const meter = input.meter ?? new LlmMeter();
  attachLlmMeter(metrics, meter);
  const llm =
    input.llm ??
    (config.llmProvider === 'openai'
      ? createOpenAiLlm(config, {
          fallback: new OfflineLlm(),
          meter,
          logger,
          knowledge,
          ...(input.prompts ? { prompts: input.prompts } : {}),
        })
      : new OfflineLlm());
  const agentDeps: AgentDeps = {
    db,
    events,
    llm,
    knowledge,
    orders: input.orders ?? ordersFrom(config, db, logger, input.fetch),
    policy: policyConfigFrom(config),
    clock,
    logger,
    knowledgeMinScore: config.KNOWLEDGE_MIN_SCORE,
    knowledgeMinCoverage: config.KNOWLEDGE_MIN_COVERAGE,
    sinks: config.sinks,
    businessName: config.BUSINESS_NAME,
    supportEmail: config.SUPPORT_EMAIL,
    ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
    ...(input.media ? { media: input.media } : mediaFrom(config, logger, input.fetch)),
  };
  const handleTurn = createAgent(agentDeps, new DrizzleCheckpointSaver(db));
  return {
    options: {
      config,
      db,
      clock,
      logger,
      transports,
      handleTurn,
      events,
      metrics,
      version: input.version,
      ...inboxMediaFrom(config, input),
    },
    transport,
    agentDeps,
  };
}

/** Builds the whole in-process service (Node, tests, evals) from configuration. */
export function wireBaton(input: WiringInput): Baton & { transport: Transport; agentDeps: AgentDeps } {
  const { options, transport, agentDeps } = wireAdapters(input);
  return { ...createBaton(options), transport, agentDeps };
}
