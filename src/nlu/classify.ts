import type { Amount, Classification, Intent, Language, MenuChoice } from '../llm/classification.js';
import { decideArea } from './area.js';
import { extractAmounts, extractOrderIds, withoutSlip } from './entities.js';
import { asksSomething, hasCondition, isHypothetical } from './framing.js';
import { analyzeFrustration } from './frustration.js';
import { detectHumanRequest, type HumanRequest } from './human-request.js';
import { detectLanguage, hasArabic } from './language.js';
import {
  ACKNOWLEDGEMENT,
  APPROVING_EMOJI_ONLY,
  ASKS_FOR_ARABIC,
  ASKS_FOR_ENGLISH,
  GOOD_NEWS,
  GREETING,
  NOT_UNDERSTOOD,
  NOTHING_MORE,
  NOTHING_MORE_BESIDE,
  PRAISE,
  PRESENCE,
  PRESENCE_WORDS,
  STEPS_FAILED,
  STEPS_WORKED,
  THANKS,
} from './lexicon.js';
import {
  ANOTHER_DELIVERY_DAY,
  ANOTHER_DELIVERY_DAY_ALONE,
  COMPLAINT,
  DELIVERY_CODE,
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
import { CLAUSE_MARK, normalizeDigits, normalizeForMatching } from './normalize.js';
import {
  compileAll,
  findAll,
  findFirst,
  overlaps,
  type Phrase,
  type PhraseMatch,
  type PreparedText,
  prepare,
  type Token,
} from './phrases.js';
import {
  detectNeedsPerson,
  detectSensitiveTopics,
  type NeedsPersonHit,
  type SensitiveHit,
} from './topics.js';
import { SPELLING } from './vocabulary.js';

/**
 * The offline classifier: deterministic, no network, the same answer for the same text. It fills
 * the same Classification the LLM adapter returns, so the policy cannot tell which one ran.
 */

export interface OfflineClassifyInput {
  readonly text: string;
  /** The welcome menu's button, when the message is a button reply. */
  readonly button?: MenuChoice;
  readonly previousCustomerTexts: readonly string[];
  readonly fallbackLanguage: Language;
}

const PHRASES = {
  orderStatus: compileAll(ORDER_STATUS),
  orderHelp: compileAll(ORDER_HELP),
  orderArrivingOn: compileAll(ORDER_ARRIVING_ON),
  anotherDeliveryDay: compileAll(ANOTHER_DELIVERY_DAY),
  anotherDeliveryDayAlone: compileAll(ANOTHER_DELIVERY_DAY_ALONE),
  myOrder: compileAll(MY_ORDER),
  onItsWay: compileAll(IT_ON_ITS_WAY),
  onItsWayAlone: compileAll(IT_ON_ITS_WAY_ALONE),
  notTheOrder: compileAll(NOT_THE_ORDER),
  notReceived: compileAll(NOT_RECEIVED),
  generic: compileAll(GENERIC),
  deliveryCode: compileAll(DELIVERY_CODE),
  faqTopic: compileAll(FAQ_TOPIC),
  faqCue: compileAll(FAQ_CUE),
  complaint: compileAll(COMPLAINT),
  greeting: compileAll(GREETING),
  presence: compileAll(PRESENCE),
  thanks: compileAll(THANKS),
  notUnderstood: compileAll(NOT_UNDERSTOOD),
  stepsFailed: compileAll(STEPS_FAILED),
  stepsWorked: compileAll(STEPS_WORKED),
  praise: compileAll(PRAISE),
  goodNews: compileAll(GOOD_NEWS),
  asksForArabic: compileAll(ASKS_FOR_ARABIC),
  asksForEnglish: compileAll(ASKS_FOR_ENGLISH),
} as const;

/** A message of the language's name alone: "Arabic", "عربي", "English?". */
const LANGUAGE_NAME: Readonly<Record<string, Language>> = {
  arabic: 'ar',
  عربي: 'ar',
  بالعربي: 'ar',
  english: 'en',
  انجليزي: 'en',
  بالانجليزي: 'en',
  انقليزي: 'en',
};

/** The language the customer asks the bot to write in: "can you speak Arabic?", "English please". */
export function requestedLanguage(raw: string): Language | undefined {
  return languageAskedFor(prepare(raw, SPELLING));
}

function languageAskedFor(text: PreparedText): Language | undefined {
  const [only, ...more] = text.tokens;
  if (only !== undefined && more.length === 0 && LANGUAGE_NAME[only.text]) return LANGUAGE_NAME[only.text];
  if (has(text, PHRASES.asksForArabic)) return 'ar';
  return has(text, PHRASES.asksForEnglish) ? 'en' : undefined;
}

/**
 * Whether the message asks about a policy besides the language: "Arabic please, what is your
 * return policy?" does; "do you have Arabic support?" does not, though "support" names a topic.
 */
function asksBesidesLanguage(text: PreparedText): boolean {
  const request = findFirst(text, PHRASES.asksForArabic) ?? findFirst(text, PHRASES.asksForEnglish);
  const rest = text.tokens
    .filter((_, i) => request === undefined || i < request.start || i >= request.end)
    .map((token) => token.text)
    .join(' ');
  return has(prepare(rest, SPELLING), PHRASES.faqTopic);
}

/** Intents a request for a language overrides: it is answered with the menu in that language. */
const SMALL_TALK: ReadonlySet<Intent> = new Set(['unknown', 'greeting', 'thanks']);

/**
 * What the agent reads as the reason: the customer's tap or digit as they sent it ("menu: \"Talk to
 * an agent\"", "menu: \"3\""), not the button's id.
 */
function menuEvidence(text: string): string {
  const said = text.trim();
  return said === '' ? 'menu: talk to an agent' : `menu: "${said}"`;
}

const MENU_DIGITS: Readonly<Record<string, MenuChoice>> = { 1: 'menu_order', 2: 'menu_faq', 3: 'menu_agent' };
/** "my order?" is a tracking question; a longer sentence with "my order" may be anything. */
const SHORT_MESSAGE = 4;
/** "did it ship?" alone; "is it shipped free?" asks a price. */
const SHORTEST_QUESTION = 3;
/** "shipping to Finland" asks about shipping without a question word. */
const TOPIC_ONLY = 3;

/** "3", "٣", "3.", "(3)" or the keycap 3️⃣ pick a menu option. */
function menuDigit(text: string): MenuChoice | undefined {
  const bare = normalizeDigits(text).replace(/[\s\p{P}\p{S}\p{M}\u200c-\u200f]/gu, '');
  return MENU_DIGITS[bare];
}

function has(text: PreparedText, phrases: readonly Phrase[]): boolean {
  return findAll(text, phrases).length > 0;
}

/**
 * "طيب طلبي ٢٥٠٠ ريال" (my order is 2,500 riyals) after a question to the pages ("is cash on
 * delivery available?", "كم الحد؟" after it): the order's total, said to the answer. Alone, "my
 * order" with an amount still asks after the orders.
 */
function totalSaidToAnAnswer(amounts: readonly Amount[], previousTexts: readonly string[]): boolean {
  return (
    amounts.some((amount) => amount.currency !== undefined) &&
    previousTexts.slice(-2).some((previous) => has(prepare(previous, SPELLING), PHRASES.faqTopic))
  );
}

/**
 * Tracking wording about the customer's own order. Not when it belongs to a malfunction ("ما وصلني
 * الكود" is no parcel), a condition ("can I cancel if it hasn't shipped?") or a general question
 * ("متى يوصل الطلب لجدة عادة؟", which the shipping page answers); "my order" said with its total
 * to an answer (`totalSaid`) is no tracking either.
 */
function asksOrderStatus(text: PreparedText, needs: NeedsPersonHit | undefined, totalSaid: boolean): boolean {
  if (has(text, PHRASES.generic)) return false;
  // "ما وصلني كود الاستلام": what did not come, right after the words, is the delivery code
  const codes = findAll(text, PHRASES.deliveryCode);
  const aboutTheOrder = (match: PhraseMatch) =>
    (needs?.kind !== 'malfunction' || !overlaps(match, needs.match)) &&
    !codes.some((code) => code.start >= match.start && code.start <= match.end) &&
    // "رمز الاستلام ما وصلني", "the delivery code never arrived": the code is what did not come
    !codes.some((code) => code.end <= match.start && match.start - code.end <= 1) &&
    !isHypothetical(text, match);
  const tracking = [
    ...findAll(text, PHRASES.orderStatus),
    ...(hasCondition(text) ? [] : findAll(text, PHRASES.orderArrivingOn)),
  ].filter(aboutTheOrder);
  // "كيف الغي طلبي؟" names a policy topic beside "my order": a question about it, not tracking
  const shortAboutMyOrder =
    text.tokens.length <= SHORT_MESSAGE &&
    has(text, PHRASES.myOrder) &&
    !has(text, PHRASES.faqTopic) &&
    !totalSaid;
  return tracking.length > 0 || shortAboutMyOrder || asksIfItIsOnItsWay(text, needs, codes);
}

const PRESENCE_ONLY: ReadonlySet<string> = new Set(
  PRESENCE_WORDS.flatMap((words) => words.split(' ')).map(normalizeForMatching),
);

/** "are you there?", "انت موجود؟" as the whole message. */
function checksPresence(text: PreparedText): boolean {
  return has(text, PHRASES.presence) && text.tokens.every((token) => PRESENCE_ONLY.has(token.text));
}

/** What may follow "I need help with my order" when it asks nothing more: "…please", "…لو سمحت". */
const AFTER_ORDER_HELP: ReadonlySet<string> = new Set(
  [
    ...['please', 'pls', 'plz', 'asap', 'thanks', 'thank', 'you', 'guys', 'bro'],
    // "…الاوردر تبعي", "…بتاعي", "…يا جماعة", "…لو سمحت"
    ...[
      'تبعي',
      'بتاعي',
      'حقي',
      'حقتي',
      'يا',
      'جماعه',
      'شباب',
      'لو',
      'سمحت',
      'سمحتو',
      'سمحتوا',
      'فضلك',
      'ضروري',
    ],
  ].map(normalizeForMatching),
);

/**
 * "I need help with my order", "عندي مشكلة في الطلب", as the end of the message: what follows
 * would say which matter ("…of operations", "…I'm travelling next week", "مساعدة في طلب ايفون").
 * Nor beside another topic of the pages ("a problem with my order, how do I return it?").
 */
function asksOrderHelp(text: PreparedText): boolean {
  const help = findAll(text, PHRASES.orderHelp);
  const last = help.at(-1);
  if (last === undefined) return false;
  if (!text.tokens.slice(last.end).every((token) => AFTER_ORDER_HELP.has(token.text))) return false;
  return findAll(text, PHRASES.faqTopic).every((topic) => help.some((match) => overlaps(topic, match)));
}

/**
 * "has it shipped yet?", "هل انشحن؟": "it" is the order, unless the message says it is something
 * else (NOT_THE_ORDER), is about a broken item or a delivery code (whose answers must not give way
 * to a status card), or asks something else in the same clause ("has it shipped yet or can I still
 * change the address?": the page answers that; "has it shipped? can I still cancel?" gets both).
 */
function asksIfItIsOnItsWay(
  text: PreparedText,
  needs: NeedsPersonHit | undefined,
  codes: readonly PhraseMatch[],
): boolean {
  const asked = [
    ...findAll(text, PHRASES.onItsWay),
    ...(text.tokens.length <= SHORTEST_QUESTION ? findAll(text, PHRASES.onItsWayAlone) : []),
  ].filter((match) => !isHypothetical(text, match));
  if (asked.length === 0 || needs !== undefined || codes.length > 0 || has(text, PHRASES.notTheOrder)) {
    return false;
  }
  const topics = findAll(text, PHRASES.faqTopic);
  return asked.some(
    (match) => !topics.some((topic) => !overlaps(topic, match) && sameClause(text, topic.start, match.start)),
  );
}

/** No clause end (a question mark, a full stop, a comma) between two words of a message. */
function sameClause(text: PreparedText, one: number, other: number): boolean {
  const [from, to] = one < other ? [one, other] : [other, one];
  const first = text.tokens[from];
  const last = text.tokens[to];
  if (first === undefined || last === undefined) return false;
  return !CLAUSE_MARK.test(text.raw.slice(first.end, last.start));
}

function asksFaq(text: PreparedText, complaintWording: boolean): boolean {
  if (!has(text, PHRASES.faqTopic)) return false;
  // "المندوب مو محترم" (the courier is not polite) names a topic only to complain about it
  const topicOnly = text.tokens.length <= TOPIC_ONLY && !complaintWording;
  return asksSomething(text) || has(text, PHRASES.faqCue) || topicOnly;
}

/** Words around a greeting that say nothing: "hi um", "hey guys", "hello there". */
const GREETING_FILLER = new Set([
  'um',
  'uh',
  'umm',
  'erm',
  'guys',
  'there',
  'so',
  'ok',
  'okay',
  'please',
  'pls',
  'team',
]);
/** Words beyond the greeting that make a question of its own: "hey how much do u guys charge…". */
const QUESTION_AFTER_GREETING = 7;
const QUESTION_WORDS = new Set(
  'how what when where which can could do does will كم بكم متي وين فين هل ايش وش شو كيف ليش قديش'.split(' '),
);

/**
 * "hey how much do u guys charge to send stuff to khobar", "hi um I wanted to ask if I order today
 * will it reach me in Jeddah": a question after the greeting, which the pages may answer; not "hi,
 * how are you?", whose words are all the greeting's.
 */
function greetsThenAsks(text: PreparedText): boolean {
  if (!asksSomething(text)) return false;
  const greeting = findAll(text, PHRASES.greeting);
  const beyond = text.tokens.filter(
    (token, at) =>
      !GREETING_FILLER.has(token.text) && !greeting.some((match) => at >= match.start && at < match.end),
  );
  // "hope you are having a great day, how are you?" asks nothing beyond the greeting
  return beyond.length >= QUESTION_AFTER_GREETING && beyond.some((token) => QUESTION_WORDS.has(token.text));
}

/** "ok", "تمام", "sure": the whole message is an acknowledgement. */
function isAcknowledgement(text: PreparedText): boolean {
  return text.tokens.length > 0 && text.tokens.every((token) => ACKNOWLEDGEMENT.has(token.text));
}

/** "ok", "تمام", "great": the customer agrees, and thanks nobody in particular. */
export function acknowledges(text: string): boolean {
  return isAcknowledgement(prepare(text));
}

/** "no", "nope, that's all", "لا خلاص شكرا": the customer has nothing more to ask. */
export function declinesMore(text: string): boolean {
  const { tokens } = prepare(text);
  return (
    tokens.some((token) => NOTHING_MORE.has(token.text)) &&
    tokens.every((token) => NOTHING_MORE.has(token.text) || NOTHING_MORE_BESIDE.has(token.text))
  );
}

/**
 * The words outside the first of the phrases the text says, or undefined when it says none: what
 * tells a phrase said nearly alone ("I don't understand") from one inside a longer message.
 */
function besideFirst(text: PreparedText, phrases: readonly Phrase[]): readonly Token[] | undefined {
  const [match] = findAll(text, phrases);
  if (match === undefined) return undefined;
  return text.tokens.filter((_, index) => index < match.start || index >= match.end);
}

/** Words beside "I don't understand" that still leave it about the bot's words, not a topic. */
const NOT_UNDERSTOOD_BESIDE = 2;

/**
 * "I don't understand", "ما فهمت عليك", "sorry, what do you mean?": the bot's last words were not
 * clear to the customer. Not "I don't understand how returns work" or "the photos are not clear".
 */
export function saysNotUnderstood(text: string): boolean {
  const beside = besideFirst(prepare(text), PHRASES.notUnderstood);
  return beside !== undefined && beside.length <= NOT_UNDERSTOOD_BESIDE;
}

/** Words beside "never arrived" that leave it about the order shown: "no they never arrived". */
const NOT_RECEIVED_BESIDE = 5;

/**
 * "no they never arrived", "لا ما وصلتني": the customer did not receive it (of the order shown, the
 * agent decides). The words that say so, or undefined.
 */
export function saysNotReceived(text: string): string | undefined {
  const prepared = prepare(text, SPELLING);
  const [match] = findAll(prepared, PHRASES.notReceived);
  const beside = besideFirst(prepared, PHRASES.notReceived);
  if (match === undefined || beside === undefined || beside.length > NOT_RECEIVED_BESIDE) return undefined;
  return isHypothetical(prepared, match) ? undefined : match.evidence;
}

/** Words beside "it didn't work" that leave it about the answer before, not a new matter. */
const STEPS_FAILED_BESIDE = 6;

/**
 * "I tried, it didn't work", "جربت وما زبط": the customer followed the bot's last answer and it did
 * not help. Not "tried it and it worked" ("زبط" inside "ما زبط" is the failure's own word).
 */
export function saysItDidNotWork(text: string): boolean {
  const prepared = prepare(text, SPELLING);
  const failed = findAll(prepared, PHRASES.stepsFailed);
  if (failed.length === 0) return false;
  const said = (index: number) => failed.some((match) => index >= match.start && index < match.end);
  const beside = prepared.tokens.filter((_, index) => !said(index)).length;
  const worked = findAll(prepared, PHRASES.stepsWorked).some(
    (word) => !failed.some((match) => overlaps(word, match)),
  );
  return beside <= STEPS_FAILED_BESIDE && !worked;
}

/** Words that turn kind words into the start of a complaint: "great support, but still no refund". */
const CONTRAST = new Set([
  'but',
  'however',
  'still',
  'yet',
  'no',
  'not',
  'never',
  'بس',
  'لكن',
  'ولكن',
  'للحين',
  'لسه',
  'ما',
  'مو',
  'مش',
]);
/** Kind words come alone or nearly: the customer's own words beside them, at most. */
const PRAISE_BESIDE = 6;

/** "your delivery agent was very polite", "خدمتكم ممتازة": kind words, and little else. */
function isPraise(text: PreparedText): boolean {
  const beside = besideFirst(text, PHRASES.praise);
  return (
    beside !== undefined &&
    beside.length <= PRAISE_BESIDE &&
    !beside.some((token) => CONTRAST.has(token.text))
  );
}

/** "great they arrived", "وصلت الفلوس الحمدلله": good news told, with no "but" and nothing asked. */
function isGoodNews(text: PreparedText): boolean {
  return (
    has(text, PHRASES.goodNews) &&
    !text.tokens.some((token) => CONTRAST.has(token.text)) &&
    !asksSomething(text)
  );
}

/** Good news told, which wants "glad to hear it" back. */
export function tellsGoodNews(text: string): boolean {
  return isGoodNews(prepare(text));
}

/**
 * Another day than the one an order's card gave: "can it come earlier?", "why thursday?", "i wont
 * be home thursday", "ممكن يوصل قبل الخميس؟", or a day alone asked ("tomorrow?", "طيب السبت؟"; not
 * Friday, which the delivery days answer).
 */
export function asksAnotherDeliveryDay(raw: string): boolean {
  const text = prepare(raw, SPELLING);
  const alone = text.tokens.length <= SHORTEST_QUESTION && /[?؟]/u.test(raw);
  return has(text, PHRASES.anotherDeliveryDay) || (alone && has(text, PHRASES.anotherDeliveryDayAlone));
}

/** "hello", "hello?", "السلام عليكم", "you there?": a greeting, or a check that someone is there, alone. */
export function onlyGreets(raw: string): boolean {
  const text = prepare(raw, SPELLING);
  if (checksPresence(text)) return true;
  const greetings = findAll(text, PHRASES.greeting);
  return (
    greetings.length > 0 &&
    text.tokens.every((_, at) => greetings.some((greeting) => at >= greeting.start && at < greeting.end))
  );
}

/** Kind words, which want thanks back. */
export function praises(text: string): boolean {
  return isPraise(prepare(text));
}

function isThanks(text: PreparedText): boolean {
  return (
    has(text, PHRASES.thanks) ||
    APPROVING_EMOJI_ONLY.test(text.raw) ||
    isAcknowledgement(text) ||
    isPraise(text)
  );
}

interface IntentSignals {
  readonly text: PreparedText;
  readonly menuChoice: MenuChoice | undefined;
  readonly human: HumanRequest;
  readonly sensitive: boolean;
  readonly needs: NeedsPersonHit | undefined;
  readonly orderStatus: boolean;
  readonly orderIds: number;
  readonly complaintWording: boolean;
}

/**
 * Precedence: menu > person > sensitive > tracking (and order changes) > technical > broken item or
 * formal complaint > a named order > praise that asks nothing > FAQ > complaint wording > greeting >
 * thanks. A greeting before
 * a question takes the question's intent because greeting comes last.
 */
function decideIntent(s: IntentSignals): Intent {
  if (s.menuChoice) return 'menu_choice';
  if (s.human.requested) return 'human_request';
  if (s.sensitive) return 'complaint';
  // "the earbuds arrived, all good": nothing to track or to look up
  if (s.needs === undefined && !s.complaintWording && isGoodNews(s.text)) return 'thanks';
  if (s.orderStatus || s.needs?.kind === 'order_change') return 'order_status';
  if (s.needs?.kind === 'malfunction') return 'technical';
  // A damaged or wrong item, or a formal complaint, is a complaint even when it also names an FAQ
  // topic (returns, "how do I file a complaint about my order?").
  if (s.needs?.kind === 'item_problem' || s.needs?.kind === 'complaint') return 'complaint';
  // A named order ("A1001", "order #5521?") is looked up before the knowledge base is searched.
  if (s.orderIds > 0) return 'order_status';
  // "المندوب محترم جدا" names a topic (the courier) and asks nothing about it
  if (!s.complaintWording && isPraise(s.text) && !asksSomething(s.text)) return 'thanks';
  if (s.needs?.kind === 'exception' || asksFaq(s.text, s.complaintWording)) return 'faq';
  if (s.complaintWording) return 'complaint';
  if ((has(s.text, PHRASES.greeting) && !greetsThenAsks(s.text)) || checksPresence(s.text)) return 'greeting';
  if (isThanks(s.text)) return 'thanks';
  return 'unknown';
}

/**
 * What a person is needed for besides the sensitive topics, which say it already: the complaint of
 * a legal threat ("رح اشتكي عليكن بحماية المستهلك"), the lower price that is the reason for a
 * cancellation ("please cancel 1002, found it cheaper elsewhere").
 */
function besidesTopics(needs: NeedsPersonHit | undefined, topics: readonly SensitiveHit[]) {
  const named = new Set(topics.map((hit) => hit.topic));
  if (needs?.kind === 'complaint' && named.has('legal')) return undefined;
  if (needs?.kind === 'exception' && named.has('cancellation')) return undefined;
  return needs;
}

export function classifyOffline(input: OfflineClassifyInput): Classification {
  const text = prepare(input.text, SPELLING);
  const orderIds = extractOrderIds(input.text);
  const amounts = extractAmounts(input.text);
  const context = { specific: orderIds.length > 0 || amounts.length > 0 };
  const menuChoice = input.button ?? menuDigit(input.text);
  const human: HumanRequest =
    menuChoice === 'menu_agent'
      ? { requested: true, evidence: menuEvidence(input.text) }
      : detectHumanRequest(text);
  const sensitiveTopics = detectSensitiveTopics(text, context);
  // "oops, wrong one, I meant 1002" corrects an order number: the wrong one is the customer's own
  const unslipped = withoutSlip(input.text);
  const needs = besidesTopics(
    detectNeedsPerson(unslipped === input.text ? text : prepare(unslipped, SPELLING), context),
    sensitiveTopics,
  );
  const frustration = analyzeFrustration(text, input.previousCustomerTexts);
  const complaintWording = frustration.strong > 0 || frustration.mild > 0 || has(text, PHRASES.complaint);
  const orderStatus =
    asksOrderStatus(text, needs, totalSaidToAnAnswer(amounts, input.previousCustomerTexts)) ||
    (needs === undefined && !complaintWording && asksOrderHelp(text));
  const decided = decideIntent({
    text,
    menuChoice,
    human,
    sensitive: sensitiveTopics.length > 0,
    needs,
    orderStatus,
    orderIds: orderIds.length,
    complaintWording,
  });
  // "can you speak Arabic?": the menu, in Arabic; "Arabic please, where is my order?" the order, in Arabic
  const asked = languageAskedFor(text);
  const smallTalk = SMALL_TALK.has(decided) || (decided === 'faq' && !asksBesidesLanguage(text));
  const intent = asked !== undefined && smallTalk ? 'greeting' : decided;
  const area = decideArea({
    text,
    topics: sensitiveTopics.map((hit) => hit.topic),
    needsPerson: needs?.kind,
    aboutOrderStatus: intent === 'order_status',
  });
  return {
    // "ok" is typed in Latin letters in Arabic chats too: it does not switch the conversation's language
    language:
      asked ??
      (isAcknowledgement(text)
        ? input.fallbackLanguage
        : detectLanguage(input.text, {
            language: input.fallbackLanguage,
            // a greeting in Arabic ("مرحبا" after "hi") starts over in it: an Arabic keyboard was
            // switched to for it, as a Latin "hi" or "ok" is often not in an Arabic chat
            established:
              input.previousCustomerTexts.length > 0 && !(intent === 'greeting' && hasArabic(input.text)),
          })),
    intent,
    ...(intent === 'menu_choice' && menuChoice ? { menuChoice } : {}),
    frustration: frustration.score,
    frustrationEvidence: frustration.evidence,
    humanRequest: human,
    sensitiveTopics,
    area,
    entities: { orderIds, amounts },
    needsPerson: needs
      ? { needed: true, evidence: needs.match.evidence, kind: needs.kind }
      : { needed: false },
  };
}
