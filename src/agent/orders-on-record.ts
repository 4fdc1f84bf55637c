import type { OrderOnRecord } from '../handoff/packet.js';
import type { AgentTools, OrderView } from '../llm/port.js';
import { isLateOrder, isOpenOrder } from '../orders/order.js';

/** An agent reads a handful: the last five named, or the first five on their way. */
const MAX_ORDERS = 5;

/**
 * What an agent needs beside the order numbers: the customer's own orders as the order system has
 * them now — the ones the conversation named, or else the ones still on their way ("I want to
 * cancel my order" names none). Through the customer's tools, so never anyone else's.
 */
export async function ordersOnRecord(
  tools: AgentTools,
  orderIds: readonly string[],
  today: string,
): Promise<OrderOnRecord[]> {
  const shown =
    orderIds.length > 0 ? await named(tools, orderIds.slice(-MAX_ORDERS)) : await onTheirWay(tools);
  const found = new Map<string, OrderOnRecord>();
  for (const { trackingUrl: _link, ...order } of shown) {
    found.set(order.id, { ...order, ...(isLateOrder(order, today) ? { late: true } : {}) });
  }
  return [...found.values()];
}

/** Each id looked up as the customer asked for it: theirs, or not at all. */
async function named(tools: AgentTools, ids: readonly string[]): Promise<OrderView[]> {
  const views: OrderView[] = [];
  for (const id of ids) {
    const result = await tools.trackOrder(id);
    if (result.found) views.push(result.order);
  }
  return views;
}

async function onTheirWay(tools: AgentTools): Promise<OrderView[]> {
  const own = await tools.customerOrders();
  return own.found ? own.orders.filter((order) => isOpenOrder(order.status)).slice(0, MAX_ORDERS) : [];
}
