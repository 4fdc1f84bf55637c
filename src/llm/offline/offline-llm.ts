import { questionParts, searchTerms } from '../../knowledge/analyze.js';
import { classifyOffline } from '../../nlu/classify.js';
import { say } from '../../replies/messages.js';
import type { KnowledgeSearchResult, Llm, RespondInput, RespondOutput } from '../port.js';
import { unansweredReply } from '../unanswered.js';
import { summariseOffline } from './summarise.js';

/**
 * The embedded engine: a deterministic NLU and BM25 retrieval, no network. It is the default
 * and the fallback when a model call fails.
 */
export class OfflineLlm implements Llm {
  readonly name = 'offline';

  async classify(input: Parameters<Llm['classify']>[0]) {
    return classifyOffline({
      text: input.text,
      ...(input.button === undefined ? {} : { button: input.button }),
      previousCustomerTexts: input.previousCustomerTexts,
      fallbackLanguage: input.language,
    });
  }

  async respond(input: RespondInput): Promise<RespondOutput> {
    const result = await input.tools.searchKnowledge(input.text, input.language);
    const [best] = result.hits;
    // When the NLU recognised a question about a policy topic, a weaker match is still the right
    // document (short Arabic questions score low); otherwise only a confident match answers.
    const recognised =
      input.classification.intent === 'faq' &&
      best !== undefined &&
      best.score >= result.minScore / 2 &&
      best.coverage >= 0.5;
    // Without a recognised topic, one shared word ("times" in "2+2 times 7") is not enough.
    const substantial = best !== undefined && (best.matched >= 2 || best.score >= result.minScore * 2);
    if (best === undefined || !((result.confident && substantial) || recognised)) {
      return {
        message: { kind: 'text', text: unansweredReply(input.text, input.language) },
        handled: false,
        toolCalls: ['search_knowledge'],
      };
    }
    const answers = await answersPerQuestion(input);
    const sections = answers.length > 1 ? answers : [best];
    const [first = best] = sections;
    const titles = [...new Set(sections.map((section) => section.title))];
    const source =
      titles.length === 1
        ? say('knowledgeSource', input.language, { title: first.title })
        : say('knowledgeSources', input.language, { first: titles[0] ?? '', second: titles[1] ?? '' });
    return {
      message: {
        kind: 'text',
        text: `${sections.map((section) => section.text).join('\n\n')}\n\n${source}`,
      },
      handled: true,
      knowledgeDocId: first.docId,
      toolCalls: ['search_knowledge'],
    };
  }

  async summarise(input: Parameters<Llm['summarise']>[0]) {
    return summariseOffline(input);
  }
}

type Hit = KnowledgeSearchResult['hits'][number];

/** Two answers are as many as a WhatsApp message should carry. */
const MAX_ANSWERS = 2;

/**
 * "Do you deliver to Riyadh and can I pay with Tabby?": the section that answers each question of
 * the message on its own, in the order asked. A question too short to search alone ("…and how
 * much?", "…وبكم؟") asks about what the question before it named: it is searched with that
 * question's words and answered by a section that matches its own word, or not at all rather than
 * with an answer for the wrong place. With fewer than two answered, the message is answered as a
 * whole.
 */
async function answersPerQuestion(input: RespondInput): Promise<Hit[]> {
  const answers: Hit[] = [];
  const isAnswered = (hit: Hit) =>
    answers.some((other) => other.docId === hit.docId && other.heading === hit.heading);
  let previous: string | undefined;
  for (const part of questionParts(input.text)) {
    const ownTerms = [...new Set(searchTerms(part))];
    const elliptical = ownTerms.length < 2 && previous !== undefined;
    const query = elliptical ? `${previous} ${part}` : part;
    previous = part;
    // one search term ("how much?") is too little to know what the question is about alone
    if (ownTerms.length === 0 || (ownTerms.length < 2 && !elliptical)) continue;
    const result = await input.tools.searchKnowledge(query, input.language);
    if (!result.confident) continue;
    const [best] = result.hits;
    // A section about another place covers less of what was asked than the best one does: the
    // Saudi shipping price is no answer to "…to Dubai, and how much?".
    const hit = elliptical
      ? result.hits.find(
          (candidate) =>
            ownTerms.every((term) => candidate.ownTerms.includes(term)) &&
            candidate.coverage >= (best?.coverage ?? 1) &&
            !isAnswered(candidate),
        )
      : best;
    if (hit !== undefined && !isAnswered(hit)) answers.push(hit);
  }
  return answers.slice(0, MAX_ANSWERS);
}
