import { isNegated, isQuestion, isReported } from './framing.js';
import {
  BARE_FILLER,
  BARE_PERSON,
  CONTACT_CHANNEL,
  HUMAN_MENTION,
  HUMAN_REQUEST,
  TEAM_NOUN,
} from './lexicon.js';
import { compileAll, findAll, overlaps, type PhraseMatch, type PreparedText, prepare } from './phrases.js';

/**
 * Whether the customer asks for a person. A person noun is not enough: "your delivery agent was
 * polite" and "is customer service open on Friday?" mention people without asking for one.
 */

const REQUESTS = compileAll(HUMAN_REQUEST);
const MENTIONS = compileAll(HUMAN_MENTION);
const CHANNELS = compileAll(CONTACT_CHANNEL);
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

/** "How do I contact customer service by email?": a team reached through a channel, asked about. */
function asksForChannel(text: PreparedText, match: PhraseMatch): boolean {
  const last = text.tokens[match.end - 1];
  const aboutTeam = last?.forms.some((form) => TEAM_NOUN.has(form)) ?? false;
  return aboutTeam && isQuestion(text) && findAll(text, CHANNELS).length > 0;
}

/** Where one clause ends and the next begins: "مش عايز بوت، عايز موظف". */
const CLAUSE_END = /[,.!?;\n\u060C\u061B\u061F]+/u;

export function detectHumanRequest(text: PreparedText): HumanRequest {
  const request = requestIn(text);
  if (request) return { requested: true, evidence: request.evidence };
  // "مش عايز بوت، عايز موظف": a match across the comma was denied and hid the clause that asks
  const clauses = text.raw.split(CLAUSE_END).filter((clause) => clause.trim() !== '');
  if (clauses.length > 1) {
    for (const clause of clauses) {
      const asked = requestIn(prepare(clause));
      if (asked) return { requested: true, evidence: asked.evidence };
    }
  }
  const bare = bareRequest(text);
  return bare === undefined ? { requested: false } : { requested: true, evidence: bare };
}

function requestIn(text: PreparedText): PhraseMatch | undefined {
  const mentions = findAll(text, MENTIONS);
  const requests = findAll(text, REQUESTS);
  // "ما ابي اكلم موظف": the negated "ابي اكلم موظف" also takes its inner "اكلم موظف" with it.
  const negated = requests.filter((match) => isNegated(text, match));
  return requests.find(
    (match) =>
      !negated.some((denial) => overlaps(denial, match)) &&
      !mentions.some((mention) => overlaps(mention, match)) &&
      !asksForChannel(text, match) &&
      !isReported(text, match),
  );
}
