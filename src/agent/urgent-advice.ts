import type { Language, SensitiveTopic } from '../llm/classification.js';
import { say } from '../replies/messages.js';

/**
 * What the customer should do before a person answers, which may be hours away: a device that burns
 * or swells is unplugged now, a code asked for by a "support" caller is not given.
 */
/** The advice as the agent's packet records it: what the customer was already told to do. */
export function urgentAdviceGiven(topics: Iterable<SensitiveTopic>): string[] {
  const raised = new Set(topics);
  return [
    ...(raised.has('safety') ? ['sent the safety advice (stop using it, unplug it, keep away)'] : []),
    ...(raised.has('fraud')
      ? ['sent the fraud advice (share no codes, change the password, call the bank)']
      : []),
  ];
}

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
