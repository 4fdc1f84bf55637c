import type { OutboundMessage } from '../channel/outbound.js';
import type { Reason } from '../policy/reasons.js';
import type { Classification, Language, MenuChoice } from './classification.js';

export interface TranscriptLine {
  from: 'customer' | 'bot' | 'agent' | 'system';
  text: string;
  at: string;
}

/** What every job is told about the turn it belongs to. */
export interface TurnJob {
  /**
   * When the turn began (wall-clock ms): a model-backed engine's time budget for the turn counts
   * from it, so the work before the first call does not lengthen the customer's wait. Without it,
   * from the job's own start.
   */
  turnStartedAt?: number;
}

export interface ClassifyInput extends TurnJob {
  text: string;
  button?: MenuChoice;
  /** Earlier customer messages, oldest first: repetition raises frustration. */
  previousCustomerTexts: string[];
  /** The conversation's language so far; used when the text has no letters. */
  language: Language;
}

export interface KnowledgeSearchResult {
  hits: {
    docId: string;
    title: string;
    heading: string;
    text: string;
    score: number;
    coverage: number;
    matched: number;
    ownTerms: readonly string[];
  }[];
  /** The best hit clears the configured thresholds (score and coverage). */
  confident: boolean;
  /** The configured minimum score, for callers that know more about the question. */
  minScore: number;
}

/** The tools the responder may call; order ownership is enforced inside the order tools. */
export interface AgentTools {
  searchKnowledge(query: string, language: Language): Promise<KnowledgeSearchResult>;
  trackOrder(orderId: string): Promise<TrackOrderResult>;
  /** The orders placed with the customer's own phone number. */
  customerOrders(): Promise<CustomerOrdersResult>;
}

/** An order as the tools show it to its owner (never the phone number it was placed with). */
export interface OrderView {
  id: string;
  status: string;
  carrier?: string;
  trackingUrl?: string;
  eta?: string;
  items?: { name: string; qty: number }[];
  total?: number;
  currency?: string;
}

/** `unavailable`: the order system did not answer (down, timed out, or sent what is no order). */
export type OrderLookupFailure = 'not_found' | 'no_verified_phone' | 'unavailable';

export type CustomerOrdersResult =
  | { found: true; orders: OrderView[] }
  | { found: false; reason: OrderLookupFailure };

export type TrackOrderResult =
  | { found: true; order: OrderView }
  /** Not found and not yours read the same, so the answer cannot probe other people's orders. */
  | { found: false; reason: OrderLookupFailure };

export interface RespondInput extends TurnJob {
  text: string;
  language: Language;
  classification: Classification;
  history: TranscriptLine[];
  tools: AgentTools;
  /** The order whose card the bot showed last, which "it" in the question may be. */
  shownOrder?: Pick<OrderView, 'id' | 'status'>;
}

export interface RespondOutput {
  message: OutboundMessage;
  /** False when the bot could not help: it counts toward `failed_attempts`. */
  handled: boolean;
  /** The knowledge document the answer came from. */
  knowledgeDocId?: string;
  /** The model asked for a person; the policy checks the reasons before acting on them. */
  requestedHandoff?: Reason[];
  toolCalls: string[];
}

export interface SummariseInput extends TurnJob {
  transcript: TranscriptLine[];
  reasons: Reason[];
  customerName: string | null;
  facts: {
    orderIds: string[];
    amounts: string[];
    /** The orders as the order system has them, described: "A1001 (shipped, ETA 2026-11-27)". */
    orders?: string[];
  };
  botAttempts: string[];
}

/** The three jobs a language model does for Baton; the graph only knows this port. */
export interface Llm {
  readonly name: string;
  classify(input: ClassifyInput): Promise<Classification>;
  respond(input: RespondInput): Promise<RespondOutput>;
  /** ≤ 600 characters, in English, for the agent. */
  summarise(input: SummariseInput): Promise<string>;
}
