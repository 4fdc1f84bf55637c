import { BARE_FILLER, BARE_PERSON, HUMAN_MENTION, HUMAN_REQUEST } from './lexicon';
import { isNegated } from './framing';
import { compileAll, findAll, overlaps, type PreparedText } from './phrases';

/**
 * Whether the customer asks for a person. A person noun is not enough: "your delivery agent was
 * polite" and "is customer service open on Friday?" mention people without asking for one.
 */

const REQUESTS = compileAll(HUMAN_REQUEST);
const MENTIONS = compileAll(HUMAN_MENTION);
/** "Agent please", "خدمة العملاء" — longer messages need a request phrase, not just the noun. */
const BARE_MAX_TOKENS = 6;

export interface HumanRequest {
  readonly requested: boolean;
  readonly evidence?: string;
}

function bareRequest(text: PreparedText): string | undefined {
  const { tokens } = text;
  if (tokens.length === 0 || tokens.length > BARE_MAX_TOKENS) return undefined;
  const isPerson = (forms: readonly string[]) => forms.some((form) => BARE_PERSON.has(form));
  const allPolite = tokens.every((token) => isPerson(token.forms) || BARE_FILLER.has(token.text));
  if (!allPolite || !tokens.some((token) => isPerson(token.forms))) return undefined;
  return text.raw.trim();
}

export function detectHumanRequest(text: PreparedText): HumanRequest {
  const mentions = findAll(text, MENTIONS);
  const requests = findAll(text, REQUESTS);
  // "ما ابي اكلم موظف": the negated "ابي اكلم موظف" also takes its inner "اكلم موظف" with it.
  const negated = requests.filter((match) => isNegated(text, match));
  const request = requests.find(
    (match) =>
      !negated.some((denial) => overlaps(denial, match)) &&
      !mentions.some((mention) => overlaps(mention, match)),
  );
  if (request) return { requested: true, evidence: request.evidence };
  const bare = bareRequest(text);
  return bare === undefined ? { requested: false } : { requested: true, evidence: bare };
}
