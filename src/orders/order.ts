import { z } from 'zod';

export const orderStatusSchema = z.enum([
  'processing',
  'shipped',
  'out_for_delivery',
  'delivered',
  'cancelled',
  'delayed',
]);

/** An order record as the order system returns it (evals/FORMAT.md, Order). */
export const orderSchema = z.strictObject({
  id: z.string().min(1),
  phone: z.string().min(1),
  status: orderStatusSchema,
  carrier: z.string().optional(),
  trackingUrl: z.string().optional(),
  eta: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
    .optional(),
  items: z.array(z.strictObject({ name: z.string(), qty: z.number().int().positive() })).optional(),
  total: z.number().optional(),
  currency: z.string().optional(),
});
export type Order = z.infer<typeof orderSchema>;

/** The `Orders` port; ownership is checked by the caller's tools as well. */
export interface Orders {
  find(orderId: string): Promise<Order | undefined>;
  /** The orders placed with this phone number (digits only, as WhatsApp sends it). */
  forPhone(phone: string): Promise<Order[]>;
}

/** "+966 50…" and "96650…" are one number. */
export const phoneDigits = (phone: string) => phone.replace(/\D/g, '');

/** The order a number without its letters names ("١٠٠٢" for A1002): the only one with those digits. */
export function onlyOrderWithDigits<T extends { id: string }>(
  orders: readonly T[],
  digits: string,
): T | undefined {
  const matches = orders.filter((order) => order.id.replace(/\D/g, '') === digits);
  return matches.length === 1 ? matches[0] : undefined;
}

/** Still on its way to the customer: neither delivered nor cancelled. */
export const isOpenOrder = (status: string) => status !== 'delivered' && status !== 'cancelled';

/**
 * Still on its way and past its ETA (a date, YYYY-MM-DD…, before `today`, the shop's local date):
 * late, not expected.
 */
export const isLateOrder = (order: { status: string; eta?: string }, today: string) =>
  order.eta !== undefined &&
  isOpenOrder(order.status) &&
  /^\d{4}-\d{2}-\d{2}/.test(order.eta) &&
  order.eta.slice(0, 10) < today;
