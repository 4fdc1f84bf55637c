import { isNegated } from './framing.js';
import { compileAll, findAll, type PhraseMatch, type PreparedText } from './phrases.js';

/**
 * The customer no longer wants the person they asked for: "never mind, I found it", "cancel my
 * request", "خلاص انحلت". Not "cancel my order", which is a cancellation request.
 */
const WITHDRAWAL = compileAll([
  'never mind',
  'nevermind|nvm',
  'forget it|that|about',
  'no need .. agent|person|human|anyone|help|anymore',
  'cancel|withdraw|drop .. my|the|this .. request|ticket|chat',
  'dont|doesnt .. need .. agent|person|human|anyone|help .. anymore|now',
  'do not need .. agent|person|human|anyone|help',
  'no longer need .. agent|person|human|anyone|help',
  // not "found out": "I found out it was charged twice" is news, not a withdrawal
  'found|figured it',
  'i|ive sorted|solved|fixed it',
  'all sorted',
  // "it's fine now thanks", "all good now"
  'its|all fine|ok|okay|good now',
  'خلاص تمام|زبطت|اشتغل|ضبطت',
  'problem|issue|its solved|sorted|fixed|resolved',
  'problem|issue|it is|was solved|sorted|fixed|resolved',
  'ما|مو احتاج|ابي|ابغي|يحتاج .. موظف|احد|تحويل|خلاص',
  'خلاص ما|مو احتاج|ابي|ابغي|يحتاج',
  // "خلاص مشكور ما احتاج"
  'خلاص|مشكور|شكرا|تسلم .. ما|مو احتاج|ابي|ابغي|يحتاج',
  'انسي|انسوا|انسو|انساها .. الموضوع|خلاص',
  'انساها|انسوها',
  'لا تحولني|تحولوني',
  'الغ|الغي|الغوا التحويل|المحادثه',
  'انحلت|انحل|تحلت|اتحلت|اتحل|حليتها|حليته|لقيته|لقيتها',
  // "cancel that, I don't need an agent"
  'dont|doesnt need .. agent|person|human|anyone',
  // "لا خلاص مو لازم", "خلاص مش محتاج، اتحلت": not "مش محتاج الشاحن" (a return)
  'خلاص .. مو|مش|ماله|ماهو لازم',
  'مو|مش لازم خلاص',
  'خلاص .. مو|مش|ما محتاج|محتاجه|محتاجين',
  'مو|مش|ما محتاج|محتاجه .. موظف|احد|حد|خلاص',
]);

/**
 * "خلاص لقيت الحل، مشكورين": found what they needed; unlike the phrasings above, these carry no
 * negation of their own, so "ما لقيت الحل" is no withdrawal, nor "عرفت الطريقة بس ما زبطت".
 */
const FOUND_IT = compileAll(['لقيت|حصلت|عرفت الحل|الجواب|الطريقه']);
const BUT_NOT = compileAll(['ما|مو|مش|وما|غلط|خطا|not|isnt|didnt|doesnt|cant|wrong']);

/** Not checked for negation: the Arabic phrasings carry their own (لا، ما ابي موظف). */
export function withdrawsRequest(text: PreparedText): boolean {
  if (findAll(text, WITHDRAWAL).length > 0) return true;
  const found = findAll(text, FOUND_IT).some((match) => !isNegated(text, match));
  return found && findAll(text, BUT_NOT).length === 0;
}

/**
 * The customer keeps what they had asked to cancel: "actually don't cancel it, I'll keep it",
 * "لا تلغونه، بخليه". Only a withdrawal where the handoff was for that cancellation alone, and only
 * said plainly: not "I can't keep it", "you can keep it", "don't cancel my other orders, just 1002".
 */
const KEEPING = compileAll([
  'dont cancel it|anything',
  'do not cancel it|anything',
  'dont cancel my|the order',
  'do not cancel my|the order',
  'no need to cancel',
  'ill|will|gonna keep it|them',
  'want|like|decided|going to keep it|them',
  'want|like|decided|going to keep the|my order',
  'actually|ok|okay|nah keep it|them',
  // "no need, keep it", "cancel that, I'll keep my order"
  'ill|will|gonna keep my|the .. order',
  'no need keep it|them',
  // "خلوه زي ما هو", Egyptian "متلغوش، هستلمه"
  'خلوه|خلوها|خليه|خليها زي|مثل|كما ما|هو|هي',
  // "تراجعت، خلوه يوصل عادي"
  'خلوه|خلوها|خليه|خليها يوصل|يجي|يمشي|يكمل|توصل|تجي|تمشي',
  // Egyptian سيبوه: "لا خلاص سيبوه زي ما هو", "خلاص سيبوه يوصل"
  'سيبوه|سيبوها|سيبه|سيبها زي|يوصل|يجي|ييجي|توصل|تيجي',
  'متلغوش|متلغيش|ماتلغوش|ماتلغيش|متلغوهوش|متكنسلوش',
  'لا تلغي|تلغون|تلغوا|تلغونه|تلغوه|تلغيه|تلغوها|تكنسل|تكنسلون|تكنسلوه',
  'ما|مو|مش|مب ابي|ابغى|ابغي|ابا|اريد|بدي|عايز|عاوز الغي|الغاء|الغيه|الغيها|اكنسل|اكنسله|كنسل|cancel',
  'مابي|مابغى|ماابي الغي|الغاء|الغيه|الغيها|اكنسل|اكنسله|كنسل|cancel',
  'بخليه|بخليها|بحتفظ|باحتفظ|بستلمه|بستلمها|هستلمه|هستلمها|هاستلمه|حستلمه|حستلمها',
]);
/**
 * What says the cancellation still stands: another order or a part still to cancel ("just 1002",
 * "only the subscription", "my other orders"), a condition ("اذا وصل بستلمه…"), leaving it with
 * the shop ("بخليه عندكم"), or a cancel asked for again ("الغوه احسن", "ما ابيه").
 */
const STILL_CANCELLING = compileAll([
  'only|other|though|except',
  'just|بس|فقط 0*|1*|2*|3*|4*|5*|6*|7*|8*|9*',
  'just|بس|فقط|غير .. subscription|membership|اشتراك*|عضويه',
  'if|اذا|لو|لما',
  'عندكم',
  'الغوه|الغوها|الغو|الغوا|الغيه|الغيها|كنسلوه|كنسلوها',
  'ما|مو|مش ابيه|ابيها|ابغاه|ابغاها|عايزه|عايزاه',
  'مابيه|مابيها',
  // "don't cancel the earbuds, cancel the laptop": a cancel still asked for (not the denied one)
  'cancel it|the|my|this|order|them',
  // "no, keep it cancelled", "لا خليه ملغي", "مستحيل هستلمه"
  'cancelled|canceled|ملغي|ملغيه|ملغى|ينلغي|تنلغي|يتلغى|يتلغي|تتلغى|يتكنسل|تتكنسل|مستحيل',
  // "I'll keep my order for the laptop but cancel 1002 today", "…as proof, please cancel"
  'cancel|الغوا|الغي 0*|1*|2*|3*|4*|5*|6*|7*|8*|9*',
  'please|pls|plz|just cancel',
  // "ok keep it short pls, I want the cancellation now", "خليه زي ما قلت لك، الغاء", a refund asked
  'want|need|wanna .. the|my|to .. cancellation|cancel|cancelling',
  'cancelling|cancellation|الغاء|استرجاع|الاسترجاع|استرداد|فلوس*|refund*',
  'dont want|need it|them',
  'do not want|need it|them',
]);

/**
 * "I was going to cancel it but…", "I decided not to cancel it", "ignore my request to cancel the
 * order": a cancel that no longer stands.
 */
const NO_LONGER = /(?:^|\s)(?:(?:was|were) (?:going to|gonna)|wanted to|meant to|not to|request to)$/u;
const noLonger = (text: PreparedText, match: PhraseMatch) =>
  NO_LONGER.test(
    text.tokens
      .slice(Math.max(0, match.start - 3), match.start)
      .map((token) => token.text)
      .join(' '),
  );

export function keepsWhatWasToBeCancelled(text: PreparedText): boolean {
  // "لا خلاص مش عايز الغيه": a cancel verb denied is the keeping itself
  const still = findAll(text, STILL_CANCELLING).filter(
    (match) => !isNegated(text, match) && !noLonger(text, match),
  );
  if (still.length > 0) return false;
  return findAll(text, KEEPING).some((match) => !isNegated(text, match));
}
