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

/** Customer turns in a row that were upset, each short of the threshold, that add up to frustration. */
const UPSET_TURNS = 3;
/** One mild word ("still", "annoying", "seriously") is upset; "??" alone is not. */
const UPSET_SCORE = 0.3;

/**
 * `frustration` that built up: upset in each of the last three customer turns ("still not here" →
 * "this is annoying" → "seriously"), none enough on its own (DESIGN.md counts "repetition of the
 * same complaint"). `history` is this conversation's scores of upset said in words, this turn's
 * last (the classify node scores a turn of "still", capitals, "??" or a question asked again 0).
 */
export function buildingFrustrationTrigger(
  history: readonly number[],
  classification: Classification,
  config: PolicyConfig,
): Reason | undefined {
  const recent = history.slice(-UPSET_TURNS);
  if (recent.length < UPSET_TURNS || recent.some((score) => score < UPSET_SCORE)) return undefined;
  if (classification.frustration >= config.frustrationThreshold) return undefined;
  return {
    code: 'frustration',
    evidence: `upset ${UPSET_TURNS} turns running (${recent.map((score) => score.toFixed(2)).join(', ')}): ${classification.frustrationEvidence.join(', ')}`,
  };
}
