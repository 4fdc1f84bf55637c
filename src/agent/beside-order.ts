import { messageParts } from '../knowledge/analyze.js';
import type { Language } from '../llm/classification.js';
import type { AgentTools, KnowledgeSearchResult } from '../llm/port.js';
import { classifyOffline } from '../nlu/classify.js';

type Section = KnowledgeSearchResult['hits'][number];

/** Beside the order card, a reply carries at most this many answers. */
const MAX_BESIDE = 2;

/**
 * "where is my order A3001? also how long do returns take?": the sections answering the message's
 * questions about the shop's policies, which the order card beside them does not. Each part is read
 * on its own, a request as well as a question ("also I need the invoice"), and only a policy
 * question the pages answer with confidence is answered.
 */
export async function policyQuestionsBesideOrder(
  text: string,
  language: Language,
  tools: AgentTools,
): Promise<{ sections: Section[]; left: number }> {
  const answers: Section[] = [];
  for (const part of messageParts(text)) {
    const read = classifyOffline({ text: part, previousCustomerTexts: [], fallbackLanguage: language });
    if (read.intent !== 'faq') continue;
    const result = await tools.searchKnowledge(part, language);
    const [best] = result.hits;
    if (!result.confident || best === undefined) continue;
    if (answers.some((other) => other.docId === best.docId && other.heading === best.heading)) continue;
    answers.push(best);
  }
  // more than fit are asked for again, not dropped without a word
  return { sections: answers.slice(0, MAX_BESIDE), left: Math.max(0, answers.length - MAX_BESIDE) };
}
