import { searchTerms } from '../knowledge/analyze.js';
import { returnRequest } from '../nlu/framing.js';
import { WARRANTY } from '../nlu/lexicon-needs-person.js';
import { compileAll, findAll, prepare } from '../nlu/phrases.js';
import type { Language } from './classification.js';
import type { AgentTools, KnowledgeSearchResult } from './port.js';

type Hit = KnowledgeSearchResult['hits'][number];

const UNDER_WARRANTY = compileAll(WARRANTY);

/**
 * The section that answers a message, or, when it asks to send an item back ("I want to return
 * the phone case", "بدي رجّع الموبايل") and that section says nothing of it, the section that
 * answers the return itself, searched without the item: with it, the question reads as about
 * phone cases, which the warranty page lists.
 */
export async function answeringTheReturn(
  found: Hit | undefined,
  text: string,
  language: Language,
  tools: Pick<AgentTools, 'searchKnowledge'>,
): Promise<Hit | undefined> {
  const prepared = prepare(text);
  const asked = returnRequest(prepared);
  // "I want to exchange my phone under warranty" is a warranty claim
  if (asked === undefined || findAll(prepared, UNDER_WARRANTY).length > 0) return found;
  const returnTerms = searchTerms(asked);
  if (found?.ownTerms.some((term) => returnTerms.includes(term))) return found;
  const result = await tools.searchKnowledge(asked, language);
  const [request] = result.hits;
  if (!result.confident || request === undefined) return found;
  // another section of the page that answers the request says more of the message: "اقدر ارجع
  // المنتج بدون الكرتون؟" asks the condition of returned items, though it never says ارجع
  return found?.docId === request.docId ? found : request;
}
