import {
  ASK_YOU_EN,
  HYPOTHETICAL,
  NEGATORS,
  OPENERS,
  POLICY_TERMS,
  QUESTION_FRAME,
  RETURN_ACTION,
  WANT_AR,
  WANT_EN,
} from './lexicon.js';
import { normalizeForMatching } from './normalize.js';
import {
  compileAll,
  findAll,
  findFirst,
  type PhraseMatch,
  type PreparedText,
  type Token,
} from './phrases.js';

/**
 * How a message is framed: a question about a topic, a request for it, or a condition. The same
 * words ("cancel", "refund", "change the address") are an FAQ in "how do I cancel an order?" and a
 * request in "please cancel my order"; the topic detectors ask these helpers which one they saw.
 */

const QUESTION = compileAll(QUESTION_FRAME);
/** Someone else's words: "my friend said", "people say", "my mom keeps asking", "صاحبي يقول". */
const REPORTING = compileAll([
  'friend|friends|people|everyone|everybody|others|reviews|mom|mum|mother|dad|father|brother|sister|wife|husband|son|daughter|colleague|neighbour|neighbor .. said|says|say|told|thinks|think|thought|keeps|kept|asked|asks|asking|saying',
  'صاحبي|صديقي|اخوي|اختي|امي|ابوي|زوجتي|زوجي|الناس|ربعي|خويي|ولدي|بنتي .. قال|يقول|قالت|تقول|يقولون|قالوا|يسال|تسال',
]);
/**
 * After the reporting words, what the customer takes as theirs: advice ("told me to…", "says I
 * should…") or a request relayed to us ("my husband says get me a manager").
 */
const ADVISED = new Set([
  ...['me', 'i', 'us', 'we', 'لي', 'انا', 'اني'],
  ...['get', 'give', 'talk', 'speak', 'connect', 'put', 'transfer', 'call', 'let', 'ask'],
]);
/** "my dad always says 'get me a manager' when he calls companies": a habit told, not a request relayed. */
const HABITUAL = new Set([
  'always',
  'usually',
  'often',
  'keeps',
  'kept',
  'every',
  'دايم',
  'دايما',
  'دائما',
  'كل',
]);
/** The customer agrees with what was said: "…and I agree", "he's right", "وصدق", "وانا اوافقه". */
const AGREEING = compileAll([
  'agree|agreed',
  'hes|shes|theyre|youre right',
  'is|are|was right',
  'its true',
  'it is true',
  'and|honestly|really it is',
  'believe it',
  'think so too',
  'same here',
  'me too',
  'اوافق*|موافق*',
  'صدق|صدقت|صادق|صادقين',
  'معه|معها|معهم|معاه|عنده|عندها|عندهم حق',
  'فعلا|بالضبط',
]);
/** How far after the reporting words their report may run, in words, within one clause. */
const REPORT_REACH = 8;
const CLAUSE_BREAK = /[.!?;,،؛؟]|\bbut\b|\bbtw\b|\banyway\b|لكن|بس\s/iu;
const CONDITION = compileAll(HYPOTHETICAL);
const TERMS = compileAll(POLICY_TERMS);
const RETURNING = compileAll(RETURN_ACTION);
const REQUEST = compileAll([
  WANT_EN,
  ASK_YOU_EN,
  WANT_AR,
  'have|got to',
  'i must',
  'لازم|ضروري|تقدر|تقدرون|تكفون|ابيك|ابغاك',
]);
/** How far before a topic word the asking word may be: "want to cancel", "want you to cancel". */
const REQUEST_REACH = 2;
/** Words that turn "I want to … cancel" into wanting to know: "ابي اعرف كيف الغي". */
const KNOWING = new Set([
  'know',
  'how',
  'tell',
  'explain',
  'understand',
  'find',
  'check',
  'checking',
  'see',
  'seeing',
  'view',
  'look',
  'ask',
  'if',
  'whether',
  'اعرف',
  'كيف',
  'معرفه',
  'استفسر',
  'اسال',
  'اشوف',
  'هل',
  'اذا',
  'لو',
]);

/** Verbs that open an imperative ("cancel my order"), and the words that may follow them. */
const IMPERATIVE_EN = new Set([
  'cancel',
  'refund',
  'reimburse',
  'change',
  'update',
  'modify',
  'edit',
  'correct',
  'fix',
  'amend',
  'add',
  'remove',
  'delete',
  'terminate',
  'stop',
  'end',
  'reschedule',
  'send',
  'deliver',
  'close',
  'switch',
]);
const IMPERATIVE_OBJECT = new Set([
  'my',
  'me',
  'the',
  'this',
  'that',
  'it',
  'our',
  'us',
  'order',
  'orders',
  'subscription',
  'membership',
  'purchase',
  'please',
  'pls',
  'plz',
  'now',
  'everything',
  'all',
  'them',
  'a',
  'an',
  'both',
  'item',
  'items',
  'delivery',
  'shipping',
  'address',
]);
/** Arabic verbs whose form is already imperative or a first-person request at the start. */
const IMPERATIVE_AR = new Set([
  'الغي',
  'الغوا',
  'الغو',
  'كنسل',
  'كنسلوا',
  'رجعوا',
  'رجعو',
  'غيروا',
  'غيرو',
  'غيري',
  'عدلوا',
  'عدلو',
  'ضيف',
  'ضيفوا',
  'اضف',
  'شيل',
  'شيلوا',
  'احذف',
  'اوقف',
  'اوقفوا',
  'وقفوا',
  'حدثوا',
]);

const NEGATOR_SET = new Set(NEGATORS);
const PERMISSION_MODALS = new Set(['can', 'could', 'may', 'do', 'should', 'would']);
/** "will I get a refund?" asks what happens as much as "can I get a refund?" does. */
const WHETHER_MODALS = new Set([...PERMISSION_MODALS, 'will', 'shall']);
/** Arabic asks whether with هل or a verb of being able: "هل استرد المبلغ؟", "اقدر استرد فلوسي؟". */
const WHETHER_AR = new Set([
  'هل',
  'اقدر',
  'نقدر',
  'استطيع',
  'يمكنني',
  'يمكن',
  'بامكاني',
  'ينفع',
  'يصير',
  'يمديني',
]);
/** Before "can I", these ask how or where to do it now: "how can I get a refund?". */
const PROCEDURE = new Set([
  'how',
  'where',
  'what',
  'whats',
  'كيف',
  'كيفيه',
  'شلون',
  'وين',
  'اين',
  'وش',
  'ايش',
  'شو',
]);
/** "لو سمحت", "اذا ممكن": an "if" that only says please. */
const POLITE_AFTER_IF = new Set(['سمحت', 'سمحتوا', 'تكرمت', 'تكرمتوا', 'ممكن']);

/** "if …", "لو …", "what if …", but not the "لو" of "لو سمحت" (please). */
function conditions(text: PreparedText): PhraseMatch[] {
  return findAll(text, CONDITION).filter((condition) => {
    const next = text.tokens[condition.end];
    return !(next && POLITE_AFTER_IF.has(next.text));
  });
}

/** "if …", "لو …" anywhere in the message. */
export function hasCondition(text: PreparedText): boolean {
  return conditions(text).length > 0;
}

/** A question mark, or a question's framing: what the customer wrote asks something. */
export function asksSomething(text: PreparedText): boolean {
  return text.raw.includes('?') || text.raw.includes('؟') || isQuestion(text);
}

/** Any how-to, policy or conditional framing anywhere in the message. */
export function isQuestion(text: PreparedText): boolean {
  return findFirst(text, QUESTION) !== undefined || conditions(text).length > 0;
}

/** Wanting, meaning or going to, before "to": "don't want to cancel", "not going to sue". */
const INTENT_TO = new Set(['want', 'need', 'mean', 'meant', 'intend', 'plan', 'planning', 'going', 'trying']);
/** The same without "to": "not gonna sue", "ما ابي الغي", "مش عايز الغي", "ما راح اعترض", "ما احتاج مساعدة". */
const INTENT = new Set(
  [
    'wanna',
    'gonna',
    ...'ابي ابغى ابغي ابغا ابا اريد بدي ودي عايز عاوز ناوي قصدي حاب راح رح احتاج محتاج'.split(' '),
  ].map(normalizeForMatching),
);

/** Punctuation that ends what a negation can reach. */
const NEGATION_BREAK = /[,.!?;:\u060C\u061B\u061F]/u;

const negates = (token: Token | undefined) => token?.forms.some((form) => NEGATOR_SET.has(form)) ?? false;

/**
 * "Don't cancel it", "ما ابي اكلم موظف": the word right before undoes the phrase, and so does a
 * negated wish or plan right before it ("I don't want to cancel", "I'm not going to sue", "ما ابي
 * الغي الطلب", "ما راح اعترض"); not one further back, which is another clause's ("I don't want to
 * wait, cancel it", "ما ابي انتظر، ابي الغي الطلب").
 */
export function isNegated(text: PreparedText, match: PhraseMatch): boolean {
  const [third, second, first] = [3, 2, 1].map((back) => text.tokens[match.start - back]);
  // "is it normal or not? sparks come out", "believe it or not, smoke came out": another clause's
  const sameClause = (negator: Token | undefined) =>
    negator !== undefined &&
    !NEGATION_BREAK.test(text.raw.slice(negator.end, text.tokens[match.start]?.start));
  // "don't think I won't sue you": a denied denial asserts
  const denialDenied = text.tokens.slice(Math.max(0, match.start - 5), match.start - 1).some(negates);
  if (negates(first) && sameClause(first)) return !denialDenied;
  if (first?.text === 'to' && second !== undefined && INTENT_TO.has(second.text) && negates(third))
    return sameClause(third);
  return (
    first !== undefined &&
    first.forms.some((form) => INTENT.has(form)) &&
    negates(second) &&
    sameClause(second)
  );
}

/**
 * The phrase is what someone else said: "my friend said your service is useless, but it's been
 * fine for me", "my mom keeps asking 'can I speak to a real person'". Not past the clause: "they
 * said it would come today, this is ridiculous" is the customer's own word.
 */
export function isReported(text: PreparedText, match: PhraseMatch): boolean {
  // "…and I agree"; not "I don't agree", "ما صدقت"
  if (findAll(text, AGREEING).some((agreeing) => !isNegated(text, agreeing))) return false;
  return findAll(text, REPORTING).some((report) => {
    // "you people said 2 days": the customer speaking to us
    const reporter = text.tokens[report.start];
    if (reporter?.text === 'people' && ['you', 'your'].includes(text.tokens[report.start - 1]?.text ?? ''))
      return false;
    if (report.end > match.start || match.start - report.end > REPORT_REACH) return false;
    // "my friend told me to ask for an agent", "my husband says I should…": advice the customer takes
    const habit = text.tokens.slice(report.start, report.end).some((token) => HABITUAL.has(token.text));
    if (ADVISED.has(text.tokens[report.end]?.text ?? '') && !habit) return false;
    const from = text.tokens[report.end - 1]?.end ?? 0;
    const to = text.tokens[match.start]?.start ?? 0;
    return !CLAUSE_BREAK.test(text.raw.slice(from, to));
  });
}

/** A condition opens before the phrase: "what if it arrives broken?". */
export function isHypothetical(text: PreparedText, match: { start: number }): boolean {
  return conditions(text).some((condition) => condition.start < match.start);
}

function firstContentToken(text: PreparedText): number {
  const index = text.tokens.findIndex((token) => !OPENERS.has(token.text));
  return index < 0 ? text.tokens.length : index;
}

function isImperative(text: PreparedText, match: PhraseMatch): boolean {
  if (match.start !== firstContentToken(text)) return false;
  const verb = text.tokens[match.start];
  if (verb === undefined) return false;
  if (IMPERATIVE_AR.has(verb.text)) return true;
  const next = text.tokens[match.start + 1];
  return IMPERATIVE_EN.has(verb.text) && (next === undefined || IMPERATIVE_OBJECT.has(next.text));
}

/** The auxiliary and the subject right before a phrase: "can I …", "do you …". */
function asker(text: PreparedText, match: PhraseMatch): { verb: string; subject: string } | undefined {
  const [verb, subject] = text.tokens.slice(Math.max(0, match.start - 2), match.start);
  return verb === undefined || subject === undefined ? undefined : { verb: verb.text, subject: subject.text };
}

/** "can I request a refund?" asks what is allowed, like "can I cancel before it ships?". */
function isAskingPermission(text: PreparedText, request: PhraseMatch): boolean {
  const asking = asker(text, request);
  return asking !== undefined && PERMISSION_MODALS.has(asking.verb) && ['i', 'we'].includes(asking.subject);
}

/** "do you refund me if I refuse the delivery?": what the shop does in a case, asked; not a request. */
const DOES = new Set(['do', 'does', 'will', 'would']);
export function asksWhatIsDone(text: PreparedText, match: PhraseMatch): boolean {
  const asking = asker(text, match);
  return (
    asking !== undefined &&
    DOES.has(asking.verb) &&
    ['you', 'u', 'they', 'volta'].includes(asking.subject) &&
    isHypothetical(text, { start: text.tokens.length })
  );
}

/** The customer asks for it: an asking word just before, or the phrase opens an imperative. */
export function isAskedFor(text: PreparedText, match: PhraseMatch): boolean {
  if (isImperative(text, match)) return true;
  return findAll(text, REQUEST).some(
    (request) =>
      !isAskingPermission(text, request) &&
      request.end <= match.start &&
      match.start - request.end <= REQUEST_REACH &&
      !text.tokens.slice(request.end, match.start).some((token) => KNOWING.has(token.text)) &&
      !isNegated(text, request),
  );
}

/** "can I get a refund?", "هل اقدر استرد المبلغ؟", but not "how can I get a refund?". */
function asksWhether(text: PreparedText, match: PhraseMatch): boolean {
  const at = (offset: number) => text.tokens[match.start - offset]?.text ?? '';
  // "how would I get my money back for a return?" asks how it goes, should it come to that
  if (at(2) === 'would' && (at(1) === 'i' || at(1) === 'we')) return true;
  if (PROCEDURE.has(at(3)) || PROCEDURE.has(at(2))) return false;
  if (WHETHER_MODALS.has(at(2)) && (at(1) === 'i' || at(1) === 'we')) return true;
  return WHETHER_AR.has(at(1)) || at(2) === 'هل';
}

/**
 * Going after the thing in a question ("how do I get a refund?", "كيف استرد فلوسي؟") asks how to
 * get it now, unless the question is whether it is allowed, under a condition, or on what terms:
 * "can I get a refund?", "do I get a refund if it arrives late?", "how long does it take to get one?".
 */
export function asksAboutTerms(text: PreparedText, match: PhraseMatch): boolean {
  return asksWhether(text, match) || conditions(text).length > 0 || findFirst(text, TERMS) !== undefined;
}

/** "return to the menu", "return later", "ارجع للقائمة", "ارجع البيت": going back somewhere. */
const NOT_AN_ITEM_AFTER_EN = new Set(['to', 'later', 'home', 'soon', 'tomorrow', 'call', 'message', 'visit']);
// not لك/لكم: "ارجع لكم الجوال" sends the phone back to the shop
const NOT_AN_ITEM_AFTER_AR = /^(?:ل(?!كم?$)\p{L}+|بعدين|بكره|بكرا|البيت)$/u;
/** "return the favour", "swap the delivery date": what goes back or is swapped is no item. */
const NOT_AN_ITEM = new Set([
  'favour',
  'favor',
  'date',
  'time',
  'slot',
  'address',
  'appointment',
  'day',
  'موعد',
  'الموعد',
  'العنوان',
  'الوقت',
]);

/** The verb goes somewhere, or swaps what is not an item: no parcel is sent back. */
function goesElsewhere(text: PreparedText, action: PhraseMatch): boolean {
  const next = text.tokens.slice(action.end, action.end + 3).map((token) => token.text);
  const [first = ''] = next;
  return (
    NOT_AN_ITEM_AFTER_EN.has(first) ||
    NOT_AN_ITEM_AFTER_AR.test(first) ||
    next.some((word) => NOT_AN_ITEM.has(word))
  );
}

/** "how do I return…", "كيف ارجع…": how to go about it, asked right before the verb. */
const HOW = new Set(['how', 'كيف', 'شلون', 'ازاي']);
function asksHow(text: PreparedText, match: PhraseMatch): boolean {
  return [1, 2, 3].some((back) => HOW.has(text.tokens[match.start - back]?.text ?? ''));
}

/**
 * "I want to return a phone I bought a week ago", "بدي رجّع الموبايل", "can I return the laptop?",
 * "how do I return the cases": the words that ask to send an item back, from the asking word to
 * the verb. The rest of the message only describes the item, and searched with it the question
 * reads as about phones.
 */
export function returnRequest(text: PreparedText): string | undefined {
  const action = findAll(text, RETURNING).find(
    (match) =>
      !isNegated(text, match) &&
      !isHypothetical(text, match) &&
      !goesElsewhere(text, match) &&
      (isAskedFor(text, match) || asksWhether(text, match) || asksHow(text, match)),
  );
  if (action === undefined) return undefined;
  const first = text.tokens[Math.max(0, action.start - REQUEST_REACH - 1)];
  const last = text.tokens[action.end - 1];
  return first && last ? text.raw.slice(first.start, last.end) : undefined;
}
