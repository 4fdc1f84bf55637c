import type { Classification, Language, MenuChoice } from '../../src/llm/classification.js';
import { classifyOffline } from '../../src/nlu/classify.js';

/** classifyOffline with the defaults most tests do not care about. */
export function classify(
  text: string,
  options: { previous?: string[]; button?: MenuChoice; fallback?: Language } = {},
): Classification {
  return classifyOffline({
    text,
    button: options.button,
    previousCustomerTexts: options.previous ?? [],
    fallbackLanguage: options.fallback ?? 'en',
  });
}

export function topicsOf(text: string): string[] {
  return classify(text).sensitiveTopics.map((hit) => hit.topic);
}
