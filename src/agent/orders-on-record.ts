import type { OrderOnRecord } from '../handoff/packet.js';
import type { AgentTools, OrderView } from '../llm/port.js';
import { BARE_ORDER_NUMBERS, extractAmounts } from '../nlu/entities.js';
import { normalizeDigits } from '../nlu/normalize.js';
import { isLateOrder, isOpenOrder, onlyOrderWithDigits } from '../orders/order.js';
import { namesProduct, ordersOfProductNamed } from './named-product.js';

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

/** "my card ending 1001", "البطاقة اللي تنتهي ب 1001": a card's last digits. */
const CARD_ENDING =
  /(?:ending(?:\s+(?:in|with))?|ends?\s+(?:in|with)|last\s+(?:(?:4|four)\s+)?digits?|(?:ال)?منتهي(?:ه|ة)?\s*ب?|تنتهي\s*ب?|ينتهي\s*ب?|اخر|آخر|[*x•]{2,})\s*$/iu;

/** The numbers of a text that may be order ids: not an amount ("charged 1001 SAR twice") or a card's end. */
function numbersIn(text: string): string[] {
  const digits = normalizeDigits(text);
  const amounts = extractAmounts(text).map((amount) => normalizeDigits(amount.text));
  return [...digits.matchAll(BARE_ORDER_NUMBERS)].flatMap((m) =>
    amounts.some((amount) => amount.includes(m[0])) || CARD_ENDING.test(digits.slice(0, m.index))
      ? []
      : [m[0]],
  );
}

/**
 * The customer's own orders they pointed at without an order id: among the bare numbers they wrote
 * ("please cancel 1002", "ما ابي cancel، بس متى يوصل 1002؟"), which the NLU does not take for
 * order ids without a word saying so (a number alone may be an amount or a year), and by a product
 * they called theirs ("my phone case arrived cracked", "الكفرات وصلت بس وحدة مشقوقة": the delivered
 * order, which the orders on their way would leave out). Matched against their own orders only, so
 * an agent is never pointed at anyone else's.
 */
export async function ownOrdersMentioned(
  tools: AgentTools,
  customerTexts: readonly string[],
): Promise<{ written: string[]; byProduct: string[] }> {
  const numbers = new Set(customerTexts.flatMap(numbersIn));
  // no order to look up when nothing points at one (the handoff then reads the orders on their way)
  if (numbers.size === 0 && !customerTexts.some((text) => namesProduct(text)))
    return { written: [], byProduct: [] };
  const own = await tools.customerOrders();
  if (!own.found) return { written: [], byProduct: [] };
  // as the order lookup reads one: the id itself, or the only order with those digits ("1002" for A1002)
  const written = [...numbers].flatMap((number) => {
    const id = own.orders.some((order) => order.id === number)
      ? number
      : onlyOrderWithDigits(own.orders, number)?.id;
    return id === undefined ? [] : [id];
  });
  const byProduct = customerTexts.flatMap((text) =>
    ordersOfProductNamed(text, own.orders).map((order) => order.id),
  );
  return { written, byProduct: [...new Set(byProduct)] };
}
