import type { LangGraphRunnableConfig } from '@langchain/langgraph/web';
import { outboundText } from '../../channel/outbound.js';
import type { Language } from '../../llm/classification.js';
import type { AgentTools, TranscriptLine } from '../../llm/port.js';
import { localDate } from '../../policy/business-hours.js';
import { reasonCodeSchema } from '../../policy/reasons.js';
import { failedAttemptsTrigger } from '../../policy/triggers.js';
import { greetingBack } from '../../replies/greeting.js';
import { sectionsReply } from '../../replies/knowledge-reply.js';
import { say } from '../../replies/messages.js';
import { orderQuestionBesidePolicy, policyQuestionsBesideOrder } from '../beside-order.js';
import { type AgentDeps, turnContext } from '../context.js';
import { repeatsLastExchange } from '../repetition.js';
import { type ScriptedReply, scriptedReply } from '../scripted.js';
import { type AgentStateUpdate, type AgentStateValue, appendTranscript } from '../state.js';

/** Answers the turn (scripted or with the responder's tools) and counts unhandled turns. */
export function respondNode(deps: AgentDeps) {
  return async (state: AgentStateValue, config: LangGraphRunnableConfig): Promise<AgentStateUpdate> => {
    const context = turnContext(config);
    const inbound = state.inbound;
    if (inbound === null) throw new Error('respond needs an inbound message');
    // "how long is the warranty, and where's my order?" reads as a policy question; its order part
    // gets the order's answer, as "where's my order? and how long is the warranty?" does
    const classification = state.classification;
    const orderPart =
      classification?.intent === 'faq' ? orderQuestionBesidePolicy(inbound.text, state.language) : undefined;
    const scripted = await scriptedReply({
      inbound: orderPart === undefined ? inbound : { ...inbound, text: orderPart },
      classification:
        orderPart === undefined || classification === null
          ? classification
          : { ...classification, intent: 'order_status' },
      language: state.language,
      pendingQuestion: state.pendingQuestion,
      customerName: context.customer.name,
      businessName: deps.businessName,
      today: localDate(deps.clock.now(), deps.policy.businessHours.timeZone),
      shownOrderId: state.shownOrderId,
      // the transcript starts over after a handoff; the conversation's turns do not
      answeredBefore:
        context.conversation.turn > 0 || state.transcript.some((line) => line.from !== 'customer'),
      // the transcript ends with this message
      previousCustomerText: state.transcript.filter((line) => line.from === 'customer').at(-2)?.text ?? null,
      tools: context.tools,
    });
    // "where is my order? and how long do returns take?": the card alone would drop the second question
    const beside =
      scripted !== undefined && (classification?.intent === 'order_status' || orderPart !== undefined)
        ? await policyQuestionsBesideOrder(inbound.text, state.language, context.tools)
        : { sections: [], left: 0 };
    const answer =
      (scripted && withSections(scripted, beside, state.language)) ??
      (state.classification === null
        ? undefined
        : await deps.llm.respond({
            text: inbound.text,
            language: state.language,
            classification: state.classification,
            history: state.transcript,
            tools: context.tools,
            turnStartedAt: context.startedAt,
            ...(await shownOrder(state.shownOrderId, context.tools)),
          }));
    if (answer === undefined) throw new Error('no reply for the turn');

    const modelReasons = (('requestedHandoff' in answer && answer.requestedHandoff) || []).filter(
      (reason) => reasonCodeSchema.safeParse(reason.code).success && reason.code !== 'agent_initiated',
    );
    // The same answer to the same question did not help the first time: it counts as a turn the bot
    // could not handle, and says so, so asking a third time reaches a person.
    const repeated =
      answer.handled &&
      !('courtesy' in answer && answer.courtesy) &&
      repeatsLastExchange(state.transcript, outboundText(answer.message));
    const handled = answer.handled && !repeated;
    const failedAttempts = handled ? 0 : state.failedAttempts + 1;
    const failed = failedAttemptsTrigger(failedAttempts, deps.policy);
    const reasons = failed ? [failed] : modelReasons;
    const reply = failed
      ? { kind: 'text' as const, text: say('failedHandoff', state.language) }
      : repeated && answer.message.kind === 'text'
        ? { kind: 'text' as const, text: `${answer.message.text}\n\n${say('sameAnswer', state.language)}` }
        : answer.message;
    // "السلام عليكم، كم رسوم الشحن؟": the greeting is returned first, before the menu or the answer
    const back = greetingBack(inbound.text, state.language);
    const message =
      back !== undefined && 'text' in reply ? { ...reply, text: `${back} ${reply.text}` } : reply;
    const knowledgeDocId =
      'knowledgeDocId' in answer ? (answer.knowledgeDocId ?? null) : (beside.sections[0]?.docId ?? null);
    const attempt = repeated
      ? 'gave the same answer to the same question again'
      : 'attempt' in answer && answer.attempt
        ? answer.attempt
        : knowledgeDocId
          ? `answered from knowledge "${knowledgeDocId}"`
          : handled
            ? undefined
            : 'could not find an answer';
    const botLine: TranscriptLine = { from: 'bot', text: outboundText(message), at: inbound.at };
    return {
      replies: [message],
      handled,
      knowledgeDocId,
      failedAttempts,
      reasons,
      pendingQuestion: 'pendingQuestion' in answer ? answer.pendingQuestion : null,
      ...(scripted?.shownOrderId ? { shownOrderId: scripted.shownOrderId } : {}),
      botAttempts: attempt ? [...state.botAttempts, attempt].slice(-10) : state.botAttempts,
      transcript: appendTranscript(state.transcript, botLine),
    };
  };
}

/** The order the bot showed last, as it is now: "can I still cancel it?" asks about it. */
async function shownOrder(orderId: string | null, tools: AgentTools) {
  if (orderId === null) return {};
  const tracked = await tools.trackOrder(orderId);
  return tracked.found ? { shownOrder: { id: tracked.order.id, status: tracked.order.status } } : {};
}

/** The scripted reply, with the knowledge sections that answer the rest of the message after it. */
function withSections(
  scripted: ScriptedReply,
  beside: { sections: Parameters<typeof sectionsReply>[0]; left: number },
  language: Language,
): ScriptedReply {
  if (beside.sections.length === 0 || scripted.message.kind !== 'text') return scripted;
  const text = `${scripted.message.text}\n\n${sectionsReply(beside.sections, language, beside.left)}`;
  return { ...scripted, message: { kind: 'text', text } };
}

export function afterRespond(state: AgentStateValue): 'handoff' | '__end__' {
  return state.reasons.length > 0 ? 'handoff' : '__end__';
}
