import type { LangGraphRunnableConfig } from '@langchain/langgraph/web';
import { eq } from 'drizzle-orm';
import { attachToHandoff } from '../../handoff/create.js';
import { classifyOffline } from '../../nlu/classify.js';
import { say } from '../../replies/messages.js';
import { handoffs } from '../../store/schema/index.js';
import { type AgentDeps, turnContext } from '../context.js';
import type { AgentStateUpdate, AgentStateValue } from '../state.js';

/**
 * While a person has the conversation the bot stays silent: messages are kept on the handoff.
 * Asking for an agent again gets one short "you are in the queue", never a second packet.
 */
export function whileQueuedNode(deps: AgentDeps) {
  return async (state: AgentStateValue, config: LangGraphRunnableConfig): Promise<AgentStateUpdate> => {
    const { conversation } = turnContext(config);
    const inbound = state.inbound;
    const handoffId = conversation.handoffId ?? state.handoffId;
    if (inbound === null || handoffId === null) return { replies: [] };
    await attachToHandoff(deps.db, inbound.messageId, handoffId, deps.clock.now());
    deps.events.publish({
      type: 'message.created',
      handoffId,
      queue: await queueOf(deps, handoffId),
      direction: 'in',
    });
    if (state.mode === 'queued' && !state.queuedNoticeSent && asksForPerson(inbound.text, inbound.buttonId)) {
      return {
        replies: [{ kind: 'text', text: say('alreadyQueued', state.language) }],
        queuedNoticeSent: true,
        handoffId,
      };
    }
    return { replies: [], handoffId };
  };
}

async function queueOf(deps: AgentDeps, handoffId: string): Promise<string> {
  const row = await deps.db.query.handoffs.findFirst({
    where: eq(handoffs.id, handoffId),
    columns: { queue: true },
  });
  return row?.queue ?? 'general';
}

/** Cheap and deterministic: no model call for a conversation a person already owns. */
function asksForPerson(text: string, buttonId: string | undefined): boolean {
  if (buttonId === 'menu_agent') return true;
  if (text === '') return false;
  return classifyOffline({ text, previousCustomerTexts: [], fallbackLanguage: 'en' }).humanRequest.requested;
}
