import type { Language } from '../llm/classification.js';
import { say } from './messages.js';

/** "(from our Shipping page)", "(from our Shipping, Returns and Payments pages)". */
function sourcesLine(titles: readonly string[], language: Language): string {
  const last = titles.at(-1) ?? '';
  if (titles.length < 2) return say('knowledgeSource', language, { title: last });
  const first = titles.slice(0, -1).join(language === 'ar' ? '، ' : ', ');
  return say(titles.length === 2 ? 'knowledgeSources' : 'knowledgeSourcesMany', language, { first, last });
}

/**
 * Knowledge sections as the customer reads them: each section, then the pages they come from, and,
 * when the message asked more than one reply carries, a line asking for the rest one at a time.
 */
export function sectionsReply(
  sections: readonly { readonly title: string; readonly text: string }[],
  language: Language,
  unanswered = 0,
): string {
  const titles = [...new Set(sections.map((section) => section.title))];
  const more = unanswered > 0 ? `\n\n${say('moreQuestions', language)}` : '';
  return `${sections.map((section) => section.text).join('\n\n')}\n\n${sourcesLine(titles, language)}${more}`;
}
