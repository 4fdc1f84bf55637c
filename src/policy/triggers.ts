import type { Classification } from '../llm/classification.js';
import type { PolicyConfig } from './policy-config.js';
import type { Reason } from './reasons.js';

/** The triggers one classified message fires on its own (all but `failed_attempts`). */
export function messageTriggers(classification: Classification, config: PolicyConfig): Reason[] {
  const reasons: Reason[] = [];
  if (classification.humanRequest.requested) {
    reasons.push({
      code: 'human_requested',
      evidence: classification.humanRequest.evidence ?? 'asked for a person',
    });
  }
  if (classification.frustration >= config.frustrationThreshold) {
    const signals = classification.frustrationEvidence.join(', ');
    reasons.push({
      code: 'frustration',
      evidence: `score ${classification.frustration.toFixed(2)} ≥ ${config.frustrationThreshold}${signals ? `: ${signals}` : ''}`,
    });
  }
  if (classification.sensitiveTopics.length > 0) {
    reasons.push({
      code: 'sensitive_topic',
      evidence: classification.sensitiveTopics.map((t) => `${t.topic}: "${t.evidence}"`).join('; '),
      topics: [...new Set(classification.sensitiveTopics.map((t) => t.topic))],
    });
  }
  if (classification.needsPerson.needed) {
    reasons.push({
      code: 'complex_query',
      evidence: classification.needsPerson.evidence ?? 'needs a decision by a person',
    });
  }
  return reasons;
}

/** `failed_attempts`: the count of consecutive unhandled turns reached the threshold. */
export function failedAttemptsTrigger(count: number, config: PolicyConfig): Reason | undefined {
  if (count < config.failedAttemptsThreshold) return undefined;
  return {
    code: 'failed_attempts',
    evidence: `${count} consecutive turns the bot could not handle`,
  };
}
