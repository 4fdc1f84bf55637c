import type { BaseCheckpointSaver } from '@langchain/langgraph/web';
import { eq } from 'drizzle-orm';
import type { HandleTurn } from '../conversation/turn.js';
import { type MediaMessage, understandMedia } from '../media/understand.js';
import { fromArabizi } from '../nlu/arabizi.js';
import type { MessageRow } from '../store/repos/messages.js';
import { messages } from '../store/schema/index.js';
import type { DeferredWrite } from './checkpointer.js';
import type { AgentDeps, TurnContext } from './context.js';
import { buildAgentGraph } from './graph.js';
import type { InboundTurn } from './state.js';
import { createAgentTools } from './tools.js';

type StoredInbound = { buttonId?: string; media?: MediaMessage['media'] };

/**
 * WhatsApp's own limit for a text message. A longer text (another channel, a forged body) is
 * stored whole for agents, but the bot reads this much of it: the NLU, the knowledge search and
 * a model's prompt grow with the text, and one message must not hold the worker for seconds.
 */
export const MAX_TEXT_READ = 4_096;

function inboundTurn(message: MessageRow, arabicChat: boolean): InboundTurn {
  const payload = (message.payload ?? {}) as StoredInbound;
  const text = (message.text ?? '').slice(0, MAX_TEXT_READ).trim();
  return {
    messageId: message.id,
    type: message.type,
    // "wain talabi?" is read as the Arabic it stands for; agents see what the customer wrote
    text: (message.type === 'text' ? fromArabizi(text, { arabicChat }) : undefined) ?? text,
    ...(payload.buttonId ? { buttonId: payload.buttonId } : {}),
    at: new Date(message.sentAt).toISOString(),
  };
}

/**
 * A voice note becomes text (its transcript) and a photo gains a one-line description, when a
 * model is configured; both are stored on the message so the agent sees them. On any failure the
 * turn stays a media message and the bot asks for text, as without a model.
 */
async function understood(deps: AgentDeps, message: MessageRow, channel: string, turn: InboundTurn) {
  if (deps.media === undefined || (message.type !== 'audio' && message.type !== 'image')) return turn;
  const payload = (message.payload ?? {}) as StoredInbound;
  const result = await understandMedia(deps.media, {
    type: message.type,
    channel: channel as MediaMessage['channel'],
    ...(payload.media ? { media: payload.media } : {}),
  });
  if (result.kind === 'none') return turn;
  const now = deps.clock.now();
  if (result.kind === 'transcript') {
    await deps.db
      .update(messages)
      .set({ text: result.text, updatedAt: now })
      .where(eq(messages.id, message.id));
    return { ...turn, text: result.text };
  }
  await deps.db
    .update(messages)
    .set({ payload: { ...payload, description: result.text }, updatedAt: now })
    .where(eq(messages.id, message.id));
  return { ...turn, mediaNote: result.text };
}

/** The conversation worker's `handleTurn`: one run of the graph per customer message. */
export function createAgent(deps: AgentDeps, checkpointer: BaseCheckpointSaver): HandleTurn {
  const graph = buildAgentGraph(deps, checkpointer);
  return async ({ conversation, customer, message, turn, windowClosed }) => {
    // A voice note's transcription has its own time limit (MEDIA_TIMEOUT_MS) before this.
    const inbound = await understood(deps, message, conversation.channel, {
      ...inboundTurn(message, conversation.language === 'ar'),
      ...(windowClosed ? { windowClosed } : {}),
    });
    const turnContext: TurnContext = {
      conversation,
      customer,
      turn,
      tools: createAgentTools(deps, customer),
      startedAt: Date.now(),
    };
    // A conversation's id is fixed by its channel and number, so a new one can find the state of one
    // erased while its last turn ran (customer:erase, RETENTION_DAYS): its first turn starts clean.
    if (turn === 1) await checkpointer.deleteThread(conversation.id);
    const deferredWrites: DeferredWrite[] = [];
    const state = await graph.invoke(
      { inbound, mode: conversation.mode },
      // One checkpoint per turn, written when the graph exits and committed with the turn's
      // replies (`deferredWrites`): a turn is the unit of work (its message stays pending until
      // the replies are stored), so the per-step checkpoints of the default durability only cost
      // writes, and a checkpoint committed on its own could outlive a turn cut short after it
      // (a crash, a failed write): the rerun would build on the half-run turn, the customer's
      // message in its transcript twice.
      { configurable: { thread_id: conversation.id, turnContext, deferredWrites }, durability: 'exit' },
    );
    return {
      writes: deferredWrites,
      replies: state.replies,
      ...(state.knowledgeDocId ? { knowledgeDocId: state.knowledgeDocId } : {}),
      handedOff: state.mode !== 'bot',
      language: state.language,
      ...(state.classification
        ? { signals: { frustration: state.classification.frustration, intent: state.classification.intent } }
        : {}),
    };
  };
}
