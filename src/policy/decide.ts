import type { Area, Classification } from '../llm/classification.js';
import { isWithinBusinessHours, nextOpening } from './business-hours.js';
import type { PolicyConfig } from './policy-config.js';
import type { Priority, Queue, Reason } from './reasons.js';
import { areaOf, routePriority, routeQueue } from './routing.js';

export interface Routing {
  queue: Queue;
  priority: Priority;
  afterHours: boolean;
  /** When an agent is expected to answer: the SLA counted from the next opening. */
  slaDueAt: number;
  opensAt: number;
}

/** Where a handoff goes, how urgent it is and whether the team is in: a pure function. */
export function routeHandoff(
  input: {
    reasons: readonly Reason[];
    classification?: Classification;
    tier: 'standard' | 'vip';
    lastArea?: Area;
    now: number;
  },
  config: PolicyConfig,
): Routing {
  const topics = input.classification?.sensitiveTopics.map((t) => t.topic) ?? [];
  const area = areaOf({
    area: input.classification?.area ?? 'general',
    sensitiveTopics: topics,
    ...(input.lastArea === undefined ? {} : { lastArea: input.lastArea }),
  });
  const afterHours = !isWithinBusinessHours(input.now, config.businessHours);
  const opensAt = nextOpening(input.now, config.businessHours);
  return {
    queue: routeQueue({ tier: input.tier, area }),
    priority: routePriority({ reasons: input.reasons, sensitiveTopics: topics, tier: input.tier }),
    afterHours,
    slaDueAt: opensAt + config.slaMinutes * 60_000,
    opensAt,
  };
}
