import { classifyOffline } from '../../nlu/classify.js';
import { say } from '../../replies/messages.js';
import type { Llm, RespondInput, RespondOutput } from '../port.js';
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
    return {
      message: {
        kind: 'text',
        text: `${best.text}\n\n${say('knowledgeSource', input.language, { title: best.title })}`,
      },
      handled: true,
      knowledgeDocId: best.docId,
      toolCalls: ['search_knowledge'],
    };
  }

  async summarise(input: Parameters<Llm['summarise']>[0]) {
    return summariseOffline(input);
  }
}
