import { detectLanguage } from '../../nlu/language.js';
import { type AgentStateUpdate, type AgentStateValue, appendTranscript } from '../state.js';

const mediaTypes = new Set(['image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts']);

/** Starts a turn: clears the last turn's work and records what the customer sent. */
export function ingest(state: AgentStateValue): AgentStateUpdate {
  const inbound = state.inbound;
  if (inbound === null) throw new Error('ingest needs an inbound message');
  const shown = mediaTypes.has(inbound.type)
    ? `[${inbound.type}]${inbound.text ? ` ${inbound.text}` : ''}`
    : inbound.text;
  return {
    classification: null,
    reasons: [],
    replies: [],
    handled: null,
    knowledgeDocId: null,
    language: inbound.text !== '' ? detectLanguage(inbound.text, state.language) : state.language,
    transcript: appendTranscript(state.transcript, { from: 'customer', text: shown, at: inbound.at }),
    ...(mediaTypes.has(inbound.type)
      ? { facts: { ...state.facts, media: [...state.facts.media, shown].slice(-10) } }
      : {}),
  };
}

export function afterIngest(state: AgentStateValue): 'whileQueued' | 'classify' | 'respond' {
  if (state.mode !== 'bot') return 'whileQueued';
  return state.inbound?.text === '' && state.inbound.buttonId === undefined ? 'respond' : 'classify';
}
