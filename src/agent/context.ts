import type { LangGraphRunnableConfig } from '@langchain/langgraph/web';
import type { SinkSettings } from '../handoff/sinks/config.js';
import type { InboxEvents } from '../inbox/events.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { AgentTools, Llm } from '../llm/port.js';
import type { Logger } from '../log/logger.js';
import type { MediaDeps } from '../media/understand.js';
import type { Orders } from '../orders/order.js';
import type { PolicyConfig } from '../policy/policy-config.js';
import type { Db } from '../store/db.js';
import type { ConversationRow, CustomerRow } from '../store/repos/conversations.js';
import type { Clock } from '../util/clock.js';

/** Built once by the entry point; the graph never imports an adapter. */
export interface AgentDeps {
  db: Db;
  events: InboxEvents;
  llm: Llm;
  knowledge: KnowledgeBase;
  orders: Orders;
  policy: PolicyConfig;
  clock: Clock;
  logger: Logger;
  knowledgeMinScore: number;
  knowledgeMinCoverage: number;
  businessName: string;
  supportEmail: string;
  sinks: SinkSettings;
  /** Transcription and photo description; absent without an LLM (the offline behaviour). */
  media?: MediaDeps;
  /** Base for links in the packet (the inbox); relative when unknown. */
  publicBaseUrl?: string;
}

/** What one turn knows beyond the state: passed in the run config, never checkpointed. */
export interface TurnContext {
  conversation: ConversationRow;
  customer: CustomerRow;
  turn: number;
  tools: AgentTools;
  /**
   * When the turn's model work could begin (wall-clock ms, not the injectable clock: it times real
   * calls): the model's budget for the turn counts from it.
   */
  startedAt: number;
}

export function turnContext(config: LangGraphRunnableConfig): TurnContext {
  const context = config.configurable?.turnContext as TurnContext | undefined;
  if (context === undefined) throw new Error('the agent graph runs only with a turn context');
  return context;
}
