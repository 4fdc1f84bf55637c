import type { LangGraphRunnableConfig } from '@langchain/langgraph/web';
import type { Language } from '../../llm/classification.js';
import { detectLanguage, typedOnArabicKeyboard } from '../../nlu/language.js';
import { turnContext } from '../context.js';
import { type AgentStateUpdate, type AgentStateValue, appendTranscript } from '../state.js';

const mediaTypes = new Set(['image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts']);

/**
 * A handoff the bot has not started clean after, while the conversation is back in `bot` mode,
 * means a person handed it back (including a takeover the graph never saw): the bot resets so
 * it neither stays silent nor escalates again at once, and what it remembers of the conversation
 * starts over, so the next packet's summary, facts and attempts are about the next matter (its
 * transcript still holds the whole conversation, from the messages table).
 */
function handBack(state: AgentStateValue, lastHandoffId: string | null): Partial<AgentStateValue> {
  if (state.mode !== 'bot' || lastHandoffId === null || lastHandoffId === state.settledHandoffId) return {};
  return {
    previousHandoffId: lastHandoffId,
    settledHandoffId: lastHandoffId,
    handoffId: null,
    failedAttempts: 0,
    pendingQuestion: null,
    frustrationHistory: [],
    queuedNoticeSent: false,
    apologisedAt: null,
    transcript: [],
    facts: { orderIds: [], amounts: [], media: [] },
    botAttempts: [],
    lastArea: null,
    shownOrderId: null,
  };
}

/**
 * A conversation's first message without letters ("٢" for the menu, "؟") says nothing about the
 * language except the keyboard it was typed on; later, the conversation's language stands.
 */
function firstWithoutLetters(text: string, turn: number): Language | undefined {
  return turn === 0 && typedOnArabicKeyboard(text) ? 'ar' : undefined;
}

/** Starts a turn: clears the last turn's work and records what the customer sent. */
export function ingest(state: AgentStateValue, config: LangGraphRunnableConfig): AgentStateUpdate {
  const inbound = state.inbound;
  if (inbound === null) throw new Error('ingest needs an inbound message');
  const { conversation } = turnContext(config);
  const shown = mediaTypes.has(inbound.type)
    ? [`[${inbound.type}]`, inbound.text, inbound.mediaNote && `— ${inbound.mediaNote}`]
        .filter(Boolean)
        .join(' ')
    : inbound.text;
  const reset = handBack(state, conversation.lastHandoffId);
  const transcript = reset.transcript ?? state.transcript;
  const facts = reset.facts ?? state.facts;
  return {
    ...reset,
    csatPending:
      state.mode === 'bot' && (conversation.csatHandoffId !== null || state.ratedHandoffId !== null),
    csatAnswered: false,
    // a rating is commented on in the next message to the bot, not after a later handoff
    ratedHandoffId: state.mode === 'bot' ? state.ratedHandoffId : null,
    classification: null,
    reasons: [],
    replies: [],
    handled: null,
    knowledgeDocId: null,
    answeredFromPage: state.knowledgeDocId,
    language:
      inbound.text !== '' && inbound.buttonId === undefined
        ? detectLanguage(inbound.text, {
            language: firstWithoutLetters(inbound.text, conversation.turn) ?? state.language,
            established: conversation.turn > 0,
          })
        : state.language,
    transcript: appendTranscript(transcript, { from: 'customer', text: shown, at: inbound.at }),
    ...(mediaTypes.has(inbound.type)
      ? { facts: { ...facts, media: [...facts.media, shown].slice(-10) } }
      : {}),
  };
}

export function afterIngest(state: AgentStateValue): 'whileQueued' | 'csat' | 'classify' | 'respond' {
  if (state.mode !== 'bot') return 'whileQueued';
  if (state.csatPending) return 'csat';
  const inbound = state.inbound;
  const nothingToRead =
    inbound?.text === '' && inbound.buttonId === undefined && inbound.mediaNote === undefined;
  return nothingToRead ? 'respond' : 'classify';
}
