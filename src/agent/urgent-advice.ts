import type { Language, SensitiveTopic } from '../llm/classification.js';
import { say } from '../replies/messages.js';

/**
 * What the customer should do before a person answers, which may be hours away: a device that burns
 * or swells is unplugged now, a code asked for by a "support" caller is not given.
 */
export function urgentAdvice(
  topics: Iterable<SensitiveTopic>,
  language: Language,
  businessName: string,
): string[] {
  const raised = new Set(topics);
  return [
    ...(raised.has('safety') ? [say('safetyAdvice', language)] : []),
    ...(raised.has('fraud') ? [say('fraudAdvice', language, { business: businessName })] : []),
  ];
}
