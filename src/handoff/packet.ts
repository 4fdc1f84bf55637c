import { z } from 'zod';
import { intentSchema, languageSchema } from '../llm/classification.js';
import { prioritySchema, queueSchema, reasonSchema } from '../policy/reasons.js';

export const PACKET_VERSION = 1;

export const orderOnRecordSchema = z.object({
  id: z.string(),
  status: z.string(),
  eta: z.string().optional(),
  carrier: z.string().optional(),
  items: z.array(z.object({ name: z.string(), qty: z.number() })).optional(),
  total: z.number().optional(),
  currency: z.string().optional(),
  /** Past its ETA (in the shop's time zone) and neither delivered nor cancelled: the customer was told it is late. */
  late: z.boolean().optional(),
});
export type OrderOnRecord = z.infer<typeof orderOnRecordSchema>;

/** "A1001 (shipped, ETA 2026-11-27)" for each order on record, and the ids not found for the customer. */
export function describeOrders(facts: Packet['facts']): string[] {
  if (facts.orders === undefined) return facts.orderIds;
  const onRecord = facts.orders.map((order) => {
    const details = [
      order.status.replaceAll('_', ' '),
      ...(order.late ? ['late'] : []),
      ...(order.eta ? [`ETA ${order.eta}`] : []),
      ...(order.total !== undefined ? [`${order.total} ${order.currency ?? ''}`.trim()] : []),
    ];
    return `${order.id} (${details.join(', ')})`;
  });
  const digits = (id: string) => id.replace(/\D/g, '');
  // "1002" typed for A1002 is that order
  const isOnRecord = (typed: string) =>
    facts.orders?.some(
      (order) =>
        order.id.toUpperCase() === typed.toUpperCase() || (/^\d+$/.test(typed) && digits(order.id) === typed),
    );
  const unknown = facts.orderIds
    .filter((id) => !isOnRecord(id))
    .map((id) => `${id} (not found for this customer)`);
  return [...onRecord, ...unknown];
}

/**
 * The escalation packet (DESIGN.md): the same object is stored, shown in the inbox and sent to
 * every sink. Versioned so sinks can tell shapes apart when it grows.
 */
export const packetSchema = z.object({
  id: z.string(),
  version: z.literal(PACKET_VERSION),
  conversationId: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  customer: z.object({
    id: z.string(),
    waId: z.string().optional(),
    userId: z.string().optional(),
    name: z.string().nullable(),
    tier: z.enum(['standard', 'vip']),
    language: languageSchema,
  }),
  reasons: z.array(reasonSchema).min(1),
  intent: intentSchema,
  frustration: z.number().min(0).max(1),
  queue: queueSchema,
  priority: prioritySchema,
  afterHours: z.boolean(),
  slaDueAt: z.iso.datetime({ offset: true }),
  summary: z.string().max(600),
  facts: z.object({
    /** Every order id the customer wrote, theirs or not. */
    orderIds: z.array(z.string()),
    amounts: z.array(z.string()),
    media: z.array(z.string()).default([]),
    /**
     * The customer's own orders as the order system had them at the handoff: the ones the
     * conversation named, or else the ones still on their way. An id the customer wrote that is
     * not among them was not found for their number. Absent when nobody looked (a takeover).
     */
    orders: z.array(orderOnRecordSchema).optional(),
  }),
  botAttempts: z.array(z.string()),
  /** The click-to-WhatsApp ad the conversation started from, as Meta described it. */
  referral: z
    .object({
      headline: z.string().optional(),
      body: z.string().optional(),
      sourceType: z.string().optional(),
      sourceUrl: z.string().optional(),
    })
    .optional(),
  transcript: z.array(
    z.object({
      from: z.enum(['customer', 'bot', 'agent', 'system']),
      text: z.string(),
      at: z.iso.datetime({ offset: true }),
    }),
  ),
  links: z.object({ inbox: z.string() }),
  /** Set when a previous handoff of the same conversation was resolved before this one. */
  previousHandoffId: z.string().optional(),
});
export type Packet = z.infer<typeof packetSchema>;
