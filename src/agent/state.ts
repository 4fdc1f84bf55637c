import { Annotation } from '@langchain/langgraph/web';
import type { OutboundMessage } from '../channel/outbound.js';
import type { Area, Classification, Language } from '../llm/classification.js';
import type { TranscriptLine } from '../llm/port.js';
import type { Reason } from '../policy/reasons.js';
import type { ConversationMode } from '../store/schema/index.js';

export type PendingQuestion = 'order_id' | null;

export interface InboundTurn {
  messageId: string;
  type: string;
  /** What the customer wrote, or the transcript of a voice note. */
  text: string;
  buttonId?: string;
  /** A vision model's one-line description of a photo: evidence for the policy, not the customer's words. */
  mediaNote?: string;
  at: string;
  /** It arrived after the customer's 24-hour window closed: nothing the bot says reaches them. */
  windowClosed?: boolean;
}

const last = <T>(fallback: () => T) => Annotation<T>({ reducer: (_, next) => next, default: fallback });

/**
 * The agent's state, checkpointed per conversation. The first group lives across turns; the
 * second is the current turn's work, reset by `ingest`.
 */
export const AgentState = Annotation.Root({
  transcript: last<TranscriptLine[]>(() => []),
  language: last<Language>(() => 'en'),
  /** The language the customer asked for ("Arabic please"): the replies keep to it until asked again. */
  chosenLanguage: last<Language | null>(() => null),
  failedAttempts: last<number>(() => 0),
  frustrationHistory: last<number[]>(() => []),
  lastClassification: last<Classification | null>(() => null),
  lastArea: last<Area | null>(() => null),
  pendingQuestion: last<PendingQuestion>(() => null),
  handoffId: last<string | null>(() => null),
  queuedNoticeSent: last<boolean>(() => false),
  /** When the customer was last told sorry for the wait (ms since the epoch): not at every chase. */
  apologisedAt: last<number | null>(() => null),
  botAttempts: last<string[]>(() => []),
  /** The knowledge page the bot's reply before this message quoted: "I tried, it didn't work" is about it. */
  answeredFromPage: last<string | null>(() => null),
  /** The order the bot last showed this customer: "and when will it arrive?" asks about it. */
  shownOrderId: last<string | null>(() => null),
  facts: last<{ orderIds: string[]; amounts: string[]; media: string[] }>(() => ({
    orderIds: [],
    amounts: [],
    media: [],
  })),

  mode: last<ConversationMode>(() => 'bot'),
  inbound: last<InboundTurn | null>(() => null),
  classification: last<Classification | null>(() => null),
  reasons: last<Reason[]>(() => []),
  replies: last<OutboundMessage[]>(() => []),
  handled: last<boolean | null>(() => null),
  knowledgeDocId: last<string | null>(() => null),
  csatPending: last<boolean>(() => false),
  csatAnswered: last<boolean>(() => false),
  /** The handoff rated by the last message: the next one may say why ("the agent was helpful but slow"). */
  ratedHandoffId: last<string | null>(() => null),
  /** The handoff before the current one, linked from the next packet. */
  previousHandoffId: last<string | null>(() => null),
  /** The last handoff after which the bot started clean (see `ingest`). */
  settledHandoffId: last<string | null>(() => null),
});

export type AgentStateValue = typeof AgentState.State;
export type AgentStateUpdate = typeof AgentState.Update;

/** The transcript in state is for the model's context; the full one is in the messages table. */
export const TRANSCRIPT_WINDOW = 20;

export function appendTranscript(transcript: TranscriptLine[], line: TranscriptLine): TranscriptLine[] {
  return [...transcript, line].slice(-TRANSCRIPT_WINDOW);
}
