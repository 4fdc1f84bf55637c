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
    // Chatter in a clause of its own does not count against the clause that asks.
    ['en', 'quick question, do you deliver to Jeddah?', 'delivery-areas'],
    ['en', 'we had a debate at home: do you deliver to Jeddah?', 'delivery-areas'],
    ['en', 'sorry to bother you. what is the delivery fee?', 'shipping'],
    ['ar', 'آسف على الإزعاج، كم رسوم التوصيل؟', 'shipping'],
    // a typo of a word the pages use is searched as that word
    ['en', 'how much is delivry?', 'shipping'],
    ['en', 'whats ur retrun polciy', 'returns'],
    ['en', 'how long is the warrenty on headphones?', 'warranty'],
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

  it.each([
    // No page names London: "send", "ship" and "order", which most pages use, are not an answer.
    ['en', 'can you send my order to London?'],
    ['en', 'can you ship my order to London?'],
    ['ar', 'ممكن ترسلون طلبي إلى لندن؟'],
    ['ar', 'أقدر أرسل طلبي إلى لندن؟'],
    ['ar', 'ممكن توصلون طلبي إلى لندن؟'],
    ['ar', 'تشحنون طلبي لندن؟'],
    ['ar', 'توصلون الطلب للندن؟'],
    ['en', 'can I order pizza from you?'],
    ['ar', 'ممكن أطلب بيتزا منكم؟'],
    ['en', "what's the best pizza place in jeddah"],
    // "friend" is on no page, and nothing matched beside it is particular to one.
    ['en', 'can you send my order number to my friend?'],
    ['en', 'hi, can you send my order number to my friend?'],
    ['en', 'can you send my order number to my freind?'],
    ['ar', 'ممكن ترسلون رقم طلبي لصديقي؟'],
    // the asking clause shares nothing with the page its first clause matched
    ['en', "I love Jeddah, what's the weather there?"],
  ] as const)(
    '%s "%s" → not trusted (words every page uses are not an answer)',
    async (language, question) => {
      const result = await (await tools()).searchKnowledge(question, language);
      expect(result.confident).toBe(false);
    },
  );
});

describe('which section answers (the shipped knowledge base)', () => {
  it.each([
    // A price question finds the section with the price, whatever word the customer uses for it.
    ['en', 'how much is delivery?', 'shipping', '25 SAR'],
    ['en', 'what is the delivery fee?', 'shipping', '25 SAR'],
    // a city named in the question does not make it the express section's (45 SAR in three cities)
    ['en', 'how much is delivery to riyadh?', 'shipping', '25 SAR'],
    ['en', 'how much is shipping to riyadh?', 'shipping', '25 SAR'],
    ['en', 'shipping cost to jeddah', 'shipping', '25 SAR'],
    ['ar', 'كم سعر التوصيل؟', 'shipping', '25 ريالاً'],
    ['ar', 'بكم التوصيل؟', 'shipping', '25 ريالاً'],
    ['ar', 'كم رسوم التوصيل للرياض؟', 'shipping', '25 ريالاً'],
    ['ar', 'بكم التوصيل للرياض', 'shipping', '25 ريالاً'],
    // كم before a word for shipping asks its price, before a word for days its duration
    ['ar', 'كم الشحن', 'shipping', '25 ريالاً'],
    ['ar', 'كم الشحن لجده', 'shipping', '25 ريالاً'],
    ['ar', 'كم يوم التوصيل لجدة؟', 'shipping', '1–2 يوم عمل'],
    ['ar', 'كم يوم ياخذ الشحن', 'shipping', '1–2 يوم عمل'],
    ['en', 'express delivery to riyadh?', 'shipping', '45 SAR'],
    // a greeting or a word for "you have" is no part of the question
    ['ar', 'السلام عليكم كم الشحن', 'shipping', '25 ريالاً'],
    ['ar', 'ما هي ساعات العمل لديكم؟', 'hours', 'من الأحد إلى الخميس'],
    ['en', 'hey guys, quick q - do you ship to dubai?', 'delivery-areas', 'UAE'],
    // The section that answers all of the question beats one that only says "costs" louder.
    ['en', "what's the COD fee?", 'payments', '15 SAR'],
    // The warranty page names the kinds of product it covers.
    ['en', 'is my laptop under warranty?', 'warranty', 'laptops'],
    ['en', 'how long is the warranty on headphones?', 'warranty', 'headphones'],
    ['ar', 'هل جوالي عليه ضمان؟', 'warranty', 'جوالات'],
    ['ar', 'اللابتوب عليه ضمان؟', 'warranty', 'لابتوبات'],
    // The delivery-areas page says which countries we do not ship to.
    ['en', 'do you ship to the UK?', 'delivery-areas', 'UK'],
    ['ar', 'توصلون بريطانيا؟', 'delivery-areas', 'بريطانيا'],
  ] as const)('%s "%s" → %s, with "%s"', async (language, question, docId, fact) => {
    const result = await (await tools()).searchKnowledge(question, language);
    const [best] = result.hits;
    expect(best?.docId).toBe(docId);
    expect(best?.text).toContain(fact);
    expect(result.confident).toBe(true);
  });
});
