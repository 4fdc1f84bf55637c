import type { Language } from '../llm/classification.js';
import type { OrderView, TrackOrderResult } from '../llm/port.js';
import { isLateOrder, isOpenOrder } from '../orders/order.js';
import { say } from './messages.js';

const statusNames: Record<string, Record<Language, string>> = {
  processing: { en: 'being prepared (processing)', ar: 'قيد التجهيز' },
  shipped: { en: 'shipped', ar: 'تم الشحن' },
  out_for_delivery: { en: 'out for delivery', ar: 'خرج للتوصيل' },
  delivered: { en: 'delivered', ar: 'تم التوصيل' },
  cancelled: { en: 'cancelled', ar: 'ملغي' },
  delayed: { en: 'delayed — sorry for the wait', ar: 'متأخر — نعتذر عن التأخير' },
};

const statusName = (status: string, language: Language) => statusNames[status]?.[language] ?? status;

/** What a customer calls the money: "349 SAR", "349 ريال". */
const currencyNames: Record<string, Record<Language, string>> = { SAR: { en: 'SAR', ar: 'ريال' } };

/** "Friday 27 November", "الجمعة، 27 نوفمبر": a day a customer reads at a glance, Gregorian in both. */
const dateFormats: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  ar: new Intl.DateTimeFormat('ar-u-ca-gregory-nu-latn', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }),
};

/** An order's date (YYYY-MM-DD) in words; anything else as the order system wrote it. */
export function orderDate(date: string, language: Language): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(day) ? date : dateFormats[language].format(day);
}

export interface OrderDetail {
  /** A follow-up on the card just shown: its status, ETA and tracking link, not its items again. */
  brief: boolean;
  /** The carrier's name, in a full card or when asked ("who is the courier?"). */
  carrier: boolean;
  /**
   * Asked when it comes ("when will it arrive?"): an order still being prepared, without a date,
   * says it has none rather than leave the question unanswered.
   */
  when?: boolean;
}

/**
 * The customer-facing answer of `track_order`; only the owner ever gets the found branch. `today`
 * is the shop's local date (YYYY-MM-DD).
 */
export function orderReply(
  result: TrackOrderResult,
  orderId: string,
  language: Language,
  today: string,
  detail: OrderDetail = { brief: false, carrier: true },
): string {
  const { brief, carrier, when = false } = detail;
  if (!result.found) {
    if (result.reason === 'no_verified_phone') return say('orderNoPhone', language);
    if (result.reason === 'unavailable') return say('ordersUnavailable', language);
    return say('orderNotFound', language, { id: orderId });
  }
  const { order } = result;
  const lines = [
    say('orderStatus', language, {
      id: order.id,
      status: statusName(order.status, language),
    }),
  ];
  if (order.items?.length && !brief) {
    lines.push(
      say('orderItems', language, { items: order.items.map((i) => `${i.qty} × ${i.name}`).join(', ') }),
    );
  }
  if (order.total !== undefined && !brief) {
    const currency = order.currency ? (currencyNames[order.currency]?.[language] ?? order.currency) : '';
    lines.push(
      say('orderTotal', language, { total: `${order.total.toLocaleString('en')} ${currency}`.trim() }),
    );
  }
  if (order.eta && isOpenOrder(order.status)) {
    lines.push(
      say(isLateOrder(order, today) ? 'orderOverdue' : 'orderEta', language, {
        eta: orderDate(order.eta, language),
      }),
    );
  }
  if (when && order.status === 'processing' && !order.eta) lines.push(say('orderNoEtaYet', language));
  if (order.carrier && carrier) lines.push(say('orderCarrier', language, { carrier: order.carrier }));
  if (order.trackingUrl) lines.push(say('orderTracking', language, { url: order.trackingUrl }));
  return lines.join('\n');
}

/** One line per order the customer owns, late ones said to be late, and which to ask about. */
export function orderListReply(orders: readonly OrderView[], language: Language, today: string): string {
  const separator = language === 'ar' ? '، ' : ', ';
  const lines = orders.map((order) => {
    const late = isLateOrder(order, today) ? [say('orderListLate', language)] : [];
    const status = [statusName(order.status, language), ...late];
    return `• ${order.id} — ${status.join(separator)}`;
  });
  return say('orderList', language, { orders: lines.join('\n') });
}
