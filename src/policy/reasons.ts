import { z } from 'zod';
import { sensitiveTopicSchema } from '../llm/classification.js';

export const reasonCodeSchema = z.enum([
  'human_requested',
  'failed_attempts',
  'frustration',
  'sensitive_topic',
  'complex_query',
  'agent_initiated',
]);
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

/**
 * Why a handoff happened, with what showed it: the words, the score, the count. A sensitive topic
 * names which ones, so an agent tells fraud from a refund at a glance.
 */
export const reasonSchema = z.object({
  code: reasonCodeSchema,
  evidence: z.string(),
  topics: z.array(sensitiveTopicSchema).optional(),
});
export type Reason = z.infer<typeof reasonSchema>;

/** A reason in words, for summaries: "fraud, refund" for a sensitive topic, else "human requested". */
export function describeReason(reason: Reason): string {
  return reason.topics?.length ? reason.topics.join(', ') : reason.code.replaceAll('_', ' ');
}

export const queueSchema = z.enum(['general', 'orders', 'billing', 'technical', 'vip']);
export type Queue = z.infer<typeof queueSchema>;

export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof prioritySchema>;

export const priorityRank: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
