import type { LangGraphRunnableConfig } from '@langchain/langgraph/web';
import { and, eq, type SQL } from 'drizzle-orm';
import { csatScoreOf, csatWithComment } from '../../replies/csat.js';
import { say } from '../../replies/messages.js';
import { insertWhere } from '../../store/insert-where.js';
import { conversations, handoffNotes, handoffs, messages } from '../../store/schema/index.js';
import { newId } from '../../util/ids.js';
import { type AgentDeps, turnContext } from '../context.js';
import type { AgentStateUpdate, AgentStateValue } from '../state.js';

/** A rating this low is thanked with an apology, not a cheerful "thank you!". */
const LOW_SCORE = 2;

/**
 * The first message after a hand-back may answer the CSAT question. A score is stored on the
 * handoff and thanked; anything else closes the question and is handled as a normal turn.
 */
export function csatNode(deps: AgentDeps) {
  return async (state: AgentStateValue, config: LangGraphRunnableConfig): Promise<AgentStateUpdate> => {
    const { conversation } = turnContext(config);
    const handoffId = conversation.csatHandoffId;
    const inbound = state.inbound;
    if (handoffId === null || inbound === null) return {};
    const rating = csatScoreOf({
      text: inbound.text,
      ...(inbound.buttonId ? { buttonId: inbound.buttonId } : {}),
    });
    const withComment = rating === undefined ? csatWithComment(inbound.text) : undefined;
    const score = rating ?? withComment?.score;
    const now = deps.clock.now();
    // the customer's reason goes to the team as a note, written only if this answer was recorded
    const comment =
      withComment === undefined
        ? []
        : [
            insertWhere(
              deps.db,
              handoffNotes,
              {
                id: newId('note'),
                handoffId,
                agentId: null,
                text: `The customer rated ${withComment.score}/5 and wrote: "${withComment.comment}"`,
                createdAt: now,
              },
              handoffs,
              and(
                eq(handoffs.id, handoffId),
                eq(handoffs.csatStatus, 'answered'),
                eq(handoffs.updatedAt, now),
              ) as SQL,
            ),
          ];
    await deps.db.batch([
      deps.db
        .update(handoffs)
        .set(
          score === undefined
            ? { csatStatus: 'unanswered', updatedAt: now }
            : { csatScore: score, csatStatus: 'answered', updatedAt: now },
        )
        .where(and(eq(handoffs.id, handoffId), eq(handoffs.csatStatus, 'asked'))),
      deps.db
        .update(conversations)
        .set({ csatHandoffId: null, updatedAt: now })
        .where(eq(conversations.id, conversation.id)),
      // a rating belongs to the handoff it rates, not to whatever the customer raises next
      deps.db
        .update(messages)
        .set({ handoffId: score === undefined ? null : handoffId, updatedAt: now })
        .where(eq(messages.id, inbound.messageId)),
      ...comment,
    ]);
    const handoff = await deps.db.query.handoffs.findFirst({
      where: eq(handoffs.id, handoffId),
      columns: { queue: true },
    });
    if (handoff)
      deps.events.publish({ type: 'handoff.updated', handoffId, queue: handoff.queue, status: 'resolved' });
    if (score === undefined) return { csatAnswered: false };
    const thanks = score <= LOW_SCORE ? 'csatThanksLow' : 'csatThanks';
    return { replies: [{ kind: 'text', text: say(thanks, state.language) }], csatAnswered: true };
  };
}

export function afterCsat(state: AgentStateValue): 'classify' | 'respond' | '__end__' {
  if (state.csatAnswered) return '__end__';
  return state.inbound?.text === '' && state.inbound.buttonId === undefined ? 'respond' : 'classify';
}
