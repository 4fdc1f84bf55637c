import type { LangGraphRunnableConfig } from '@langchain/langgraph/web';
import { buildPacket } from '../../handoff/build-packet.js';
import { storeHandoff } from '../../handoff/create.js';
import { describeOrders } from '../../handoff/packet.js';
import type { SensitiveTopic } from '../../llm/classification.js';
import { summariseOffline } from '../../llm/offline/summarise.js';
import { normalizeDigits } from '../../nlu/normalize.js';
import { photoWouldShow } from '../../nlu/photo-evidence.js';
import { describeHours, formatLocal, isClosedDate, localDate } from '../../policy/business-hours.js';
import { routeHandoff } from '../../policy/decide.js';
import { queueName, say, waitDuration } from '../../replies/messages.js';
import { listConversationMessages } from '../../store/repos/messages.js';
import { newId } from '../../util/ids.js';
import { type AgentDeps, turnContext } from '../context.js';
import { ordersOnRecord, ownOrdersMentioned } from '../orders-on-record.js';
import type { AgentStateUpdate, AgentStateValue } from '../state.js';
import { urgentAdvice, urgentAdviceGiven } from '../urgent-advice.js';

/** Topics a customer asks a person to act on, which are no trouble in themselves. */
const REQUEST_TOPICS: ReadonlySet<SensitiveTopic> = new Set(['cancellation', 'refund']);

/** Forms the packet, queues the conversation for a person and tells the customer. */
export function handoffNode(deps: AgentDeps) {
  return async (state: AgentStateValue, config: LangGraphRunnableConfig): Promise<AgentStateUpdate> => {
    const context = turnContext(config);
    const { conversation, customer } = context;
    const inbound = state.inbound;
    if (inbound === null) throw new Error('handoff needs an inbound message');
    const now = deps.clock.now();
    const tier = customer.tier;
    const routing = routeHandoff(
      {
        reasons: state.reasons,
        ...(state.classification ? { classification: state.classification } : {}),
        tier,
        ...(state.lastArea ? { lastArea: state.lastArea } : {}),
        now,
      },
      deps.policy,
    );
    const rows = await listConversationMessages(deps.db, conversation.id);
    const today = localDate(now, deps.policy.businessHours.timeZone);
    const mentioned = await ownOrdersMentioned(
      context.tools,
      state.transcript.filter((line) => line.from === 'customer').map((line) => line.text),
    );
    // the order whose card the bot showed last is what "I want to cancel it" is about, unless the
    // message names a number of its own ("طيب الغوا 1550": not the order shown)
    const shown =
      state.shownOrderId === null || /\d{3,}/.test(normalizeDigits(inbound.text)) ? [] : [state.shownOrderId];
    const named = [...new Set([...state.facts.orderIds, ...mentioned.written, ...shown])];
    // a product points at an order only when no number does ("the earbuds from 1001 arrived broken")
    const orderIds = named.length > 0 ? named : mentioned.byProduct;
    const facts = {
      ...state.facts,
      orderIds,
      orders: await ordersOnRecord(context.tools, orderIds, today),
    };
    const raised = state.classification?.sensitiveTopics ?? [];
    // the advice sent with the notice below is something the bot did: the agent must not repeat it
    const botAttempts = [...state.botAttempts, ...urgentAdviceGiven(raised)];
    const summaryInput = {
      transcript: state.transcript,
      reasons: state.reasons,
      customerName: customer.name,
      // the orders on their way, looked up when none was named, are context, not what was said
      facts: {
        orderIds: facts.orderIds,
        amounts: facts.amounts,
        ...(facts.orderIds.length > 0 ? { orders: describeOrders(facts) } : {}),
      },
      botAttempts,
      turnStartedAt: context.startedAt,
    };
    let summary: string;
    try {
      summary = await deps.llm.summarise(summaryInput);
    } catch (error) {
      // The handoff must not fail with the summariser: an extractive summary stands in.
      deps.logger.warn('summariser failed, using the extractive summary', { error });
      summary = summariseOffline(summaryInput);
    }
    const packet = buildPacket({
      id: newId('ho'),
      now,
      conversation,
      customer,
      language: state.language,
      reasons: state.reasons,
      classification: state.classification ?? state.lastClassification,
      routing,
      summary,
      facts,
      botAttempts,
      rows,
      ...(deps.publicBaseUrl ? { publicBaseUrl: deps.publicBaseUrl } : {}),
      ...(state.previousHandoffId ? { previousHandoffId: state.previousHandoffId } : {}),
    });
    await storeHandoff(deps.db, packet, { triggerMessageId: inbound.messageId, now, sinks: deps.sinks });
    deps.events.publish({
      type: 'handoff.created',
      handoffId: packet.id,
      queue: packet.queue,
      priority: packet.priority,
    });
    deps.logger.info('handoff created', {
      handoffId: packet.id,
      conversationId: conversation.id,
      reasons: packet.reasons.map((r) => r.code),
      queue: packet.queue,
      priority: packet.priority,
    });

    const language = state.language;
    // An upset customer, or one with a broken or wrong item or a complaint, hears an apology before
    // the logistics; a calm request that only needs a person ("please cancel my order") does not.
    const c = state.classification;
    const calmRequest =
      c !== null &&
      c.frustration === 0 &&
      c.sensitiveTopics.length > 0 &&
      c.sensitiveTopics.every((hit) => REQUEST_TOPICS.has(hit.topic));
    // the turn's "I'm sorry, I can't help with that" opens the notice: one message, not two
    const bridge = say('failedHandoff', language);
    const last = state.replies.at(-1);
    const bridged = last?.kind === 'text' && last.text === bridge;
    const sorry = bridged
      ? `${bridge} `
      : state.reasons.some((reason) => reason.code === 'frustration') ||
          (c?.intent === 'complaint' && !calmRequest)
        ? `${say('sorryForTrouble', language)} `
        : '';
    const hours = deps.policy.businessHours;
    const opensAt = formatLocal(routing.opensAt, hours, language, now);
    // on a holiday the usual hours would read as though the team should be in
    const logistics = routing.afterHours
      ? isClosedDate(now, hours)
        ? say('closedToday', language, { opensAt, email: deps.supportEmail })
        : say('afterHours', language, {
            hours: describeHours(hours, language),
            opensAt,
            email: deps.supportEmail,
          })
      : say('transferring', language, {
          queue: queueName(packet.queue, language),
          wait: waitDuration(deps.policy.slaMinutes, language),
        });
    // a broken or wrong item is settled from a photo: asking now saves a round trip with the agent
    const photo =
      state.classification?.needsPerson.kind === 'item_problem' &&
      photoWouldShow(inbound.text) &&
      !rows.some((row) => row.direction === 'in' && row.type === 'image')
        ? ` ${say('photoWhileWaiting', language)}`
        : '';
    const notice = `${sorry}${logistics}${photo}`;
    const replies = [
      ...(bridged ? state.replies.slice(0, -1) : state.replies),
      ...urgentAdvice(raised, language, deps.businessName),
      { kind: 'text' as const, text: notice },
    ];
    return {
      replies,
      handoffId: packet.id,
      mode: 'queued',
      failedAttempts: 0,
      pendingQuestion: null,
      queuedNoticeSent: false,
      apologisedAt: null,
      botAttempts: [],
    };
  };
}
