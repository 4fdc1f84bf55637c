import { z } from 'zod';
import { intentSchema, languageSchema } from '../llm/classification.js';
import { prioritySchema, queueSchema, reasonSchema } from '../policy/reasons.js';

export const PACKET_VERSION = 1;

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
    orderIds: z.array(z.string()),
    amounts: z.array(z.string()),
    media: z.array(z.string()).default([]),
  }),
  botAttempts: z.array(z.string()),
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
