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
  const orderId =
    c.entities.orderIds[0] ?? (input.pendingQuestion === 'order_id' ? bareNumber(inbound.text) : undefined);
  const wantsOrder =
    c.intent === 'order_status' || (input.pendingQuestion === 'order_id' && c.intent !== 'faq');
  if (orderId !== undefined && wantsOrder) {
    const result = await input.tools.trackOrder(orderId);
    return {
      message: text(orderReply(result, orderId, language, input.today)),
      handled: true,
      pendingQuestion: null,
      attempt: `looked up order ${orderId}${result.found ? '' : ' (not shown: not found or not verified)'}`,
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
