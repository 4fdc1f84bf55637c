import type { BaseCheckpointSaver } from '@langchain/langgraph/web';
import type { HandleTurn } from '../conversation/turn.js';
import type { MessageRow } from '../store/repos/messages.js';
import type { AgentDeps, TurnContext } from './context.js';
import { buildAgentGraph } from './graph.js';
import type { InboundTurn } from './state.js';
import { createAgentTools } from './tools.js';

function inboundTurn(message: MessageRow): InboundTurn {
  const payload = (message.payload ?? {}) as { buttonId?: string; media?: { caption?: string } };
  return {
    messageId: message.id,
    type: message.type,
    text: (message.text ?? '').trim(),
    ...(payload.buttonId ? { buttonId: payload.buttonId } : {}),
    at: new Date(message.sentAt).toISOString(),
  };
}

/** The conversation worker's `handleTurn`: one run of the graph per customer message. */
export function createAgent(deps: AgentDeps, checkpointer: BaseCheckpointSaver): HandleTurn {
  const graph = buildAgentGraph(deps, checkpointer);
  return async ({ conversation, customer, message, turn }) => {
    const turnContext: TurnContext = {
      conversation,
      customer,
      turn,
      tools: createAgentTools(deps, customer),
    };
    const state = await graph.invoke(
      { inbound: inboundTurn(message), mode: conversation.mode },
      { configurable: { thread_id: conversation.id, turnContext } },
    );
    return {
      replies: state.replies,
      ...(state.knowledgeDocId ? { knowledgeDocId: state.knowledgeDocId } : {}),
      handedOff: state.mode !== 'bot',
      ...(state.classification
        ? { signals: { frustration: state.classification.frustration, intent: state.classification.intent } }
        : {}),
    };
  };
}
