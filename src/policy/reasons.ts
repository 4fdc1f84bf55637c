import { z } from 'zod';

export const reasonCodeSchema = z.enum([
  'human_requested',
  'failed_attempts',
  'frustration',
  'sensitive_topic',
  'complex_query',
  'agent_initiated',
]);
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

/** Why a handoff happened, with what showed it: the words, the score, the count. */
export const reasonSchema = z.object({ code: reasonCodeSchema, evidence: z.string() });
export type Reason = z.infer<typeof reasonSchema>;

export const queueSchema = z.enum(['general', 'orders', 'billing', 'technical', 'vip']);
export type Queue = z.infer<typeof queueSchema>;

export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof prioritySchema>;

export const priorityRank: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
