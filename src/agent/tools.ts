import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { AgentTools, CustomerOrdersResult, OrderView, TrackOrderResult } from '../llm/port.js';
import type { Logger } from '../log/logger.js';
import { type Order, type Orders, onlyOrderWithDigits, phoneDigits } from '../orders/order.js';
import { reasonCodeSchema } from '../policy/reasons.js';

/** Tool argument schemas: the LLM adapter turns them into JSON schema; bad arguments are errors. */
export const toolSchemas = {
  search_knowledge: z.object({ query: z.string().min(1).max(500) }),
  track_order: z.object({ order_id: z.string().min(2).max(40) }),
  handoff_to_human: z.object({
    reasons: z.array(reasonCodeSchema).min(1),
    note: z.string().max(300).optional(),
  }),
};

/** How far above `KNOWLEDGE_MIN_SCORE` a section must score to be trusted on part of a question. */
const STRONG_SCORE_FACTOR = 3;

export interface ToolDeps {
  knowledge: KnowledgeBase;
  orders: Orders;
  knowledgeMinScore: number;
  knowledgeMinCoverage: number;
  logger: Logger;
}

/**
 * The tools for one customer. Ownership is enforced here, not in a prompt: an order is shown only
 * to the phone number that placed it, whatever the conversation says.
 */
export function createAgentTools(deps: ToolDeps, customer: { waId?: string | null }): AgentTools {
  // One read of the customer's orders per turn (the tools live for one): the scripted reply asks for
  // them in several places. A read that failed is tried again.
  let listed: Promise<CustomerOrdersResult> | undefined;
  const listOwnOrders = async (): Promise<CustomerOrdersResult> => {
    const phone = customer.waId;
    if (!phone) return { found: false, reason: 'no_verified_phone' };
    let own: Order[];
    try {
      own = await ownOrders(deps.orders, phone);
    } catch (error) {
      deps.logger.error('order list failed', { error });
      return { found: false, reason: 'unavailable' };
    }
    if (own.length === 0) return { found: false, reason: 'not_found' };
    return { found: true, orders: own.map(viewOf) };
  };
  return {
    async searchKnowledge(query, language) {
      const hits = deps.knowledge.search(query, language);
      const [best] = hits;
      // A high score on one shared word ("Riyadh" in "weather in Riyadh") is not an answer; a
      // long question that shares several words with one section, strongly, is one even when
      // most of its words are chatter ("the courier didn't find me at home, will he try again").
      // Words most pages use ("send", "order") count for little in either rule.
      const confident =
        best !== undefined &&
        best.score >= deps.knowledgeMinScore &&
        (best.coverage >= deps.knowledgeMinCoverage ||
          (best.matched >= 2 && best.score >= STRONG_SCORE_FACTOR * deps.knowledgeMinScore));
      return { hits, confident, minScore: deps.knowledgeMinScore };
    },
    async trackOrder(orderId): Promise<TrackOrderResult> {
      const phone = customer.waId;
      if (!phone) return { found: false, reason: 'no_verified_phone' };
      const id = orderId.trim().toUpperCase();
      let order: Order | undefined;
      try {
        order = await deps.orders.find(id);
        if (order !== undefined && phoneDigits(order.phone) !== phoneDigits(phone)) {
          deps.logger.warn('order requested by another customer', { orderId });
          order = undefined;
        }
        // "١٠٠٢" for A1002: a number without its letters is the customer's own order with those
        // digits, when exactly one has them
        if (order === undefined && /^\d+$/.test(id)) {
          order = onlyOrderWithDigits(await ownOrders(deps.orders, phone), id);
        }
      } catch (error) {
        // said as such: "no order 1002 here" would tell the customer their order does not exist
        deps.logger.error('order lookup failed', { error });
        return { found: false, reason: 'unavailable' };
      }
      if (order === undefined) return { found: false, reason: 'not_found' };
      return { found: true, order: viewOf(order) };
    },
    async customerOrders(): Promise<CustomerOrdersResult> {
      listed ??= listOwnOrders();
      const result = await listed;
      if (!result.found && result.reason === 'unavailable') listed = undefined;
      return result;
    },
  };
}

/** The orders placed with this number, and only those, whatever the order system returned. */
async function ownOrders(orders: Orders, phone: string): Promise<Order[]> {
  const list = await orders.forPhone(phone);
  return list.filter((order) => phoneDigits(order.phone) === phoneDigits(phone));
}

/** What the customer may see of their own order: everything but the phone it was placed with. */
function viewOf(order: Order): OrderView {
  return {
    id: order.id,
    status: order.status,
    ...(order.carrier ? { carrier: order.carrier } : {}),
    ...(order.trackingUrl ? { trackingUrl: order.trackingUrl } : {}),
    ...(order.eta ? { eta: order.eta } : {}),
    ...(order.items ? { items: order.items } : {}),
    ...(order.total !== undefined ? { total: order.total } : {}),
    ...(order.currency ? { currency: order.currency } : {}),
  };
}
