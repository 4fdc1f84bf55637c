import type { Language } from '../llm/classification.js';
import type { TrackOrderResult } from '../llm/port.js';
import { say } from './messages.js';

const statusNames: Record<string, Record<Language, string>> = {
  processing: { en: 'being prepared (processing)', ar: 'قيد التجهيز' },
  shipped: { en: 'shipped', ar: 'تم الشحن' },
  out_for_delivery: { en: 'out for delivery', ar: 'خرج للتوصيل' },
  delivered: { en: 'delivered', ar: 'تم التوصيل' },
  cancelled: { en: 'cancelled', ar: 'ملغي' },
  delayed: { en: 'delayed — sorry for the wait', ar: 'متأخر — نعتذر عن التأخير' },
};

/** An ETA written as a date (YYYY-MM-DD…) before today: a late order, not an expected one. */
const isPast = (eta: string, today: string) => /^\d{4}-\d{2}-\d{2}/.test(eta) && eta.slice(0, 10) < today;

/**
 * The customer-facing answer of `track_order`; only the owner ever gets the found branch. `today`
 * is the shop's local date (YYYY-MM-DD).
 */
export function orderReply(
  result: TrackOrderResult,
  orderId: string,
  language: Language,
  today: string,
): string {
  if (!result.found) {
    return result.reason === 'no_verified_phone'
      ? say('orderNoPhone', language)
      : say('orderNotFound', language, { id: orderId });
  }
  const { order } = result;
  const lines = [
    say('orderStatus', language, {
      id: order.id,
      status: statusNames[order.status]?.[language] ?? order.status,
    }),
  ];
  if (order.items?.length) {
    lines.push(
      say('orderItems', language, { items: order.items.map((i) => `${i.qty} × ${i.name}`).join(', ') }),
    );
  }
  if (order.eta && order.status !== 'delivered' && order.status !== 'cancelled') {
    lines.push(say(isPast(order.eta, today) ? 'orderOverdue' : 'orderEta', language, { eta: order.eta }));
  }
  if (order.carrier) lines.push(say('orderCarrier', language, { carrier: order.carrier }));
  if (order.trackingUrl) lines.push(say('orderTracking', language, { url: order.trackingUrl }));
  return lines.join('\n');
}
