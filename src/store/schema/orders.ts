import { real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The built-in demo order system behind the `Orders` port. */
export const orders = sqliteTable('orders', {
  id: text('id').primaryKey(),
  /** The owner's WhatsApp phone number; an order is shown to this number only. */
  phone: text('phone').notNull(),
  status: text('status').notNull(),
  carrier: text('carrier'),
  trackingUrl: text('tracking_url'),
  eta: text('eta'),
  items: text('items', { mode: 'json' }).$type<{ name: string; qty: number }[]>(),
  total: real('total'),
  currency: text('currency'),
});
