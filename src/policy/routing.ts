import type { Area, SensitiveTopic } from '../llm/classification.js';
import type { Priority, Queue, Reason } from './reasons.js';

const urgentTopics: ReadonlySet<SensitiveTopic> = new Set(['fraud', 'legal', 'safety']);
const ladder: Priority[] = ['low', 'normal', 'high', 'urgent'];

/** VIP customers go to their own queue; everyone else by what the conversation is about. */
export function routeQueue(input: { tier: 'standard' | 'vip'; area: Area }): Queue {
  return input.tier === 'vip' ? 'vip' : input.area;
}

/** normal; high for sensitive topics or frustration; urgent for fraud, legal, safety; VIP +1. */
export function routePriority(input: {
  reasons: readonly Reason[];
  sensitiveTopics: readonly SensitiveTopic[];
  tier: 'standard' | 'vip';
}): Priority {
  let priority: Priority = 'normal';
  if (input.reasons.some((r) => r.code === 'sensitive_topic' || r.code === 'frustration')) {
    priority = 'high';
  }
  if (input.sensitiveTopics.some((topic) => urgentTopics.has(topic))) priority = 'urgent';
  if (input.tier === 'vip') {
    priority = ladder[Math.min(ladder.length - 1, ladder.indexOf(priority) + 1)] ?? priority;
  }
  return priority;
}

/** The money topics decide billing even when the message also mentions an order. */
export function areaOf(input: {
  area: Area;
  sensitiveTopics: readonly SensitiveTopic[];
  lastArea?: Area;
}): Area {
  const topics = new Set(input.sensitiveTopics);
  if (topics.has('refund') || topics.has('charge') || topics.has('billing')) return 'billing';
  if (input.area !== 'general') return input.area;
  return input.lastArea ?? 'general';
}
