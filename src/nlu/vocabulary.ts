import { realWords } from '../generated/real-words.js';
import {
  ASKS_FOR_ARABIC,
  ASKS_FOR_ENGLISH,
  BARE_PERSON,
  CONTACT_CHANNEL,
  GREETING,
  HUMAN_MENTION,
  HUMAN_REQUEST,
  HYPOTHETICAL,
  POLICY_TERMS,
  PRESENCE,
  QUESTION_FRAME,
  RETURN_ACTION,
  STEPS_FAILED,
  STEPS_WORKED,
  TEAM_NOUN,
  THANKS,
} from './lexicon.js';
import { INTENSIFIER, MILD, REPEAT, STRONG } from './lexicon-frustration.js';
import { NEEDS_PERSON, OFFER_QUESTION } from './lexicon-needs-person.js';
import {
  ANOTHER_DELIVERY_DAY,
  ANOTHER_DELIVERY_DAY_ALONE,
  AREA_BILLING,
  AREA_ORDERS,
  AREA_TECHNICAL,
  COMPLAINT,
  FAQ_CUE,
  FAQ_TOPIC,
  GENERIC,
  IT_ON_ITS_WAY,
  IT_ON_ITS_WAY_ALONE,
  MY_ORDER,
  NOT_RECEIVED,
  NOT_THE_ORDER,
  ORDER_ARRIVING_ON,
  ORDER_HELP,
  ORDER_STATUS,
} from './lexicon-subjects.js';
import { SENSITIVE, SUBSCRIPTION, type TopicRules } from './lexicon-topics.js';
import { compileAll, phraseVocabulary } from './phrases.js';
import { ENGLISH_PLACE_WORDS } from './places.js';
import { createSpelling, type SpellingVocabulary } from './spelling.js';

const ruleSources = (rules: Readonly<Record<string, TopicRules>>) =>
  Object.values(rules).flatMap((rule) => [
    ...rule.mentions,
    ...(rule.requests ?? []),
    ...(rule.pursuits ?? []),
    ...(rule.unless ?? []),
    ...(rule.excuses ?? []),
    ...(rule.inexcusable ?? []),
  ]);

/** Every word the lexicon lists: the words a typo is corrected to. */
export function lexiconVocabulary(): SpellingVocabulary {
  const { words, stems } = phraseVocabulary(
    compileAll([
      ...HUMAN_REQUEST,
      ...HUMAN_MENTION,
      ...CONTACT_CHANNEL,
      ...QUESTION_FRAME,
      ...RETURN_ACTION,
      ...POLICY_TERMS,
      ...HYPOTHETICAL,
      ...GREETING,
      ...PRESENCE,
      ...THANKS,
      ...STEPS_FAILED,
      ...STEPS_WORKED,
      ...ASKS_FOR_ARABIC,
      ...ASKS_FOR_ENGLISH,
      ...STRONG,
      ...MILD,
      ...REPEAT,
      ...INTENSIFIER,
      ...ORDER_HELP,
      ...ORDER_STATUS,
      ...ORDER_ARRIVING_ON,
      ...ANOTHER_DELIVERY_DAY,
      ...ANOTHER_DELIVERY_DAY_ALONE,
      ...GENERIC,
      ...MY_ORDER,
      ...IT_ON_ITS_WAY,
      ...IT_ON_ITS_WAY_ALONE,
      ...NOT_THE_ORDER,
      ...NOT_RECEIVED,
      ...FAQ_TOPIC,
      ...FAQ_CUE,
      ...COMPLAINT,
      ...AREA_BILLING,
      ...AREA_ORDERS,
      ...AREA_TECHNICAL,
      ...OFFER_QUESTION,
      ...SUBSCRIPTION,
      ...ruleSources(SENSITIVE),
      ...ruleSources(NEEDS_PERSON),
    ]),
  );
  // Matched one word at a time rather than as phrases (human-request.ts).
  for (const word of [...BARE_PERSON, ...TEAM_NOUN]) words.add(word);
  // "shipping to jedah": a place is what a question is about
  for (const word of ENGLISH_PLACE_WORDS) words.add(word);
  return { words, stems };
}

/** The classifier's typo correction. */
export const SPELLING = createSpelling(lexiconVocabulary(), new Set(realWords));
