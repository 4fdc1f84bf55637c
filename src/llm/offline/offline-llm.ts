import { withoutProductWords } from '../../agent/named-product.js';
import {
  asksAnAttribute,
  asksPrice,
  isAttribute,
  mentionsSending,
  pageTerms,
  questionParts,
  searchTerms,
} from '../../knowledge/analyze.js';
import { sameSection } from '../../knowledge/knowledge-base.js';
import { classifyOffline } from '../../nlu/classify.js';
import { pagesWording } from '../../nlu/code-switch.js';
import { asksSomething, returnRequest } from '../../nlu/framing.js';
import { withoutFeelings } from '../../nlu/frustration.js';
import { normalizeForMatching } from '../../nlu/normalize.js';
import { prepare } from '../../nlu/phrases.js';
import { type PlaceNamed, placesNamed, questionPerRegion, withoutPlaces } from '../../nlu/places.js';
import { sectionsReply } from '../../replies/knowledge-reply.js';
import { say } from '../../replies/messages.js';
import type { Language } from '../classification.js';
import { movingTheDelivery } from '../delivery-day.js';
import { cancellingInsteadOfReturn, searchWithOrderStage } from '../order-stage.js';
import type { AgentTools, KnowledgeSearchResult, Llm, RespondInput, RespondOutput } from '../port.js';
import { answeringTheReturn } from '../return-request.js';
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

  async respond(asked: RespondInput): Promise<RespondOutput> {
    // the follow-up readings search the same texts (the question before, the message alone) again
    const input = { ...asked, history: withoutCourtesyBefore(asked), tools: searchingOnce(asked.tools) };
    const terms = questionTerms(input.text, input.language);
    const about = await attributeOfPrevious(input, terms);
    if (about !== undefined) return knowledgeAnswer([about], input);
    // the places asked about, as whoever wrote this conversation names them
    const places = placesNamed(input.text, customerTexts(input));
    // "Dubai?", "I'm in Dubai", "انا في دبي": a place and nothing else asks the question before too
    const placeOnly = namesOnlyPlaces(input.text, places);
    // the sections the reply before quoted, looked up once if a follow-up needs them
    let before: Promise<Hit[]> | undefined;
    const answersBefore = () => {
      before ??= sectionsAnsweredBefore(input);
      return before;
    };
    const answerBefore = async () => {
      const quoted = await answersBefore();
      return quoted.length === 1 ? quoted[0] : undefined;
    };
    // searched once, whether it answers before the pages alone or after them
    let followUp: Promise<FollowUpHits | undefined> | undefined;
    const followUpHits = () => {
      followUp ??= followUpAnswer(input, terms, places, placeOnly, answerBefore);
      return followUp;
    };
    const again = await toTheAnswerBefore(input.text, answersBefore);
    if (again.length > 0) return knowledgeAnswer(again, input);
    // "and if I paid with Tabby?" after the refund times asks them for Tabby, though the page on
    // Tabby answers it alone: with the question before, when a section says all it asks
    if (asksAfterAll(input.text) || placeOnly) {
      const sayingEvery = (await followUpHits())?.sayingEvery;
      if (sayingEvery !== undefined) return knowledgeAnswer([sayingEvery], input);
    }
    // "is there an extra fee for that?" after cash on delivery names what it asks about only as
    // "that": alone, it finds whichever page says "fee" most. After an order was shown, "can I
    // still cancel it?" is about the order (searchWithOrderStage).
    if (REFERS_BACK.test(input.text) && input.shownOrder === undefined) {
      const onItsPage = await referredBack(input, terms, answerBefore);
      if (onItsPage !== undefined) return knowledgeAnswer([onItsPage], input);
    }
    // "how many payments" after Tabby's answer, "can i return one" after the gift cards': a short
    // question whose every word the answer before says is asked of that answer
    if (asksOfTheAnswerBefore(input, terms)) {
      const again = await answerBefore();
      if (
        again !== undefined &&
        saysEach(again, terms) &&
        !(await namesAnotherSection(input, again, terms))
      ) {
        return knowledgeAnswer([again], input);
      }
    }
    const instead = await cancellingInsteadOfReturn(input);
    const [cancelling] = instead?.result.hits ?? [];
    if (instead !== undefined && cancelling !== undefined) {
      const lead = say('cancelInsteadOfReturn', input.language, { id: instead.orderId });
      return knowledgeAnswerAfter(`${lead}\n\n`, cancelling, input);
    }
    // "can it come earlier?" after the card: what can be done about the day it gave
    const moving = await movingTheDelivery(input);
    if (moving !== undefined) return knowledgeAnswer([moving], input);
    const result = await searchWhereTheyAre(input, places);
    const found =
      (await nothingShipsThere(input, places, result)) ??
      (answerable(input, result) ? result.hits[0] : undefined) ??
      (await answerWithoutTheProduct(input));
    const best = await answeringTheReturn(found, input.text, input.language, input.tools);
    if (best === undefined) {
      const sayingSome = (await followUpHits())?.sayingSome;
      if (sayingSome !== undefined) return knowledgeAnswer([sayingSome], input);
      const pastTheFeeling = await answerPastTheFeeling(input);
      if (pastTheFeeling !== undefined) {
        return knowledgeAnswerAfter(`${say('sorryForTrouble', input.language)} `, pastTheFeeling, input);
      }
      return {
        message: {
          kind: 'text',
          // "ما فهمت عليك" after the menu answers the menu: the whole conversation, courtesies too
          text: unansweredReply(asked),
        },
        handled: false,
        toolCalls: ['search_knowledge'],
      };
    }
    // the return asked for, alone: the other questions were read with the item's words
    const answers = best === found ? await answersPerQuestion(input) : [];
    if (answers.length < 2) return knowledgeAnswer([best], input);
    return knowledgeAnswer(answers.slice(0, MAX_ANSWERS), input, answers.length - MAX_ANSWERS);
  }

  async summarise(input: Parameters<Llm['summarise']>[0]) {
    return summariseOffline(input);
  }
}

type Hit = KnowledgeSearchResult['hits'][number];

/** The tools with each knowledge search done once: a turn's readings repeat the same queries. */
function searchingOnce(tools: AgentTools): AgentTools {
  const searched = new Map<string, Promise<KnowledgeSearchResult>>();
  return {
    searchKnowledge(query, language) {
      const key = `${language}\n${query}`;
      let result = searched.get(key);
      if (result === undefined) {
        result = tools.searchKnowledge(query, language);
        searched.set(key, result);
      }
      return result;
    },
    trackOrder: (orderId) => tools.trackOrder(orderId),
    customerOrders: () => tools.customerOrders(),
  };
}

/**
 * "invoice for my laptop please", "wen el fatoora bta3et el laptop": a question that names a
 * product and that no section answers with the product in it; without the product's words, the
 * section that answers the rest, if one does.
 */
async function answerWithoutTheProduct(input: RespondInput): Promise<Hit | undefined> {
  const text = withoutProductWords(input.text);
  if (text === undefined) return undefined;
  // "how much is the laptop?" asks the laptop's price, which no page gives; without the laptop it
  // would ask the shipping price
  if (asksPrice(searchTerms(pagesWording(input.text, input.language)))) return undefined;
  return answerAsRead({ ...input, text });
}

/**
 * "ugh my card got declined", "بطاقتي رفضت وانا متضايق": a complaint only for the feeling beside
 * it; without the feeling's words, the section that answers the rest, if one does ("the courier
 * was rude" says what the service did: no section answers that).
 */
async function answerPastTheFeeling(input: RespondInput): Promise<Hit | undefined> {
  if (input.classification.intent !== 'complaint') return undefined;
  const text = withoutFeelings(input.text);
  if (text === undefined) return undefined;
  const classification = classifyOffline({
    text,
    previousCustomerTexts: [],
    fallbackLanguage: input.language,
  });
  if (classification.intent === 'complaint') return undefined;
  return answerAsRead({ ...input, text, classification });
}

/** The section that answers a message read otherwise (`asked`), if one does. */
async function answerAsRead(asked: RespondInput): Promise<Hit | undefined> {
  const result = await searchWithOrderStage(asked);
  return answerable(asked, result) ? result.hits[0] : undefined;
}

/** Whether the best hit answers the message. */
function answerable(input: RespondInput, result: KnowledgeSearchResult): boolean {
  const [best] = result.hits;
  if (best === undefined) return false;
  // "the courier was not polite" asks nothing: a page about couriers is no answer to it
  if (input.classification.intent === 'complaint' && !asksSomething(prepare(input.text))) return false;
  // "كم سعر اللابتوب؟" asks a price the pages do not give: a section that shares only "laptop" with
  // it (the warranty of laptops) is no answer
  const pricedElsewhere = best.ownTerms.length === 1 && !asksPrice(best.ownTerms);
  if (pricedElsewhere && asksPrice(searchTerms(pagesWording(input.text, input.language)))) return false;
  // When the NLU recognised a question about a policy topic, a weaker match is still the right
  // document (short Arabic questions score low); otherwise only a confident match answers.
  const recognised =
    input.classification.intent === 'faq' && best.score >= result.minScore / 2 && best.coverage >= 0.5;
  // Without a recognised topic, one shared word ("times" in "2+2 times 7") is not enough.
  const substantial = best.matched >= 2 || best.score >= result.minScore * 2;
  return (result.confident && substantial) || recognised;
}

/** One section after a sentence of the bot's own ("I am sorry for the trouble. …"). */
function knowledgeAnswerAfter(lead: string, section: Hit, input: RespondInput): RespondOutput {
  const text = `${lead}${sectionsReply([section], input.language)}`;
  return { ...knowledgeAnswer([section], input), message: { kind: 'text', text } };
}

/** The sections as one reply, with the pages they come from. */
function knowledgeAnswer(sections: readonly Hit[], input: RespondInput, unanswered = 0): RespondOutput {
  const [first] = sections;
  return {
    message: { kind: 'text', text: sectionsReply(sections, input.language, unanswered) },
    handled: true,
    ...(first ? { knowledgeDocId: first.docId } : {}),
    toolCalls: ['search_knowledge'],
  };
}

/**
 * "and to Dammam?", "what about Abha?", "طيب والدمام؟", "طيب للامارات كم؟": the customer's last
 * question, about something else.
 */
const FOLLOW_UP =
  /^\s*(?:(?:ok|okay|great|thanks|cool|nice)[\s,.!]+)?(?:and|what about|how about|also)\b|^\s*(?:for|with) (?:an? )?[\d٠-٩][\d٠-٩,.]*(?: ?(?:sar|riyals?))?(?: (?:order|one|purchase|cart))?\s*[?.!]*\s*$|^\s*(?:(?:طيب|طب)\s+)?و(?:اذا|إذا|لو)\s|^\s*(?:طيب|طب)?\s*و\s*[\d٠-٩][\d٠-٩,.]*\s*[?؟]?\s*$|^\s*(?:(?:طيب|طب|تمام|حلو|اوكي)[\s،,]+)?(?:وش عن|ايش عن|وماذا عن|و(?!ين|ش|الله)\S{2,}\s*[?؟]?\s*$|لل?(?!اسف)\S{3,}(?:\s+(?:كم|بكم|وكم))?\s*[?؟]?\s*$)/iu;
const FOLLOW_UP_MAX_WORDS = 6;
/** "up to 2,000 SAR", "من 50 إلى 2,000 ريال": an amount a section states. */
const STATES_AN_AMOUNT = /[\d٠-٩][\d٠-٩,.]*\s*(?:SAR|ريال)/u;
/** "ok", "طيب" before a follow-up, which makes it no longer. */
const AGREEING_FIRST = /^\s*(?:ok|okay|great|thanks|cool|nice|طيب|طب|تمام|حلو|اوكي)[\s,.!،]+/iu;
const withoutAgreeing = (text: string) => text.replace(AGREEING_FIRST, '').trim();
/**
 * "my order is 2500 sar", "طلبي ٢٥٠٠ ريال": the total, said alone, of the order asked about before
 * (with its currency: "my order is 1002" names one).
 */
const TOTAL_STATED =
  /^(?:(?:my|the)\s+(?:order|total|cart)\s+(?:is|will\s+be|comes\s+to)|(?:طلبي|الطلب|طلبيتي|المجموع)\s*(?:بـ?|ب\s)?)\s*[\d٠-٩][\d٠-٩,.]*\s*(?:sar|riyals?|ريال|ر\.?س)\s*[?؟.!]*$/iu;
/**
 * "ok what if my order is 2500?", "what if I order after 2pm", "my order is 2500 sar": the question
 * before with another amount or time. Without a number, "what if I opened it?" after "can I return
 * it?" asks the pages on its own (the condition of returned items, not the open-box products).
 */
const withAnotherValue = (text: string) =>
  (/^what if\b/iu.test(withoutAgreeing(text)) && /\d/u.test(text)) ||
  TOTAL_STATED.test(withoutAgreeing(text));
/**
 * "i paid with apple pay", "دفعت بمدى", "كنت دافع بالبطاقة", and as a condition, "and if i paid
 * cash?", "واذا دفعت كاش؟": how the customer paid, said alone.
 */
const PAID_WITH =
  /^(?:(?:but|and|well|ok|so)\s+)?(?:(?:what\s+)?if\s+)?i\s+(?:paid|payed|used)\s+(?:it\s+)?(?:(?:with|by|via|using|through|in|on)\s+)?(?:my\s+|a\s+|the\s+)?\S+(?:\s+\S+)?\s*[.!?]*$|^(?:(?:بس|طيب|طب)\s+)?(?:و?(?:اذا|إذا|لو)\s+)?(?:انا\s+)?(?:دفعت|كنت\s+دافع[هة]?|دافع[هة]?)(?:ها|ه)?\s+(?:عن\s+طريق\s+)?\S+(?:\s+\S+)?\s*[؟?.!]*$/iu;
/** A section that says what was paid or how: the refund times, refusing a delivery, cash on delivery. */
const ABOUT_PAYING = /\bpa(?:id|y|yment)|\bprepaid|\brefund|دفع|مدفوع|استرداد|المبلغ/iu;
const AFTER_AGREEING_EN = String.raw`^(?:(?:so|ok|okay|and|but|alright)[\s,]+)?`;
const AFTER_AGREEING_AR = String.raw`^(?:(?:طيب|طب|بس|اوكي|تمام)\s+)?`;
/**
 * "what happens now?", "then what?", "what do i do now?", "وبعدين؟", "وش يصير الحين؟": what comes
 * next, which the answer before says ("they call you and try again the next business day").
 */
const WHAT_NEXT = new RegExp(
  `${AFTER_AGREEING_EN}(?:what\\s+happens(?:\\s+(?:now|next|then|after\\s+that))?|then\\s+what|what\\s+now|what\\s+next|and\\s+then|what\\s+(?:do|should|can)\\s+i\\s+do\\s+(?:now|next|then)|what(?:s|'s|\\s+is)\\s+(?:the\\s+)?next\\s+step)\\s*[?!.]*$|` +
    `${AFTER_AGREEING_AR}(?:و?بعدين|و?(?:وش|ايش|إيش|شو|ماذا)\\s+(?:يصير|بيصير|راح\\s+يصير|يحصل|بيحصل|يحدث|سيحدث|[اأ]سوي|[اأ]عمل|الخطو[ةه]\\s+(?:الجاي[ةه]|التالي[ةه]))(?:\\s+(?:الحين|هلا|هلق|هلأ|دحين|ال[آا]ن|بعدين|بعدها))?)\\s*[؟?!.]*$`,
  'iu',
);
/**
 * "do i pay anything?", "is that free?", "any fees?", "ادفع شي؟", "فيه رسوم؟", "وهل توجد رسوم إضافية؟": whether what the answer
 * before described costs ("a 25 SAR pickup fee is deducted"); found alone, "pay" is the payment
 * methods.
 */
const COSTS_ANYTHING = new RegExp(
  `${AFTER_AGREEING_EN}(?:(?:do|will|would|should)\\s+i\\s+(?:have\\s+to\\s+|need\\s+to\\s+)?pay(?:\\s+(?:anything|something|extra|more))?(?:\\s+for\\s+(?:it|that|this|them))?|(?:is|will)\\s+(?:it|that|this)\\s+(?:be\\s+)?free(?:\\s+of\\s+charge)?|(?:is\\s+there\\s+(?:a|an|any)|are\\s+there\\s+any|any)\\s+(?:extra\\s+)?(?:fees?|charges?|costs?)(?:\\s+for\\s+(?:it|that|this|them))?|does\\s+(?:it|that|this)\\s+cost\\s+(?:anything|something|extra|money))\\s*[?!.]*$|` +
    `${AFTER_AGREEING_AR}(?:و?هل\\s+)?(?:(?:لازم\\s+|راح\\s+|رح\\s+)?[با]?[اأ]?دفع\\s+(?:شي|شيء|اي\\s+شي|زياد[ةه]|فلوس)|(?:في|فيه|فيها|عليه|عليها|يوجد|توجد|هناك)\\s+(?:رسوم|مبلغ|تكلف[ةه]|فلوس)(?:\\s+(?:زياد[ةه]|[اإ]ضافي[ةه]))?|مجان[يا]|ببلاش|بفلوس|يكلف\\s+شي)\\s*[؟?!.]*$`,
  'iu',
);
/** A section that says what something costs, or that it costs nothing. */
const STATES_A_COST = /\bSAR\b|\bfree\b|\bfees?\b|\bcharged?\b|\bcosts?\b|ريال|مجان|رسوم|تُخصم|يُخصم/iu;

/**
 * What is said or asked of the answer before rather than of the pages, with what a section of it
 * must say to be that answer (any section, without).
 */
const TO_THE_ANSWER_BEFORE: readonly { message: RegExp; answer?: RegExp }[] = [
  // the order's total ("my order is 2500 sar", "طيب طلبي ٢٥٠٠ ريال"): that answer's amounts decide,
  // the cash on delivery limit after "كم الحد؟" as after "can I pay cash?"
  { message: TOTAL_STATED },
  // how the customer paid, to an answer that depends on it ("i paid with apple pay" after the refund
  // times, "كنت دافع بالبطاقة" after refusing a delivery)
  { message: PAID_WITH, answer: ABOUT_PAYING },
  { message: WHAT_NEXT },
  { message: COSTS_ANYTHING, answer: STATES_A_COST },
];

/**
 * The sections of the answer before that a message said or asked of it gets again; none when it
 * is no such message, or the answer before says nothing it needs (then the pages are searched).
 */
async function toTheAnswerBefore(text: string, answersBefore: () => Promise<Hit[]>): Promise<Hit[]> {
  const message = withoutAgreeing(text);
  // "مجانى؟", "ماذا يحدث الآن؟" as the patterns spell them too
  const spelt = normalizeForMatching(message);
  const reading = TO_THE_ANSWER_BEFORE.find(({ message: said }) => said.test(message) || said.test(spelt));
  if (reading === undefined) return [];
  return (await answersBefore()).filter((hit) => reading.answer?.test(hit.text) ?? true);
}

/**
 * Few words, or few that say anything: "and if the new one is more expensive?" asks the new item's
 * price of the exchange before. A longer one with a number is a question of its own ("and if it
 * was delivered 2 months ago?" is not answered by the question before's page) unless it is that
 * question with another amount: "what if my order is over 500?".
 */
const isShortFollowUp = (text: string, terms: readonly string[]) => {
  const words = withoutAgreeing(text).split(/\s+/).length;
  if (words <= FOLLOW_UP_MAX_WORDS) return true;
  const fewTerms = words <= FOLLOW_UP_MAX_WORDS + 3 && terms.length <= 2;
  return fewTerms && (!/[\d٠-٩]/u.test(text) || withAnotherValue(text));
};
/** A follow-up that is asked about the question before even when the pages would answer it alone. */
const asksAfterAll = (text: string) => FOLLOW_UP.test(text) || withAnotherValue(text);

/** The verbs of "does that include…", "does it apply to…", as search terms ("take" is what a repair does). */
const REFERRING_VERBS: ReadonlySet<string> = new Set(searchTerms('apply include come work mean use'));

/** A word standing for the question before says so itself: "is there an extra fee for that?". */
const REFERS_BACK_MAX_WORDS = 9;

/**
 * "…for that?", "how long does that take?", "does it include accessories?", "كم رسومه على ذلك؟": a
 * word that stands for what was asked before, at the end or before its verb; "this" only before a
 * verb that ends the message ("this week" names a week, "what does this mean: processing" asks
 * about what follows); and what is to be used, "can i use it for a 6000 sar tv?".
 */
const REFERS_BACK =
  /\b(?:use|using)\s+(?:it|that|this|them)\b|\b(?:that|this|those|them|it)\s*[?.!]*\s*$|\b(?:that|it)\s+(?:take|takes|cost|costs|apply|applies|include|includes|come|comes|work|works|need|needs)\b|\bthis\s+(?:take|takes|cost|costs|apply|applies|include|includes|mean|means)(?:\s+(?:too|also))?\s*[?.!]*\s*$|(?:^|\s)(?:[لبع]|على\s)?(?:ذلك|ذاك|هذا|هذي|هذه|كذا)\s*[?؟.!]*\s*$/iu;

/**
 * A short follow-up searched with the question before it, answered by a section that says the
 * follow-up's own words (Dammam): "do you deliver to Riyadh?" then "and to Dammam?".
 */
async function followUpAnswer(
  input: RespondInput,
  followUpTerms: readonly string[],
  places: readonly PlaceNamed[],
  placeOnly: boolean,
  answerBefore: () => Promise<Hit | undefined>,
): Promise<FollowUpHits | undefined> {
  // however many words say where ("انا من الرياض بس ساكن بدبي"), a place is all it names
  const short = placeOnly || isShortFollowUp(input.text, followUpTerms);
  if (!short) return undefined;
  const asksAfter = placeOnly || asksAfterAll(input.text);
  // without "and …?", only a question is one about the question before
  if (!asksAfter && !asksAQuestion(input)) return undefined;
  // the questions before, latest first: the last one, or a few for a question without "and …?"
  const earlier = earlierQuestions(input, asksAfter ? 1 : FOLLOW_UP_LOOK_BACK);
  // "where is my order?" then "Dubai?": with no question to the pages before, the place itself is
  // asked about
  const previous = earlier[0] ?? (placeOnly ? '' : undefined);
  if (previous === undefined) return undefined;
  // "is shipping free over 1000?" then "and 1500?": another amount, which the same section's
  // threshold answers; the answer before, when it states amounts ("cod?" then "for 1500?", "what if
  // my order is 250" then "and 300?": searched again, the question before finds how to order)
  if (followUpTerms.length === 0) {
    if (!asksAfter || !/[\d٠-٩]/u.test(input.text)) return undefined;
    const quoted = await answerBefore();
    if (quoted !== undefined && STATES_AN_AMOUNT.test(quoted.text)) return either(quoted);
    return either(await sameAnswer(input, previous));
  }
  // "and Dubai?" after "…to Riyadh?" asks the question about Dubai instead
  const about = places.length > 0 ? withoutPlaces(previous) : previous;
  const result = await input.tools.searchKnowledge(`${about} ${input.text}`.trim(), input.language);
  if (placeOnly) return either(await answerForPlace(input, places, previous, result));
  // one of its own words (not "great") is in the section itself; without "and …?", only after a
  // question the pages answered: "what's the best pizza place in jeddah" then "ok then what's 2+2
  // times 7" is no follow-up
  const answered = async (question: string) =>
    (await input.tools.searchKnowledge(question, input.language)).confident;
  // and, when the reply before answered it, by what it finds alone: "what if the new one is more
  // expensive" finds the shipping price but was answered by the exchanges' section, so "how do i
  // start" after it is no question about the shipping price (nor Volta Plus, which costs and starts)
  const answeredAlone = async (question: string) => {
    const found = await input.tools.searchKnowledge(question, input.language);
    if (!found.confident || question !== customerTexts(input).at(-2)) return found.confident;
    const before = await answerBefore();
    return before === undefined || sameSection(found.hits[0], before);
  };
  const usable = result.confident && (asksAfter || (await answeredAlone(previous)));
  const answer = usable ? hitSaying(result.hits, followUpTerms) : undefined;
  if (answer !== undefined || asksAfter) {
    return { sayingSome: answer, sayingEvery: usable ? hitSayingAll(result.hits, followUpTerms) : undefined };
  }
  // "whats the minimum", "is there interest" after Tabby's answer, also after another such
  // question: a short question the pages do not answer alone is asked about the questions before
  for (const question of earlier.slice(1)) {
    if (!(await answered(question))) continue;
    const found = await input.tools.searchKnowledge(`${question} ${input.text}`, input.language);
    const hit = found.confident ? hitSaying(found.hits, followUpTerms) : undefined;
    if (hit !== undefined) return either(hit);
  }
  return undefined;
}

/**
 * A message that names what it asks about by "that" or "those": the section of the page that
 * answered the question before which says one of its own words ("fee" on the cash-on-delivery
 * page, "warranty" in the refurbished products' section). Nothing when no section there says one:
 * "whats the warranty on laptops?" then "can I return it?" is about the laptop, and the returns
 * page answers it alone.
 */
async function referredBack(
  input: RespondInput,
  ownTerms: readonly string[],
  answerBefore: () => Promise<Hit | undefined>,
): Promise<Hit | undefined> {
  if (input.text.trim().split(/\s+/).length > REFERS_BACK_MAX_WORDS) return undefined;
  if (!asksAQuestion(input)) return undefined;
  const [previous] = earlierQuestions(input, 1);
  // "does that include VAT?" asks about VAT: the shipping price's "Dammam included" is no answer
  const terms = ownTerms.filter((term) => !REFERRING_VERBS.has(term));
  if (previous === undefined) return undefined;
  // what was answered, which "how much" asked alone may not find again
  const said = await answerBefore();
  const answered = said ?? (await sameAnswer(input, previous));
  // "how do I use it?", "how does that work?": the same thing again, which its section answers
  if (terms.length === 0) return answered;
  // "how do I cancel it" after Volta Plus's price: its section says how
  if (said !== undefined && saysEach(said, terms)) return said;
  const page = answered?.docId;
  if (page === undefined) return undefined;
  const result = await input.tools.searchKnowledge(`${previous} ${input.text}`, input.language);
  if (!result.confident) return undefined;
  const onThePage = result.hits.filter((hit) => hit.docId === page);
  // "what about friday, do you deliver on it": the section that says both, not any that says one
  return hitSayingAll(onThePage, terms) ?? hitSaying(onThePage, terms);
}

/**
 * A follow-up's answers: a section that says one of its own words, and one that says each of them,
 * which may answer it before the pages answer it alone.
 */
interface FollowUpHits {
  sayingSome: Hit | undefined;
  sayingEvery: Hit | undefined;
}

/** An answer found without choosing between the sections that say some or all of its words. */
function either(hit: Hit | undefined): FollowUpHits {
  return { sayingSome: hit, sayingEvery: hit };
}

/** How many of the customer's questions before a short follow-up it may be about. */
const FOLLOW_UP_LOOK_BACK = 3;

/** The first hit whose section itself says one of `terms`, not only its page's title or keywords. */
function hitSaying(hits: readonly Hit[], terms: readonly string[]): Hit | undefined {
  return hits.find((hit) => terms.some((term) => hit.ownTerms.includes(term)));
}

/** The first hit whose section itself says each of `terms` but a price, a duration or "free". */
function hitSayingAll(hits: readonly Hit[], terms: readonly string[]): Hit | undefined {
  const topic = terms.filter((term) => !isAttribute(term));
  if (topic.length === 0) return undefined;
  return hits.find((hit) => topic.every((term) => hit.ownTerms.includes(term)));
}

/** The places as the pages name them ("بعمان" is Amman to whom "قديش" said it), and their terms. */
function asThePagesName(places: readonly PlaceNamed[], language: Language) {
  const words = places.map((place) => place.inFull ?? place.words).join(' ');
  return { words, terms: searchTerms(pagesWording(words, language)) };
}

/**
 * Where the pages say that nothing ships to places: among `hits`, else found by the places alone.
 * One word scores too little to be confident, but a section that names a place nothing ships to
 * is that answer.
 */
async function notShippedTo(
  places: readonly PlaceNamed[],
  hits: readonly Hit[],
  input: RespondInput,
): Promise<Hit | undefined> {
  const named = asThePagesName(places, input.language);
  return (
    hitSaying(hits, named.terms) ??
    hitSaying((await input.tools.searchKnowledge(named.words, input.language)).hits, named.terms)
  );
}

async function sameAnswer(input: RespondInput, previous: string): Promise<Hit | undefined> {
  const asked = await input.tools.searchKnowledge(previous, input.language);
  return asked.confident ? asked.hits[0] : undefined;
}

/** The sections the bot's reply to the message before quoted (none after an order card or a question). */
async function sectionsAnsweredBefore(input: RespondInput): Promise<Hit[]> {
  const reply = input.history.at(-2);
  if (reply?.from !== 'bot') return [];
  const found = await input.tools.searchKnowledge(reply.text, input.language);
  return found.hits.filter((hit) => reply.text.includes(hit.text));
}

/** Whether a section itself (its heading or text) says each of the terms. */
function saysEach(hit: Hit, terms: readonly string[]): boolean {
  const said = new Set(pageTerms(`${hit.heading} ${hit.text}`));
  return terms.every((term) => said.has(term));
}

/**
 * How much more a section must score than the answer before to be what the question names: "طيب
 * تابي كم دفعة" after the payment methods (which list Tabby) is about Tabby's own section.
 */
const OUTSCORED = 2;

/**
 * Whether the question, searched alone, finds well before the answer before another section whose
 * heading names one of its words that the answer before's heading does not: Tabby's, not the
 * payment methods' ("what does that cover" after Volta Care+ "extended cover" stays with it).
 */
async function namesAnotherSection(
  input: RespondInput,
  before: Hit,
  terms: readonly string[],
): Promise<boolean> {
  const { hits } = await input.tools.searchKnowledge(input.text, input.language);
  const again = hits.find((hit) => sameSection(hit, before));
  if (again === undefined) return false;
  const ownHeading = new Set(pageTerms(again.heading));
  return hits.some((hit) => {
    if (hit === again || hit.score < OUTSCORED * again.score) return false;
    const heading = new Set(pageTerms(hit.heading));
    return terms.some((term) => heading.has(term) && !ownHeading.has(term));
  });
}

/**
 * A short question of its own after an answer, which may be about that answer; not one that
 * begins "and…" or "what about…", which asks the question before about something else.
 */
function asksOfTheAnswerBefore(input: RespondInput, terms: readonly string[]): boolean {
  return (
    terms.length > 0 &&
    isShortFollowUp(input.text, terms) &&
    !asksAfterAll(input.text) &&
    asksAQuestion(input)
  );
}

/**
 * "is it available in Abha?", "متوفر في ابها؟": whether what was asked about holds in a place, which
 * asks no more than the place alone.
 */
const AVAILABLE_IN =
  /^\s*(?:(?:and|so|ok|okay)\s+)?(?:is|are)\s+(?:it|that|this|they|those)\s+(?:available|offered)\s+(?=in\b|to\b|for\b)|^\s*(?:(?:طيب|طب)\s+)?(?:هل\s+)?(?:هو\s+|هي\s+)?(?:متوفر|متوفره|متوفرة|متاح|متاحه|متاحة)\s+(?=(?:في|ب|ل)\s*\S)/iu;

/** "Dubai?", "ودبي؟", "I'm in Dubai", "is it available in Dubai?": the text names places and asks nothing else. */
function namesOnlyPlaces(text: string, places: readonly PlaceNamed[] = placesNamed(text)): boolean {
  return places.length > 0 && searchTerms(withoutPlaces(text.replace(AVAILABLE_IN, ''))).length === 0;
}

/**
 * A place alone ("and Abha?") asks the question before about it. The page that answered that
 * question answers, in its section for the place where it has one ("Dubai?" after the Saudi
 * shipping price gets the Gulf price, after cash on delivery the page's word on paying from the
 * Gulf). Otherwise its answer holds everywhere (the warranty, express delivery in three cities,
 * cash on delivery in Saudi Arabia only), unless it was asked for a place in another region.
 */
async function answerForPlace(
  input: RespondInput,
  places: readonly PlaceNamed[],
  previous: string,
  withPlace: KnowledgeSearchResult,
): Promise<Hit | undefined> {
  const placeTerms = asThePagesName(places, input.language).terms;
  const aboutThePlace = withPlace.confident ? hitSaying(withPlace.hits, placeTerms) : undefined;
  // "how much is shipping?" then "Amman?": nothing ships there, whatever the question was
  if (places.some((place) => place.region === 'abroad')) {
    return notShippedTo(places, withPlace.confident ? withPlace.hits : [], input);
  }
  const asked = await input.tools.searchKnowledge(previous, input.language);
  const [answered] = asked.hits;
  // "hi" then "Dubai?": no question before, the place itself is asked about, and the section
  // that names it answers, though one word is too little to be confident about
  if (!asked.confident || answered === undefined) return hitSaying(withPlace.hits, placeTerms);
  const regions = new Set(places.map((place) => place.region));
  const before = placesNamed(previous);
  const sameRegion = before.every((place) => regions.has(place.region)) && regions.size === 1;
  // a Saudi place after a question that named no other: the pages answered it for Saudi Arabia
  if (sameRegion && regions.has('saudi')) return answered;
  // what the answer said of the question: "Friday" and "deliver", so the Gulf shipping times do
  // not answer "do you deliver on Fridays?" then "and in Dubai?". Not how it was asked: "how
  // long" is what the Gulf section's "takes 4–7 business days" answers
  const aboutTerms = new Set(searchTerms(pagesWording(withoutPlaces(previous), input.language)));
  const topic = answered.ownTerms.filter((term) => aboutTerms.has(term) && !isAttribute(term));
  const forThePlace = withPlace.confident
    ? withPlace.hits.find(
        (hit) =>
          hit.docId === answered.docId &&
          placeTerms.some((term) => hit.ownTerms.includes(term)) &&
          topic.every((term) => hit.ownTerms.includes(term)),
      )
    : undefined;
  if (forThePlace !== undefined) return forThePlace;
  if (sameRegion) return answered;
  // the question before named a place in another region, and the pages answer it only there:
  // the place itself is asked about
  return aboutThePlace;
}

/**
 * "I'm in Amman, how long does delivery take?", "انا بعمان، بتقبلوا تابي؟": where the customer is,
 * or where a parcel should go, is a place nothing ships to, so that is the answer, not the delivery
 * times that would follow for a place we deliver to. Not when a place we deliver to is named too
 * ("I'm from Jordan but live in Riyadh"), nor a place named for something else ("made in India").
 */
async function nothingShipsThere(
  input: RespondInput,
  places: readonly PlaceNamed[],
  result: KnowledgeSearchResult,
): Promise<Hit | undefined> {
  const goingTo = places.filter((place) => !place.origin);
  const asked = goingTo.length > 0 ? goingTo : places;
  if (asked.length === 0 || asked.some((place) => place.region !== 'abroad')) return undefined;
  // where they are from is no place they ask about: "I'm from Egypt, how do I return an item?"
  if (!asked.some((place) => place.livesThere) && !mentionsSending(input.text)) return undefined;
  return notShippedTo(asked, result.hits, input);
}

/**
 * "I'm in Dubai" or "do you ship to Dubai?", then "how much is shipping?": where the customer said
 * they are, or asked us to send to, holds for a later question that names no place, when a section
 * answers that question for the place. Only a place outside Saudi Arabia, whose answers the pages
 * give already.
 */
async function searchWhereTheyAre(
  input: RespondInput,
  places: readonly PlaceNamed[],
): Promise<KnowledgeSearchResult> {
  const result = await searchWithOrderStage(input);
  const held = places.length === 0 ? placeHeld(input) : undefined;
  if (held === undefined) return result;
  const placed = await searchWithOrderStage({ ...input, text: `${input.text} ${held.words}` });
  const placeTerms = asThePagesName([held], input.language).terms;
  const [best] = placed.hits;
  const forThePlace = placeTerms.every((term) => best?.ownTerms.includes(term));
  // the same question for the place: "do you have cash on delivery?" is no question about where
  // we deliver, unless nothing ships there
  const samePage = best?.docId === result.hits[0]?.docId || held.region === 'abroad';
  return placed.confident && forThePlace && samePage ? placed : result;
}

/**
 * Where the customer last said they are ("I'm in Kuwait", "انا بالكويت") or asked us to send to
 * ("do you ship to bahrain", "توصلون دبي؟"), unless a later message named another place ("and to
 * Riyadh?"), outside Saudi Arabia.
 */
function placeHeld(input: RespondInput): PlaceNamed | undefined {
  const texts = customerTexts(input);
  for (let at = texts.length - 2; at >= 0; at--) {
    const text = texts[at] ?? '';
    const places = placesNamed(text, texts.slice(0, at));
    if (places.length === 0) continue;
    const last = places.at(-1);
    if (last === undefined || last.region === 'saudi') return undefined;
    // a Gulf country asked about as where a parcel goes ("and to Kuwait?" after such a question):
    // "how long", "what's the fee" are its
    const sentTo =
      mentionsSending(text) || (namesOnlyPlaces(text, places) && texts.slice(0, at).some(mentionsSending));
    if (last.region === 'gcc' && sentTo) return last;
    if (!places.every((place) => place.origin)) return undefined;
    // "انا من الكويت" is where a Gulf customer is; "I'm from Egypt" may be where they were born
    return last.region === 'gcc' || last.livesThere ? last : undefined;
  }
  return undefined;
}

/** A question's search terms as the pages word them, each once, in order. */
function questionTerms(text: string, language: Language): string[] {
  return [...new Set(searchTerms(pagesWording(text, language)))];
}

/**
 * Whether the message asks something: "whats the minimum" after Tabby's answer does; "المندوب مو
 * محترم" says something of the courier, and a complaint is no question about the pages.
 */
function asksAQuestion(input: RespondInput): boolean {
  return input.classification.intent !== 'complaint' && asksSomething(prepare(input.text));
}

/** A courtesy is a few words: "ok", "thanks!", "hello?", "تمام شكرا". */
const COURTESY_WORDS = 4;
/** The intents of a message that asks nothing of the pages. */
const COURTESY_INTENTS: ReadonlySet<string> = new Set(['thanks', 'greeting']);

/**
 * The history without the courtesies just before this message and the bot's replies to them:
 * "how much is shipping?" → "ok" → "and to Kuwait?" follows up the question, not the "ok".
 */
function withoutCourtesyBefore(input: RespondInput): RespondInput['history'] {
  let history = input.history;
  for (;;) {
    const [said, reply, asking] = history.slice(-3);
    const courtesy =
      said?.from === 'customer' &&
      reply?.from === 'bot' &&
      asking !== undefined &&
      said.text.split(/\s+/).length <= COURTESY_WORDS &&
      COURTESY_INTENTS.has(
        classifyOffline({ text: said.text, previousCustomerTexts: [], fallbackLanguage: input.language })
          .intent,
      );
    if (!courtesy) return history;
    history = [...history.slice(0, -3), asking];
  }
}

/** What the customer wrote in this conversation, this message last. */
function customerTexts(input: RespondInput): string[] {
  return input.history.filter((line) => line.from === 'customer').map((line) => line.text);
}

/** What the customer wrote before this message (the history ends with this one). */
function previousQuestion(input: RespondInput): string | undefined {
  return customerTexts(input).at(-2);
}

/**
 * Up to `most` of the customer's questions to the pages before this message, latest first, past
 * the places asked about since and the questions about their own orders, which the orders
 * answered: "how much is shipping to Riyadh?", "and Abha?", "where is my order?", then "and
 * Dubai?" asks the price still.
 */
function earlierQuestions(input: RespondInput, most: number): string[] {
  const questions: string[] = [];
  const before = customerTexts(input).slice(0, -1);
  for (let at = before.length - 1; at >= 0 && questions.length < most; at--) {
    const text = before[at] ?? '';
    if (!namesOnlyPlaces(text) && !asksAboutOwnOrder(text, input)) questions.push(text);
  }
  return questions;
}

function asksAboutOwnOrder(text: string, input: RespondInput): boolean {
  const { intent } = classifyOffline({ text, previousCustomerTexts: [], fallbackLanguage: input.language });
  return intent === 'order_status';
}

/**
 * Among the hits of a question searched with the one before it, the section that says every term
 * of the question's own and covers as much as the best hit: a section about another place covers
 * less, so the Saudi shipping price is no answer to "…to Dubai, and how much?".
 */
function sectionSaying(
  result: KnowledgeSearchResult,
  terms: readonly string[],
  usable: (hit: Hit) => boolean = () => true,
): Hit | undefined {
  const [best] = result.hits;
  return result.hits.find(
    (hit) =>
      terms.every((term) => hit.ownTerms.includes(term)) &&
      hit.coverage >= (best?.coverage ?? 1) &&
      usable(hit),
  );
}

/**
 * "how long does shipping to the UAE take?" then "ok, and how much?": a question of only a price, a
 * duration or whether it is free asks it about what the question before named, when the pages
 * answered that one: the GCC price, not the Saudi one, which alone answers "how much?" best.
 */
async function attributeOfPrevious(input: RespondInput, terms: readonly string[]): Promise<Hit | undefined> {
  if (!asksAnAttribute(terms)) return undefined;
  const previous = previousQuestion(input);
  if (previous === undefined) return undefined;
  // only after a question the pages answered: "what's the best pizza place in Jeddah?" named nothing;
  // "I want to return a phone I bought…" was answered as its request alone
  const answered = [previous, returnRequest(prepare(previous))];
  let about: string | undefined;
  for (const asked of answered) {
    if (asked !== undefined && (await input.tools.searchKnowledge(asked, input.language)).confident) {
      about = asked;
      break;
    }
  }
  if (about === undefined) return undefined;
  const result = await input.tools.searchKnowledge(`${about} ${input.text}`, input.language);
  return result.confident ? sectionSaying(result, terms) : undefined;
}

/**
 * "I'm in Kuwait, how much is shipping and how long does it take?": a place named once in the
 * message holds for each of its questions that names none, when a section answers the question
 * for that place; "…and can I pay with Tabby?" is searched as it is.
 */
async function searchAt(
  question: string,
  places: readonly string[],
  search: (query: string) => Promise<KnowledgeSearchResult>,
): Promise<KnowledgeSearchResult> {
  if (places.length === 0 || placesNamed(question).length > 0) return search(question);
  const placed = await search(`${question} ${places.join(' ')}`);
  const placeTerms = places.flatMap((place) => searchTerms(place));
  const [best] = placed.hits;
  const forThePlace = placeTerms.every((term) => best?.ownTerms.includes(term));
  return placed.confident && forThePlace ? placed : search(question);
}

/**
 * Three answers are as many as a WhatsApp message should carry; the customer is told to ask the
 * others again rather than have them dropped without a word.
 */
const MAX_ANSWERS = 3;

/**
 * "Do you deliver to Riyadh and can I pay with Tabby?": the section that answers each question of
 * the message on its own, in the order asked. A question too short to search alone ("…and how
 * much?", "…وبكم؟") asks about what the question before it named: it is searched with that
 * question's words and answered by a section that matches its own word, or not at all rather than
 * with an answer for the wrong place. With fewer than two answered, the message is answered as a
 * whole.
 */
async function answersPerQuestion(input: RespondInput): Promise<Hit[]> {
  const search = (query: string) => searchWithOrderStage({ ...input, text: query });
  const places = placesNamed(input.text).map((place) => place.words);
  const answers: Hit[] = [];
  const isAnswered = (hit: Hit) => answers.some((other) => sameSection(other, hit));
  let previous: string | undefined;
  /** Whether the last answer is the previous question's. */
  let answeredPrevious = false;
  // "…to Riyadh and to Dubai?" is a question for each region
  const parts = questionParts(input.text);
  const questions = (parts.length > 0 ? parts : [input.text]).flatMap(questionPerRegion);
  if (questions.length < 2) return [];
  for (const part of questions) {
    const partTerms = questionTerms(part, input.language);
    // "how much?" alone is too little to know what the question is about; "can I return it?" is not
    const elliptical = partTerms.length === 1 && asksAnAttribute(partTerms);
    if (partTerms.length === 0 || (elliptical && previous === undefined)) {
      previous = part;
      continue;
    }
    // "كم الشحن للرياض ودبي؟": a place alone asks the question before it about that place
    const placeOnly = previous !== undefined && namesOnlyPlaces(part);
    const query = elliptical
      ? `${previous} ${part}`
      : placeOnly
        ? `${withoutPlaces(previous ?? '')} ${part}`
        : part;
    previous = part;
    const result = elliptical || placeOnly ? await search(query) : await searchAt(query, places, search);
    if (!result.confident) continue;
    const hit = elliptical
      ? sectionSaying(result, partTerms, (candidate) => !isAnswered(candidate))
      : result.hits[0];
    const answeredBefore = answeredPrevious;
    answeredPrevious = false;
    if (hit === undefined || isAnswered(hit)) continue;
    // "how long to Dubai, and how much?": a section that says all the first answer matched, and
    // the price too, replaces it rather than following it and saying the duration twice
    const first = answers.at(-1);
    if (elliptical && answeredBefore && first?.ownTerms.every((term) => hit.ownTerms.includes(term))) {
      answers.pop();
    }
    answers.push(hit);
    answeredPrevious = true;
  }
  return answers;
}
