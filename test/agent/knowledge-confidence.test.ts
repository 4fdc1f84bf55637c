import { describe, expect, it } from 'vitest';
import { createAgentTools } from '../../src/agent/tools.js';
import { loadConfig } from '../../src/config/config.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { silentLogger } from '../../src/log/logger.js';
import { repoKnowledge } from '../support/harness.js';

async function tools() {
  const config = loadConfig({});
  return createAgentTools(
    {
      knowledge: new KnowledgeBase(await repoKnowledge()),
      orders: { find: async () => undefined },
      knowledgeMinScore: config.KNOWLEDGE_MIN_SCORE,
      knowledgeMinCoverage: config.KNOWLEDGE_MIN_COVERAGE,
      logger: silentLogger,
    },
    {},
  );
}

describe('when a knowledge answer is trusted (default thresholds, the shipped knowledge base)', () => {
  it.each([
    ['en', 'do you deliver to Bahrain?', 'delivery-areas'],
    // Most words are chatter, but several strong ones point at one section.
    ['en', "the courier didn't find me at home today, will he try again?", 'shipping'],
    ['en', 'if i order today can i still cancel tomorrow?', 'cancellation'],
    ['ar', 'المندوب اتصل علي وما كنت بالبيت، بيرجع يحاول مرة ثانية؟', 'shipping'],
  ] as const)('%s "%s" → %s', async (language, question, docId) => {
    const result = await (await tools()).searchKnowledge(question, language);
    expect(result.confident).toBe(true);
    expect(result.hits[0]?.docId).toBe(docId);
  });

  it.each([
    ['en', "what's the weather in Riyadh today?"],
    ['en', 'can you recommend a good restaurant in Jeddah?'],
    ['ar', 'كيف الجو في الرياض اليوم؟'],
  ] as const)('%s "%s" → not trusted (one shared word is not an answer)', async (language, question) => {
    const result = await (await tools()).searchKnowledge(question, language);
    expect(result.confident).toBe(false);
  });
});
