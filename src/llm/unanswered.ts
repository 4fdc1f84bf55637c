import { saysNotUnderstood } from '../nlu/classify.js';
import { asksSomething } from '../nlu/framing.js';
import { prepare } from '../nlu/phrases.js';
import { say } from '../replies/messages.js';
import type { RespondInput } from './port.js';

/**
 * The reply when the bot has no grounded answer: a complaint or an upset message with nothing the
 * bot could answer ("nobody is answering my question", "still nothing") is told sorry and offered
 * a person; a question is told
 * that the help pages do not answer it (saying it was not understood would be untrue and makes
 * people rephrase); a customer who did not understand the bot is not told the bot did not
 * understand them; anything else was not understood.
 */
export function unansweredReply(
  input: Pick<RespondInput, 'text' | 'language' | 'classification' | 'history'>,
): string {
  const { text: customerText, language } = input;
  const asks = asksSomething(prepare(customerText));
  // "still nothing", "this is taking forever": upset, with nothing to answer
  if (input.classification.intent === 'complaint' || (input.classification.frustration > 0 && !asks))
    return say('upset', language);
  const botSpokeBefore = input.history.some((line) => line.from !== 'customer');
  if (botSpokeBefore && saysNotUnderstood(customerText)) return say('unclear', language);
  return say(asks ? 'noAnswer' : 'fallback', language);
}
