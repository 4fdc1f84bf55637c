import type { OutboundMessage } from '../channel/outbound.js';
import type { Classification, Language } from '../llm/classification.js';
import type { AgentTools } from '../llm/port.js';
import { normalizeDigits } from '../nlu/normalize.js';
import { welcomeMenu } from '../replies/menu.js';
import { mediaName, say } from '../replies/messages.js';
import { orderReply } from '../replies/order-reply.js';
import type { InboundTurn, PendingQuestion } from './state.js';

export interface ScriptedReply {
  message: OutboundMessage;
  handled: boolean;
  pendingQuestion: PendingQuestion;
  attempt?: string;
  /** The order the reply showed the customer, for the follow-up questions about it. */
  shownOrderId?: string;
}

const text = (body: string): OutboundMessage => ({ kind: 'text', text: body });

/**
 * A reply that is only a number ("1001", "#١٠٠١"), when the bot has just asked for the order number:
 * too short to be read as an order id anywhere else.
 */
function bareNumber(text: string): string | undefined {
  const match = /^#?\s*(\d{3,12})[.!]?$/.exec(normalizeDigits(text.trim()));
  return match?.[1];
}

/** "my other order", "طلبي الثاني": not the order just shown. */
const ANOTHER_ORDER =
  /\b(?:other|another|second|different|new)\b|(?:^|\s)(?:ال)?(?:ثاني|ثانيه|ثانية|الاخر|الآخر|غيره)(?:\s|$)/iu;

/** "where is it now?", "وينه؟": a question about "it", which after an order card is the order. */
const ABOUT_IT = /\b(?:where|when)\b.*\bit\b|^\s*(?:و?وينه|متى (?:يوصل|بيوصل|يجي|بيجي))/iu;

/**
 * Turns that need no model: the menu, greetings, thanks, media and order lookups. Returns
 * undefined for open questions, which go to the responder with its tools.
 */
export async function scriptedReply(input: {
  inbound: InboundTurn;
  classification: Classification | null;
  language: Language;
  pendingQuestion: PendingQuestion;
  customerName: string | null;
  businessName: string;
  /** The shop's local date, YYYY-MM-DD: an order's ETA before it is late. */
  today: string;
  /** The order the bot last showed this customer, if any. */
  shownOrderId: string | null;
  tools: AgentTools;
}): Promise<ScriptedReply | undefined> {
  const { classification: c, language, inbound } = input;
  const unreadMedia = inbound.text === '' && inbound.buttonId === undefined;
  if (c === null || (unreadMedia && !c.humanRequest.requested)) {
    return {
      message: text(say('mediaReceived', language, { media: mediaName(inbound.type, language) })),
      handled: true,
      pendingQuestion: input.pendingQuestion,
    };
  }
  // "and when will it arrive?", "where is it now?" after an order was shown are about that order.
  const asksAboutShown =
    c.intent === 'order_status' || (c.intent === 'unknown' && ABOUT_IT.test(inbound.text));
  const followUp =
    asksAboutShown && input.shownOrderId !== null && !ANOTHER_ORDER.test(inbound.text)
      ? input.shownOrderId
      : undefined;
  const orderId =
    c.entities.orderIds[0] ??
    (input.pendingQuestion === 'order_id' ? bareNumber(inbound.text) : undefined) ??
    followUp;
  const wantsOrder =
    c.intent === 'order_status' ||
    followUp !== undefined ||
    (input.pendingQuestion === 'order_id' && c.intent !== 'faq');
  if (orderId !== undefined && wantsOrder) {
    const result = await input.tools.trackOrder(orderId);
    return {
      message: text(orderReply(result, orderId, language, input.today)),
      handled: true,
      pendingQuestion: null,
      attempt: `looked up order ${orderId}${result.found ? '' : ' (not shown: not found or not verified)'}`,
      ...(result.found ? { shownOrderId: result.order.id } : {}),
    };
  }
  if (c.intent === 'order_status' || (c.intent === 'menu_choice' && c.menuChoice === 'menu_order')) {
    return { message: text(say('askOrderId', language)), handled: true, pendingQuestion: 'order_id' };
  }
  if (c.intent === 'menu_choice' && c.menuChoice === 'menu_faq') {
    return { message: text(say('faqPrompt', language)), handled: true, pendingQuestion: null };
  }
  if (c.intent === 'greeting') {
    return {
      message: welcomeMenu(language, {
        ...(input.customerName ? { name: input.customerName } : {}),
        business: input.businessName,
      }),
      handled: true,
      pendingQuestion: null,
    };
  }
  if (c.intent === 'thanks') {
    return { message: text(say('thanks', language)), handled: true, pendingQuestion: null };
  }
  return undefined;
}
