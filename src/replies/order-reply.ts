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

/** The customer-facing answer of `track_order`; only the owner ever gets the found branch. */
export function orderReply(result: TrackOrderResult, orderId: string, language: Language): string {
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
    lines.push(say('orderEta', language, { eta: order.eta }));
  }
  if (order.carrier) lines.push(say('orderCarrier', language, { carrier: order.carrier }));
  if (order.trackingUrl) lines.push(say('orderTracking', language, { url: order.trackingUrl }));
  return lines.join('\n');
}
