import { DAMAGED_AR, DAMAGED_EN } from './lexicon-needs-person.js';
import { compileAll, findAll, prepare } from './phrases.js';

/** What a photo shows an agent at a glance: damage, the wrong item, a part missing from the box. */
const SHOWN_IN_A_PHOTO = compileAll([
  `${DAMAGED_EN}|${DAMAGED_AR}`,
  'wrong|different|instead',
  'without|missing|incomplete',
  // "ordered a 16-inch and got a 14-inch", "ordered 2, only got 1"
  'ordered ... got|received|came|sent|delivered',
  'only .. got|received|came',
  'غلط|خطا|خاطئ*|مختلف*|بدل|بدال',
  'بدون|ناقص*|نقص|ينقص',
  // "جاني لون غير اللي طلبته"
  'غير|مو|مب .. اللي|الي|الذي',
  'طلبت ... وصلني|جاني|جتني|استلمت',
]);

/** The parcel was never handed over: "he left without giving me the parcel", "left without delivering". */
const NEVER_HANDED_OVER = compileAll([
  'left|went|drove|walked .. without|off|away',
  'without delivering|giving|handing|leaving',
]);

/**
 * Whether a photo of the item would help the agent with this item problem ("it arrived cracked",
 * "you sent the wrong colour"), unlike a parcel that never came.
 */
export function photoWouldShow(text: string): boolean {
  const prepared = prepare(text);
  return findAll(prepared, NEVER_HANDED_OVER).length === 0 && findAll(prepared, SHOWN_IN_A_PHOTO).length > 0;
}
