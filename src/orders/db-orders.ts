import { eq } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { orders } from '../store/schema/index.js';
import { type Order, type Orders, orderSchema, phoneDigits } from './order.js';

/** Enough for "which of your orders?"; a customer with more names the one they mean. */
const ORDERS_PER_PHONE = 20;
type OrderRow = typeof orders.$inferSelect;

/** The built-in order table (demo data, seeded on start; evals load each case's orders). */
export class DbOrders implements Orders {
  constructor(private readonly db: Db) {}

  async find(orderId: string): Promise<Order | undefined> {
    const row = await this.db.query.orders.findFirst({ where: eq(orders.id, orderId.toUpperCase()) });
    return row === undefined ? undefined : toOrder(row);
  }

  async forPhone(phone: string): Promise<Order[]> {
    const digits = phoneDigits(phone);
    if (digits === '') return [];
    const rows = await this.db.select().from(orders).where(eq(orders.phone, digits)).limit(ORDERS_PER_PHONE);
    return rows.map(toOrder);
  }

  async upsert(list: readonly Order[]): Promise<void> {
    for (const order of list) {
      const row = {
        id: order.id.toUpperCase(),
        // stored as digits, so a number is found however the order system wrote it
        phone: phoneDigits(order.phone),
        status: order.status,
        carrier: order.carrier ?? null,
        trackingUrl: order.trackingUrl ?? null,
        eta: order.eta ?? null,
        items: order.items ?? null,
        total: order.total ?? null,
        currency: order.currency ?? null,
      };
      await this.db.insert(orders).values(row).onConflictDoUpdate({ target: orders.id, set: row });
    }
  }
}

function toOrder(row: OrderRow): Order {
  return orderSchema.parse({
    id: row.id,
    phone: row.phone,
    status: row.status,
    carrier: row.carrier ?? undefined,
    trackingUrl: row.trackingUrl ?? undefined,
    eta: row.eta ?? undefined,
    items: row.items ?? undefined,
    total: row.total ?? undefined,
    currency: row.currency ?? undefined,
  });
}
