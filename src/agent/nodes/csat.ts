import type { LangGraphRunnableConfig } from '@langchain/langgraph/web';
import { and, eq, type SQL } from 'drizzle-orm';
import { callsForAPerson } from '../../llm/classification.js';
import { classifyOffline } from '../../nlu/classify.js';
import { asksSomething } from '../../nlu/framing.js';
import { prepare } from '../../nlu/phrases.js';
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
 * handoff and thanked; anything else closes the question and is handled as a normal turn, and so
 * is a request that follows a score ("1/5, I still need my refund"), the score kept.
 */
export function csatNode(deps: AgentDeps) {
  return async (state: AgentStateValue, config: LangGraphRunnableConfig): Promise<AgentStateUpdate> => {
    const { conversation } = turnContext(config);
    const handoffId = conversation.csatHandoffId;
    const inbound = state.inbound;
    if (inbound === null) return {};
    if (handoffId === null) return commentOnRating(deps, state, inbound);
    const rating = csatScoreOf({
      text: inbound.text,
      ...(inbound.buttonId ? { buttonId: inbound.buttonId } : {}),
    });
    const withComment = rating === undefined ? csatWithComment(inbound.text) : undefined;
    const score = rating ?? withComment?.score;
    // "1/5 I still need a refund, let me talk to an agent": rated, and asking for more
    const asksMore = withComment !== undefined && asksForMore(withComment.comment, state.language);
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
        .set({ handoffId: score === undefined || asksMore ? null : handoffId, updatedAt: now })
        .where(eq(messages.id, inbound.messageId)),
      ...comment,
    ]);
    await publishUpdated(deps, handoffId);
    if (score === undefined || asksMore) return { csatAnswered: false, ratedHandoffId: null };
    const thanks = score <= LOW_SCORE ? 'csatThanksLow' : 'csatThanks';
    return {
      replies: [{ kind: 'text', text: say(thanks, state.language) }],
      csatAnswered: true,
      // a score alone may be followed by its reason
      ratedHandoffId: withComment === undefined ? handoffId : null,
    };
  };
}

/**
 * The message after a bare score: a remark on the help ("the agent was helpful but slow", "كان
 * بطيء شوي") is kept on the rated handoff as a note signed Baton and thanked; anything else is a
 * normal turn.
 */
async function commentOnRating(
  deps: AgentDeps,
  state: AgentStateValue,
  inbound: NonNullable<AgentStateValue['inbound']>,
): Promise<AgentStateUpdate> {
  const handoffId = state.ratedHandoffId;
  if (handoffId === null || !isRemark(inbound.text, state.language))
    return { csatAnswered: false, ratedHandoffId: null };
  const now = deps.clock.now();
  await deps.db.batch([
    deps.db.insert(handoffNotes).values({
      id: newId('note'),
      handoffId,
      agentId: null,
      text: `After rating, the customer wrote: "${inbound.text}"`,
      createdAt: now,
    }),
    deps.db.update(messages).set({ handoffId, updatedAt: now }).where(eq(messages.id, inbound.messageId)),
  ]);
  await publishUpdated(deps, handoffId);
  return {
    replies: [{ kind: 'text', text: say('csatCommentThanks', state.language) }],
    csatAnswered: true,
    ratedHandoffId: null,
  };
}

/** Words about the help just rated: not a greeting, thanks or a new request, and more than a word. */
function isRemark(text: string, language: AgentStateValue['language']): boolean {
  const read = classifyOffline({ text, previousCustomerTexts: [], fallbackLanguage: language });
  const words = text.match(/\p{L}+/gu) ?? [];
  return (
    words.length >= 2 &&
    (read.intent === 'unknown' || read.intent === 'complaint') &&
    !asksForMore(text, language)
  );
}

/**
 * The words after a rating that are a new request, not a reason for it: a person, an order, a
 * question, something to be put right. They get a turn of their own once the score is kept.
 */
function asksForMore(comment: string, language: AgentStateValue['language']): boolean {
  const read = classifyOffline({ text: comment, previousCustomerTexts: [], fallbackLanguage: language });
  return (
    callsForAPerson(read) ||
    read.intent === 'order_status' ||
    read.intent === 'faq' ||
    asksSomething(prepare(comment))
  );
}

export function afterCsat(state: AgentStateValue): 'classify' | 'respond' | '__end__' {
  if (state.csatAnswered) return '__end__';
  return state.inbound?.text === '' && state.inbound.buttonId === undefined ? 'respond' : 'classify';
}

/** The inbox shows ratings and notes: a change to either is news to the agents on its queue. */
async function publishUpdated(deps: AgentDeps, handoffId: string): Promise<void> {
  const handoff = await deps.db.query.handoffs.findFirst({
    where: eq(handoffs.id, handoffId),
    columns: { queue: true, status: true },
  });
  if (handoff)
    deps.events.publish({ type: 'handoff.updated', handoffId, queue: handoff.queue, status: handoff.status });
}
