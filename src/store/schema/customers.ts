import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A person writing to the business; keyed on `parent_user_id ?? user_id ?? wa_id` (WHATSAPP.md). */
export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    waId: text('wa_id'),
    userId: text('user_id'),
    parentUserId: text('parent_user_id'),
    name: text('name'),
    tier: text('tier', { enum: ['standard', 'vip'] })
      .notNull()
      .default('standard'),
    language: text('language', { enum: ['en', 'ar'] }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  // Ingest matches a delivery's customer on any of its ids (user id, parent, phone).
  (t) => [
    index('customers_wa_id').on(t.waId),
    index('customers_user_id').on(t.userId),
    index('customers_parent_user_id').on(t.parentUserId),
  ],
);
