import { type OutboundMessage, outboundText } from '../channel/outbound.js';
import type { Classification, Language } from '../llm/classification.js';
import type { AgentTools, CustomerOrdersResult } from '../llm/port.js';
import { acknowledges, declinesMore, onlyGreets, praises, tellsGoodNews } from '../nlu/classify.js';
import { BARE_ORDER_NUMBERS, correctedOrderId, isBareSlip, isPhoneShaped } from '../nlu/entities.js';
import { normalizeDigits, normalizeForMatching } from '../nlu/normalize.js';
import { isOpenOrder } from '../orders/order.js';
import { welcomeMenu } from '../replies/menu.js';
import { mediaReply, say } from '../replies/messages.js';
import { type OrderDetail, orderListReply, orderReply } from '../replies/order-reply.js';
import { namesProduct, ordersNamingProduct } from './named-product.js';
import { correctsTheOrder, pickFromList } from './order-pick.js';
import type { InboundTurn, PendingQuestion } from './state.js';

export interface ScriptedReply {
  message: OutboundMessage;
  handled: boolean;
  pendingQuestion: PendingQuestion;
  attempt?: string;
  /** The order the reply showed the customer, for the follow-up questions about it. */
  shownOrderId?: string;
  /** A courtesy ("you are welcome", "alright"): the same one twice is no answer that failed to help. */
  courtesy?: true;
}

const text = (body: string): OutboundMessage => ({ kind: 'text', text: body });

/** A reply to "which order?" of a few words around one number: "sorry, it's 1002", "الرقم الصحيح ١٠٠٢". */
const NUMBER_REPLY_WORDS = 6;

/**
 * The order number in a short reply to the bot's question for it, also after a number it did not
 * find: "آسفة الرقم الصحيح ١٠٠٢", "oops, I meant 1002".
 */
function numberInReply(text: string): string | undefined {
  const digits = normalizeDigits(text);
  const numbers = digits.match(/(?<![\d\p{L}])\d{3,12}(?!\d)/gu) ?? [];
  const [only] = numbers;
  if (only === undefined || numbers.length !== 1 || isPhoneShaped(only)) return undefined;
  if (digits.trim().split(/\s+/).length > NUMBER_REPLY_WORDS || AMOUNT_OR_TIME.test(digits)) return undefined;
  // a number with other words is the order's when they say so: "sorry, it's 1002", "الرقم الصحيح"
  const bare = /^\W*\d+\W*$/u.test(digits);
  return bare || CORRECTION.test(normalizeForMatching(text)) ? only : undefined;
}

/**
 * A message of one number and nothing else ("1001", "#1001", "١٠٠١"), or asking after it ("and
 * 1002?", "طيب و1002؟") when it reads as an order: after "is shipping free above 300?", "and 200?" is
 * a price. Not "100%", and not a phone number ("+966…", "05…").
 */
const BARE_NUMBER =
  /^[^\p{L}\p{N}+]*((?:and|what\s+about|how\s+about)\s+|(?:طيب\s*)?و\s*|طيب\s+)?#?(\d{3,12})[^\p{L}\p{N}%]*$/iu;

async function bareOrderNumber(
  text: string,
  ordersInView: boolean,
  tools: AgentTools,
): Promise<string | undefined> {
  const [, asksAfter, number] = BARE_NUMBER.exec(normalizeDigits(text)) ?? [];
  if (number === undefined || isPhoneShaped(number)) return undefined;
  if (asksAfter === undefined || (ordersInView && number.length >= 4)) return number;
  // "and 1002?" as the first words, or after an answer about shipping: an order when it is theirs
  return (await ownOrderIds(tools)).has(number) ? number : undefined;
}

/**
 * A question about an amount ("is shipping free over 1000?", "cash on delivery up to how much?",
 * "كم الحد الاعلى للدفع عند الاستلام؟"), after which a number alone is another amount.
 */
const ABOUT_AN_AMOUNT =
  /\b(?:over|above|under|below|up to|limit|max|maximum|minimum|enough)\b|(?:^|\s)(?:ال)?(?:حد|فوق|اكثر|أكثر|اقل|أقل)(?:\s|$)/iu;

/** The ids of the orders placed with the customer's own number. */
async function ownOrderIds(tools: AgentTools): Promise<ReadonlySet<string>> {
  const own = await tools.customerOrders();
  return new Set(own.found ? own.orders.map((order) => order.id) : []);
}

/** "sorry", "I meant", "the right one is", "الرقم الصحيح", "اقصد": a number given as a correction. */
const CORRECTION =
  /\b(?:sorry|sry|oops|mean|meant|correct|right|actual|real|typo|wrong|number|no|num|order|its|it's|is)\b|#|الصحيح|الصح|اقصد|قصدي|اسف|اسفه|عفوا|غلط|رقم|طلب/iu;
/** "it cost me 1349 riyals", "at 1130 today", "in 2025": an amount, a time or a year. */
const AMOUNT_OR_TIME =
  /\d\s*(?:sar|sr|riyals?|rials?|ريال|ر\.س|%|am|pm|today|yesterday|hours?|mins?|minutes?|days?)(?![\p{L}])|(?:\b(?:at|in|since|cost|paid|pay|for)|سنه|سنة|بمبلغ|دفعت|الساعه|الساعة)\s+\d/iu;

/**
 * "where is my order 456?", "وين طلبي رقم ٤٥٦؟": a number named as the order's, too short to pass
 * for an order id anywhere else. Looked up, so the customer hears it was not found rather than
 * getting another order's card as if it were that one.
 */
function namedNumber(text: string): string | undefined {
  const digits = normalizeDigits(text);
  const match =
    /(?:\border\b(?:\s+(?:no\.?|number|num))?|طلبي|الطلب|طلب|اوردر|رقم)\s*#?\s*(\d{1,12})(?!\d)/iu.exec(
      digits,
    );
  // "طلبي 2500 ريال" is what the order costs
  if (match === null || AMOUNT_OR_TIME.test(digits.slice(match.index))) return undefined;
  return match[1];
}

/**
 * "has 1002 shipped?", "when will 1002 arrive?", "why is 1002 still processing?", "هل تم شحن 1002؟",
 * "is 1002 late?", "not happy with how long 1002 is taking": where an order is, or how long it takes.
 */
const WHERE_IT_IS =
  /\b(?:shipped|arrive|arrived|arriving|delivered|dispatched|where|status|eta|processing|pending|preparing|taking|late|delayed|overdue|stuck)\b|(?:^|\s)(?:وين|فين|انشحن|اتشحن|تم شحن|وصل|يوصل|بيوصل|هيوصل|حيوصل|حاله|حالة|متاخر|متأخر|تاخر|تأخر)(?:\s|[؟?]|$)/iu;

/**
 * The words that only ask after a number ("wat abt 1002", "1002 pls", "and also 1001 please", "ايش
 * عن 1001", "وبالنسبة ل 1002", "طب و1002 يا باشا", "وش صار على 1002", "1002 any update?", "1001
 * وينه"), normalised.
 */
const ASKING_AFTER = new Set(
  [
    'and also too ok okay then what whats wat how about abt bout with pls plz please so',
    'i have two my the of order orders number no status any update updates news wanna want to know up',
    'و طب طيب ايش وش شو عن بالنسبه ل لـ صار علي على عليه وين فين وينه فينه وصل وصلت يا باشا كمان ايضا بعد لو سمحت',
    'اخبار اخباره جديد ابي ابغى ابغا بدي عايز ودي اعرف',
    'طلب طلبي الطلب رقم',
  ]
    .join(' ')
    .split(' ')
    .map((word) => normalizeForMatching(word)),
);

/**
 * The numbers of a message asking where orders are, when each is one of the customer's own: "has
 * 1002 shipped?" names no order to the NLU ("order" is not said), and the pages would answer it
 * with what happens to shipped orders; "wat abt 1002", "what about 1002 and 1001", "وش صار على
 * 1002" say nothing else.
 */
async function ownOrdersAskedAfter(text: string, tools: AgentTools): Promise<string[]> {
  const digits = normalizeDigits(text);
  const numbers = [...new Set(digits.match(BARE_ORDER_NUMBERS) ?? [])];
  if (numbers.length === 0) return [];
  const rest = normalizeForMatching(digits.replace(BARE_ORDER_NUMBERS, ' ')).match(/[\p{L}]+/gu) ?? [];
  const onlyAsksAfter = rest.every(
    (word) => ASKING_AFTER.has(word) || ASKING_AFTER.has(word.replace(/^و/u, '')),
  );
  if (!(onlyAsksAfter || (WHERE_IT_IS.test(text) && numbers.length === 1))) return [];
  const own = await ownOrderIds(tools);
  return numbers.every((number) => own.has(number)) ? numbers : [];
}

/** "my other order", "طلبي الثاني": not the order just shown. */
const ANOTHER_ORDER =
  /\b(?:other|another|second|different|new)\b|(?:^|\s)و?(?:ال)?(?:ثاني|ثانيه|ثانية|اخر|آخر|غيره)(?:[\s؟?!.،]|$)/iu;

/** The customer's own order named: "my other order", "طلبي الثاني". */
const MY_ORDER_WORD = /\bmy (?:\w+ )?orders?\b|طلبي|طلبيتي|اوردري/iu;

/** "where is it now?", "وينه؟": a question about "it", which after an order card is the order. */
const ABOUT_IT =
  /\b(?:where|when|why)\b.*\bit\b|^\s*(?:و?وينه|و?فينه|متى (?:يوصل|بيوصل|يجي|بيجي)|امتى (?:يوصل|هيوصل|بيوصل)|(?:يوصل|هيوصل|بيوصل|حيوصل|رح يوصل) (?:امتى|متى)|(?:طيب )?(?:وين|فين) وصل|ليش (?:متأخر|متاخر|تأخر|تاخر|اتأخر|اتاخر)|ليه (?:متأخر|متاخر|اتأخر|اتاخر))/iu;

/**
 * "this is taking forever 😤", "why so slow", "it said 2 days", "والله تأخرتو" after an order card:
 * upset at the wait for that order, with nothing else to answer (matched on normalised text).
 */
const WAITING_ON_IT =
  /\b(?:taking|takes|took|taken) (?:so |too |very )?(?:forever|ages|long)\b|\b(?:so|too|very) (?:slow|long)\b|\b(?:it|you|u) (?:said|says) \d+ (?:business )?days\b|\bstill waiting\b|تاخرتو|تاخرتوا|تاخرتم|طولتو|طولتوا|طولتم|بطيئين|(?:ليش|ليه) (?:التاخير|هالتاخير|كل هذا)/u;

/** "when will it arrive?", "how long till it ships?", "متى يوصل؟" (matched on normalised text). */
const ASKS_WHEN =
  /\b(?:when|whens|how long|how many days)\b|(?<!\p{L})(?:و?متي|و?امتي|و?ايمتي|كم يوم)(?!\p{L})/u;

/**
 * "how did i pay for it?", "did i pay with tabby?", "كيف دفعت؟" after an order card: how that order
 * was paid, which the order system does not tell (matched on normalised text).
 */
const ASKS_HOW_PAID =
  /\bhow did i pay\b|\bwhat (?:payment )?(?:method|card|way)s? did i (?:use|pay)\b|\bdid i pay (?:with|by|using|via|in|on)\b|\bwhich (?:card|payment method|method) did i\b|(?:كيف|شلون|بايش|بوش) دفعت|دفعت (?:بايش|بوش|كيف|باي|بأي)|(?:طريقه|وسيله) الدفع (?:اللي|الي) (?:دفعت|استخدمت)/u;

/**
 * "who is the courier?", "which company is delivering it?", "مين شركة الشحن؟", "مع مين الشحنة؟":
 * after an order card, that order's carrier (matched on normalised text).
 */
const ASKS_CARRIER =
  /\b(?:who|which|what)(?:'s|s| is| are)? (?:the |your |my )?(?:courier|carrier|shipping company|delivery company|shipper|delivery service)\b|\b(?:which|what) (?:courier|carrier)\b|\bwhich company\b|\bwho(?:'s|s| is| will be)? (?:delivering|shipping|bringing)\b|\b(?:courier|carrier)(?:'s|s)? name\b|(?:مين|وش|ايش|شو|اي|ايش هي|وش هي) (?:ال)?(?:شركه (?:ال)?(?:شحن|توصيل)|مندوب|ناقل)|مع (?:مين|اي شركه|وش شركه)|(?:مين|من) (?:بيوصل|يوصل|راح يوصل|بيجيب|يجيب|بيسلم|يسلم)/u;

/**
 * "what's in that one?", "what items are in it?", "شو فيها؟": after an order card, that order's
 * items, which its card lists (matched on normalised text).
 */
const ASKS_ITEMS =
  /\bwhat(?:'s|s| is| are)? (?:the )?(?:items? )?in (?:it|that|this|that one|this one|(?:the|that|this|my) order)\b|\bwhat (?:items?|products?|things?) (?:are|is|were|was) in\b|\bwhat did i (?:order|buy)\b|^\s*و?(?:وش|ايش|شو|ايه) (?:في|فيه|فيها|داخله|داخلها|جواه|جواها)\s*\?*\s*$/u;

/** "and the earbuds?", "what about the laptop?": after an order card, another of the customer's products. */
const AND_THE_PRODUCT =
  /^\s*(?:and|what about|how about)\s+(?:the|my)\s+[\p{L}\d]+(?:\s+[\p{L}\d]+)?\s*[?.!]*\s*$/iu;
/** "والسماعات؟", "طيب والكفرات وصلت؟": the same in Arabic, the product carrying its "and". */
const AND_THE_PRODUCT_AR =
  /^\s*(?:(?:طيب|طب|اوكي|تمام)\s+)?وال\p{L}+(?:\s+(?:حقي|حقتي|بتاعي|بتاعتي|تبعي|وصلت|وصل|وصلو|انشحنت|انشحن))?\s*[؟?!.]*\s*$/u;

/**
 * "menu", "main menu please", "back to menu", "القائمة", and "help" or "مساعدة" with nothing to
 * help with yet: the whole message (without its closing punctuation) asks for the menu.
 */
const MENU_ONLY: readonly RegExp[] = [
  /^(?:(?:show|send|give) (?:me )?(?:the )?|(?:i want to |can i |let me )?(?:go back|get back|return|back) to (?:the )?)?(?:main )?menu(?: please| pls)?$/i,
  /^(?:(?:ابي|ابغى|ابغي|بدي|ممكن)\s+)?(?:(?:ارجع|رجعني|ارجعني|رجوع)\s*)?(?:لل|ل|ال)?(?:قائمة|قائمه|منيو)(?: ال?رئيسي[ةه])?$/u,
  /^(?:(?:i )?(?:need|want) (?:some )?help|(?:can|could) (?:someone|somebody|anyone|you) help(?: me)?|help(?: me)?)(?: please| pls| plz)?$/i,
  /^(?:(?:(?:ابي|ابغى|ابغي|بدي|محتاج|احتاج|ممكن)\s+)?(?:مساعدة|مساعده|تساعدني|تساعدوني)|ساعدني|ساعدوني)$/u,
];
const asksForMenu = (text: string) => {
  const whole = text.trim().replace(/[\s.!?؟]+$/u, '');
  return MENU_ONLY.some((menu) => menu.test(whole));
};

/**
 * "I have a question", "can I ask something?", "عندي سؤال", "ممكن استفسر؟", "ممكن سؤال": the question is still
 * to come. Matched on the normalised whole message (أ → ا, ى → ي, ؟ → ?).
 */
const QUESTION_TO_COME =
  /^(?:(?:hi|hello|hey|ok|okay|please|pls|sorry|no|nope|yes|yeah|yep|actually)[\s,.!]+)*(?:i (?:have|got|ve got|have got) (?:a |an |one |some |another |few |a few )?(?:quick |small |little )?(?:question|query|inquiry|enquiry)s?|(?:can|could|may) i ask (?:you )?(?:a |an |one |some )?(?:quick |small )?(?:question|thing|something)s?|(?:quick |small )?question)(?: please| pls)?[\s?.!]*$|^(?:(?:السلام عليكم|مرحبا|هلا|لو سمحت|اهلا|لا|اي|ايوه|ايه|نعم|بلى)[\s,،]+)*(?:(?:عندي|لدي|عندى|فيه|في|ممكن) (?:سوال|سؤال|استفسار|استفسارات|سوالين|سؤالين)|(?:ممكن|اقدر|ابي|ابغي|ابغى|بدي|حاب|ودي) (?:اسال|استفسر|اسالك|اسالكم)(?: سوال| سؤال| عن شي| شي| شغله)?|سوال|سؤال|استفسار)(?: ثاني| اخر| كمان)?(?: لو سمحت| اذا سمحت| بسيط| صغير)?[\s?.!]*$/u;

/**
 * "sorry for bothering you again", "اسف على الازعاج": an apology for writing, with the question still
 * to come (matched on the normalised text, the whole message); not an upset "again".
 */
const APOLOGY_FOR_WRITING =
  /^(?:(?:hi|hello|hey)[\s,.!]+)?(?:sorry|sry|so sorry) (?:to|for) (?:bother|bothering|disturb|disturbing|trouble|troubling)(?: you| u)?(?: again)?(?: (?:but|with) (?:one more|another) question)?[\s,.!?]*$|^(?:اسف|اسفه|سوري|المعذره) (?:علي|ع) (?:الازعاج|الازعاج مره ثانيه|الازعاج مجددا)[\s,.!؟]*$/u;

/**
 * "wrong number, sorry", "sent this by mistake", "سوري غلطت بالرقم", "الرسالة مو لكم": written to
 * the shop by mistake. Matched on the normalised text, the whole message. Not "رقم غلط" alone, which
 * may be the wrong phone number on an order.
 */
const WRONG_CHAT =
  /^(?:(?:sorry|oops|sry|my bad)[\s,.!]*)*(?:(?:(?:this is |its |it's )?(?:the )?wrong (?:number|chat|person|contact|conversation))|(?:i )?(?:sent|texted|messaged) (?:(?:this|it|that|you) )?(?:to the wrong (?:number|person|chat)|by mistake)|not for you)(?:[\s,.!]*(?:sorry|oops|sry|my bad))*[\s,.!]*$|^(?:(?:اسف|اسفه|سوري|عفوا|المعذره)[\s,،.!]*)*(?:غلطت (?:في |ب)?(?:ال)?رقم|غلطت (?:في |ب)?(?:ال)?محادثه|(?:الرساله )?(?:مو|مب|مش|ماهي) لكم|ارسلتها بالغلط|بالغلط)(?:[\s,،.!]*(?:اسف|اسفه|سوري|عفوا))*[\s,،.!]*$/u;

/** Frustration from one mild signal on ("late again", "😡"): enough to apologise, not to escalate. */
const UPSET = 0.3;

/** "bye", "مع السلامة": thanks that also take leave, which a "can I help with anything else?" ignores. */
const FAREWELL =
  /\b(?:bye|goodbye|good bye|cya|see you|take care|have a (?:nice|good|great|lovely) (?:day|one|evening|night|weekend))\b|مع السلام[ةه]|باي|في امان الله|فمان الله|يومك سعيد/iu;

/** "يعطيك العافية" wishes the bot well and is answered "الله يعافيك", not "you are welcome". */
const WISHES_WELL = /يعطي(?:ك|كم) العافي[ةه]/u;

/** "why…?", "ليش…؟": a complaint asked as a question. */
const ASKS_WHY = /\b(?:why|y|lesh|leh)\b|ليش|ليه/iu;

/** "I don't have the number", "ما عندي رقم الطلب": after the bot asked for it. */
const NO_NUMBER =
  /\b(?:dont|don't|do not|didnt|didn't|no)\b.*\b(?:have|know|remember|got|find)\b|\b(?:lost|forgot)\b|\bwhere\b.*\b(?:find|get|see|look)\b|\bhow\b.*\bfind\b|ما عندي|ماعندي|ما اعرف|ما أعرف|مدري|ما ادري|ما أدري|ماادري|(?:مش|مو|مب) عارف|ما بعرف|مابعرف|معرفش|نسيت|ضيعت|ما احفظ|ما اذكر|ما أذكر|(?:مش|مو|مب) فاكر|وين (?:القى|القي|ألقى|الاقي|ألاقي|القاه|ألقاه|الاقيه|ألاقيه|احصل|أحصل|اشوف|أشوف)/iu;
/**
 * "what is my order number?", "وين القى رقم الطلب؟", "ما عندي رقم الطلب", "how many orders do I
 * have?": the customer's orders answer it, by number.
 */
const ASKS_ORDER_NUMBER =
  /\b(?:what|whats|where|which|forgot|forget|lost|know|find)\b[^.?!]*\bmy order (?:number|no|id)\b|\b(?:dont|don't|do not)\b (?:have|know)\b[^.?!]*\b(?:my|the) order (?:number|no|id)\b|\bhow many orders\b|(?:وش|ايش|شو|شنو|ما هو|كم|وين|فين|اين|نسيت|ضيعت|ابي اعرف|ما عندي|ماعندي|ما معي|معنديش|ما اعرف|مش عارف)(?: (?:القى|الاقي|ألقى|ألاقي|احصل|أحصل|اشوف|أشوف|اعرف|أعرف))? رقم (?:ال)?(?:طلب|اوردر)|كم (?:طلب|اوردر) (?:عندي|لي|سويت|طلبت|مسجل)/iu;
/** "where are my orders?", "طلباتي": all of them, not the one on its way. */
const ALL_ORDERS = /\borders\b|طلباتي|الطلبات/iu;

/** The order card for `orderId` (a bare number finds the customer's own order with those digits). */
async function lookUp(
  tools: AgentTools,
  orderId: string,
  language: Language,
  today: string,
  detail?: OrderDetail,
) {
  const result = await tools.trackOrder(orderId);
  const id = result.found ? result.order.id : orderId;
  const unavailable = !result.found && result.reason === 'unavailable';
  return {
    message: text(orderReply(result, id, language, today, detail)),
    // the order system down is a turn the bot could not handle: asked again, a person is called
    handled: !unavailable,
    // not found: the customer's next number ("sorry, it's 1002") is the order's
    pendingQuestion: result.found ? null : 'order_id',
    attempt: `looked up order ${id}${result.found ? '' : unavailable ? ' (the order system did not answer)' : ' (not shown: not found or not verified)'}`,
    ...(result.found ? { shownOrderId: result.order.id } : {}),
  } satisfies ScriptedReply;
}

/** The reply after "I am sorry for the trouble.", for a customer upset with what it answers. */
function apologising(reply: ScriptedReply, language: Language): ScriptedReply {
  return { ...reply, message: text(`${say('sorryForTrouble', language)} ${outboundText(reply.message)}`) };
}

/**
 * "and 1002 and A3001?": the card of each order named, one after the other. The last one found is
 * the one a follow-up ("when will it arrive?") is about.
 */
async function lookUpEach(tools: AgentTools, orderIds: readonly string[], language: Language, today: string) {
  const cards = await Promise.all(orderIds.map((orderId) => lookUp(tools, orderId, language, today)));
  const shown = cards.flatMap((card) => (card.shownOrderId === undefined ? [] : [card.shownOrderId]));
  const lastShown = shown[shown.length - 1];
  return {
    // "I could not verify your number" once, not once per order
    message: text([...new Set(cards.map((card) => outboundText(card.message)))].join('\n\n')),
    handled: cards.every((card) => card.handled),
    pendingQuestion: shown.length === cards.length ? null : 'order_id',
    attempt: cards.map((card) => card.attempt).join('; '),
    ...(lastShown === undefined ? {} : { shownOrderId: lastShown }),
  } satisfies ScriptedReply;
}

/** The customer's order besides the one shown, or the list when there are several others. */
async function otherOrderReply(
  tools: AgentTools,
  shownOrderId: string,
  language: Language,
  today: string,
): Promise<ScriptedReply | undefined> {
  const own = await tools.customerOrders();
  if (!own.found) return undefined;
  const others = own.orders.filter((order) => order.id !== shownOrderId);
  const [only] = others;
  if (only === undefined) return undefined;
  if (others.length === 1) return lookUp(tools, only.id, language, today);
  return customerOrdersReply(tools, own, { text: '', language, today, all: true });
}

/**
 * Which order? The one with the product the customer named, or the one on its way when there is
 * exactly one (unless all were asked for), else the list of the customer's orders to pick from;
 * without any known, the bot asks for the number.
 */
async function customerOrdersReply(
  tools: AgentTools,
  own: CustomerOrdersResult,
  request: {
    text: string;
    language: Language;
    today: string;
    all: boolean;
    upset?: boolean;
    /** The text answers "which order?" after the list: any product it names picks one. */
    picking?: boolean;
  },
): Promise<ScriptedReply> {
  const { language, today, all, upset = false, picking = false } = request;
  // "الطلب ما وصل 😡😡": an apology first, and no cheerful "Sure!" before the question
  const sorry = upset ? `${say('sorryForTrouble', language)} ` : '';
  if (!own.found && own.reason === 'unavailable') {
    return {
      message: text(`${sorry}${say('ordersUnavailable', language)}`),
      handled: false,
      pendingQuestion: 'order_id',
      attempt: "tried to list the customer's orders (the order system did not answer)",
    };
  }
  if (!own.found && all) {
    // asked again for a number they do not have: say where to find it instead
    const why = own.reason === 'no_verified_phone' ? 'orderNoPhone' : 'noOrdersForPhone';
    return { message: text(`${sorry}${say(why, language)}`), handled: true, pendingQuestion: 'order_id' };
  }
  if (!own.found) {
    const ask = say(upset ? 'askOrderIdSorry' : 'askOrderId', language);
    return { message: text(ask), handled: true, pendingQuestion: 'order_id' };
  }
  const card = async (orderId: string) => {
    const reply = await lookUp(tools, orderId, language, today);
    return upset ? apologising(reply, language) : reply;
  };
  const naming = ordersNamingProduct(request.text, own.orders, picking);
  const [named] = naming ?? [];
  if (named !== undefined && naming?.length === 1) return card(named.id);
  const open = own.orders.filter((order) => isOpenOrder(order.status));
  const [only] = open;
  // "where is my camera?" with no camera ordered: the one on its way is not it, the list says so
  const otherProduct = naming?.length === 0;
  if (!all && !otherProduct && open.length === 1 && only !== undefined) return card(only.id);
  return {
    message: text(`${sorry}${orderListReply(own.orders, language, today)}`),
    handled: true,
    pendingQuestion: 'order_id',
    attempt: `listed the customer's orders (${own.orders.map((order) => order.id).join(', ')})`,
  };
}

/**
 * Turns that need no model: the menu, greetings, thanks, media and order lookups. Returns
 * undefined for open questions, which go to the responder with its tools.
 */
export async function scriptedReply(input: {
  inbound: InboundTurn;
  classification: Classification | null;
  language: Language;
  pendingQuestion: PendingQuestion;
  customerName: string | null;
  businessName: string;
  /** The shop's local date, YYYY-MM-DD: an order's ETA before it is late. */
  today: string;
  /** The order the bot last showed this customer, if any. */
  shownOrderId: string | null;
  /** Whether anyone (the bot, an agent) has written to the customer in this conversation yet. */
  answeredBefore: boolean;
  /** What the customer wrote just before this message, if anything. */
  previousCustomerText: string | null;
  tools: AgentTools;
}): Promise<ScriptedReply | undefined> {
  const { classification: c, language, inbound } = input;
  const menu = () =>
    welcomeMenu(language, {
      ...(input.customerName ? { name: input.customerName } : {}),
      business: input.businessName,
    });
  // the customer opened the chat for the first time (Meta's request_welcome): greet them
  if (inbound.type === 'request_welcome') return { message: menu(), handled: true, pendingQuestion: null };
  const unreadMedia = inbound.text === '' && inbound.buttonId === undefined;
  if (c === null || (unreadMedia && !c.humanRequest.requested)) {
    return {
      message: text(mediaReply(inbound.type, language)),
      handled: true,
      pendingQuestion: input.pendingQuestion,
    };
  }
  // "and when will it arrive?", "where is it now?" after an order was shown are about that order;
  // so is "who is the courier?", whatever else it reads as (the couriers' delivery codes)
  const ofTheCard = input.shownOrderId !== null && c.intent !== 'complaint';
  const spelt = normalizeForMatching(inbound.text);
  // not the ways to pay, which the pages list
  if (ofTheCard && input.shownOrderId !== null && ASKS_HOW_PAID.test(spelt)) {
    return {
      message: text(say('paymentNotShown', language, { id: input.shownOrderId })),
      handled: true,
      pendingQuestion: null,
    };
  }
  const asksCarrier = ofTheCard && ASKS_CARRIER.test(spelt);
  const asksItems = ofTheCard && ASKS_ITEMS.test(spelt);
  const asksAboutShown =
    c.intent === 'order_status' ||
    (c.intent === 'unknown' && ABOUT_IT.test(inbound.text)) ||
    (input.shownOrderId !== null && WAITING_ON_IT.test(spelt)) ||
    asksCarrier ||
    asksItems;
  // a product named ("and my earbuds?") picks its own order, which may be the one shown
  const followUp =
    asksAboutShown &&
    input.shownOrderId !== null &&
    !ANOTHER_ORDER.test(inbound.text) &&
    !namesProduct(inbound.text)
      ? input.shownOrderId
      : undefined;
  // "1001" alone, unasked: what else would a number sent to a shop's support be
  const ordersInView = input.shownOrderId !== null || input.pendingQuestion === 'order_id';
  // "is shipping free over 1000?" then "and 1001?" asks about another amount, even one that is also
  // an order number of theirs
  const amountAskedBefore =
    input.previousCustomerText !== null && ABOUT_AN_AMOUNT.test(input.previousCustomerText);
  const bare = amountAskedBefore ? undefined : await bareOrderNumber(inbound.text, ordersInView, input.tools);
  const named =
    c.entities.orderIds[0] ??
    (input.pendingQuestion === 'order_id' ? numberInReply(inbound.text) : undefined) ??
    (c.intent === 'order_status' ? namedNumber(inbound.text) : undefined);
  const orderId = named ?? followUp ?? bare;
  const wantsOrder =
    c.intent === 'order_status' ||
    asksCarrier ||
    asksItems ||
    followUp !== undefined ||
    bare !== undefined ||
    (input.pendingQuestion === 'order_id' && c.intent !== 'faq');
  // "and when will it arrive?" right after the card: what changes, not the items and total again
  const brief = named === undefined && followUp !== undefined && !asksItems;
  // "and 1002 and A3001?": each of them, unless one corrects another ("wrong one lol, A3001")
  const listed = c.entities.orderIds;
  if (listed.length > 1 && named !== undefined && wantsOrder && correctedOrderId(inbound.text) === undefined)
    return lookUpEach(input.tools, listed, language, input.today);
  if (orderId !== undefined && wantsOrder) {
    const card = await lookUp(input.tools, orderId, language, input.today, {
      brief,
      carrier: asksCarrier || !brief,
      when: ASKS_WHEN.test(spelt),
    });
    // "why is it taking so long?" after its card: an apology first, as the list of orders has
    const upsetAboutIt = followUp !== undefined && named === undefined && c.frustration >= UPSET;
    return upsetAboutIt && card.shownOrderId !== undefined ? apologising(card, language) : card;
  }
  // "the second one", "the one that shipped", "the case" in answer to "which order?" (after the list
  // or the question for a number); "no, I meant the case" after a card
  const answersWhich = input.pendingQuestion === 'order_id' && c.intent !== 'menu_choice';
  const correcting = input.shownOrderId !== null && correctsTheOrder(inbound.text);
  if (answersWhich || correcting) {
    const own = await input.tools.customerOrders();
    const picked = own.found ? pickFromList(inbound.text, own.orders, { inList: answersWhich }) : undefined;
    const card = picked && (await lookUp(input.tools, picked.id, language, input.today));
    // "طيب ليش لسا ما انشحن؟" picks the one not shipped, and is upset about it ("the one that's still
    // processing" only picks it)
    const upsetWhy = c.frustration >= UPSET && ASKS_WHY.test(spelt);
    if (card !== undefined) return upsetWhy ? apologising(card, language) : card;
  }
  const askedAfter =
    orderId === undefined && !amountAskedBefore ? await ownOrdersAskedAfter(inbound.text, input.tools) : [];
  if (askedAfter.length > 1) return lookUpEach(input.tools, askedAfter, language, input.today);
  const [onlyAskedAfter] = askedAfter;
  if (onlyAskedAfter !== undefined) return lookUp(input.tools, onlyAskedAfter, language, input.today);
  // "oops wrong one", "wrong one, I meant my earbuds order": the customer's own slip, with no number
  if (isBareSlip(inbound.text)) {
    if (namesProduct(inbound.text)) {
      const own = await input.tools.customerOrders();
      return customerOrdersReply(input.tools, own, {
        text: inbound.text,
        language,
        today: input.today,
        all: false,
      });
    }
    // after a card or the question for the number, the number was what they got wrong
    if (ordersInView)
      return { message: text(say('askOrderId', language)), handled: true, pendingQuestion: 'order_id' };
    const business = input.businessName;
    return { message: text(say('wrongChat', language, { business })), handled: true, pendingQuestion: null };
  }
  // "and my other order?", "طيب والثاني؟" after an order was shown
  if (
    input.shownOrderId !== null &&
    (c.intent === 'order_status' || c.intent === 'unknown') &&
    ANOTHER_ORDER.test(inbound.text)
  ) {
    const other = await otherOrderReply(input.tools, input.shownOrderId, language, input.today);
    if (other !== undefined) return other;
  }
  // "what about my other order?" with none shown (or forgotten after a handoff): all of them
  const otherOfMine = ANOTHER_ORDER.test(inbound.text) && MY_ORDER_WORD.test(inbound.text);
  const noNumber =
    otherOfMine ||
    (input.pendingQuestion === 'order_id' && NO_NUMBER.test(inbound.text)) ||
    (c.intent !== 'complaint' && ASKS_ORDER_NUMBER.test(inbound.text));
  const productFollowUp =
    input.shownOrderId !== null &&
    ((AND_THE_PRODUCT.test(inbound.text) && namesProduct(inbound.text)) ||
      (AND_THE_PRODUCT_AR.test(inbound.text) && namesProduct(inbound.text, true)));
  // "the one with the laptop", "اللابتوب" in answer to "which order?": the product picks it
  const picking = (answersWhich || correcting) && c.intent !== 'faq' && namesProduct(inbound.text, true);
  if (
    c.intent === 'order_status' ||
    (c.intent === 'menu_choice' && c.menuChoice === 'menu_order') ||
    noNumber ||
    productFollowUp ||
    picking
  ) {
    const own = await input.tools.customerOrders();
    const all = noNumber || ALL_ORDERS.test(inbound.text);
    return customerOrdersReply(input.tools, own, {
      text: inbound.text,
      language,
      today: input.today,
      all,
      upset: c.frustration >= UPSET,
      picking: picking || productFollowUp,
    });
  }
  if (c.intent === 'menu_choice' && c.menuChoice === 'menu_faq') {
    return { message: text(say('faqPrompt', language)), handled: true, pendingQuestion: null };
  }
  if (WRONG_CHAT.test(spelt)) {
    const business = input.businessName;
    return { message: text(say('wrongChat', language, { business })), handled: true, pendingQuestion: null };
  }
  if (QUESTION_TO_COME.test(spelt) || APOLOGY_FOR_WRITING.test(spelt)) {
    return { message: text(say('askAway', language)), handled: true, pendingQuestion: null };
  }
  // "yalla bye" reads as a greeting, and is a goodbye
  if (c.intent === 'greeting' && FAREWELL.test(inbound.text)) {
    return { message: text(say('goodbye', language)), handled: true, pendingQuestion: null, courtesy: true };
  }
  // "hello" → menu → "hello?": the customer checks someone is there, and has had the menu once
  if (
    c.intent === 'greeting' &&
    input.previousCustomerText !== null &&
    onlyGreets(input.previousCustomerText) &&
    !asksForMenu(inbound.text)
  ) {
    return {
      message: text(say('stillHere', language)),
      handled: true,
      pendingQuestion: null,
      courtesy: true,
    };
  }
  // "?" alone is "hello? can you help?": the menu answers it
  const onlyAsks = /^[\s?؟]+$/u.test(inbound.text);
  // "I want to return to the main menu" is no return of an item
  if (c.intent === 'greeting' || asksForMenu(inbound.text) || (c.intent === 'unknown' && onlyAsks)) {
    return { message: menu(), handled: true, pendingQuestion: null };
  }
  // "no", "لا بس كذا" after "anything else?": not asked again
  if (input.answeredBefore && declinesMore(inbound.text)) {
    return {
      message: text(say('nothingMore', language)),
      handled: true,
      pendingQuestion: null,
      courtesy: true,
    };
  }
  // "ok" to "please send me your order number": the question still stands
  if (c.intent === 'thanks' && input.pendingQuestion === 'order_id' && acknowledges(inbound.text)) {
    return { message: text(say('askOrderIdLater', language)), handled: true, pendingQuestion: 'order_id' };
  }
  // "ok" as the first message has nothing to be thanked for: it opens the chat
  if (c.intent === 'thanks' && !input.answeredBefore && acknowledges(inbound.text)) {
    return { message: menu(), handled: true, pendingQuestion: null };
  }
  if (c.intent === 'thanks') {
    const reply = FAREWELL.test(inbound.text)
      ? 'goodbye'
      : WISHES_WELL.test(inbound.text)
        ? 'wellWishedBack'
        : praises(inbound.text)
          ? 'praised'
          : tellsGoodNews(inbound.text)
            ? 'gladToHear'
            : 'thanks';
    return { message: text(say(reply, language)), handled: true, pendingQuestion: null, courtesy: true };
  }
  // "😡" alone: no words to answer, but something went wrong for them
  if (c.intent === 'unknown' && c.frustration > 0 && !/\p{L}/u.test(inbound.text)) {
    return {
      message: text(say('upset', language)),
      handled: true,
      pendingQuestion: input.pendingQuestion,
    };
  }
  return undefined;
}
