import { normalizeArabic, normalizeDigits } from '../../src/nlu/normalize.js';
import type { CaseOutcome } from './outcome.js';

export interface Check {
  /** `run`, `replies`, or the `expect` field it verifies (`escalate`, `atTurn`, `queue`, …). */
  name: string;
  passed: boolean;
  why?: string;
}

export interface CaseScore {
  passed: boolean;
  checks: Check[];
}

function check(name: string, passed: boolean, why: string): Check {
  return passed ? { name, passed } : { name, passed, why };
}

function describeHandoff(outcome: CaseOutcome): string {
  const { handoff } = outcome;
  if (!handoff) return 'no handoff';
  const reasons = handoff.reasons.join('+') || 'no reason';
  return `handoff at turn ${handoff.atTurn} (${reasons} → ${handoff.queue}/${handoff.priority})`;
}

/**
 * Scores one played case against its `expect`, per FORMAT.md. Pure: the same outcome always
 * gives the same checks, so a report can be recomputed and tests can use hand-built outcomes.
 */
export function scoreCase(outcome: CaseOutcome): CaseScore {
  const expect = outcome.case.expect;
  const { handoff } = outcome;
  const checks: Check[] = [];
  const replies = outcome.turns.flatMap((turn) => turn.replies);
  const folded = replies.map(foldForMatching);

  // Always required: a crashed run says nothing about the bot, so it must never count as a pass.
  checks.push(check('run', outcome.error === undefined, `run failed: ${outcome.error}`));
  checks.push(repliesCheck(outcome));

  if (expect.escalate !== undefined) {
    const happened = handoff !== undefined;
    checks.push(
      check(
        'escalate',
        happened === expect.escalate,
        expect.escalate
          ? 'expected a handoff, none happened'
          : `expected no handoff, got ${describeHandoff(outcome)}`,
      ),
    );
  }
  if (expect.atTurn !== undefined) {
    checks.push(
      check(
        'atTurn',
        handoff?.atTurn === expect.atTurn,
        `expected handoff at turn ${expect.atTurn}, got ${describeHandoff(outcome)}`,
      ),
    );
  }
  if (expect.reason !== undefined) {
    const got = handoff ? `reasons [${handoff.reasons.join(', ')}]` : 'no handoff';
    checks.push(
      check(
        'reason',
        handoff?.reasons.includes(expect.reason) ?? false,
        `expected reason ${expect.reason}, got ${got}`,
      ),
    );
  }
  if (expect.queue !== undefined) {
    const got = handoff?.queue ?? 'no handoff';
    checks.push(
      check('queue', handoff?.queue === expect.queue, `expected queue ${expect.queue}, got ${got}`),
    );
  }
  if (expect.priority !== undefined) {
    const got = handoff?.priority ?? 'no handoff';
    checks.push(
      check(
        'priority',
        handoff?.priority === expect.priority,
        `expected priority ${expect.priority}, got ${got}`,
      ),
    );
  }
  if (expect.afterHours !== undefined) checks.push(afterHoursCheck(outcome, expect.afterHours));
  if (expect.knowledge !== undefined) {
    const docs = [...new Set(outcome.turns.flatMap((turn) => turn.knowledgeDocs))];
    checks.push(
      check(
        'knowledge',
        docs.includes(expect.knowledge),
        `expected a reply grounded in "${expect.knowledge}", got [${docs.join(', ')}]`,
      ),
    );
  }
  if (expect.replyContains !== undefined) {
    const missing = expect.replyContains.filter(
      (text) => !folded.some((reply) => reply.includes(foldForMatching(text))),
    );
    checks.push(
      check('replyContains', missing.length === 0, `no reply contains ${missing.map(quote).join(', ')}`),
    );
  }
  if (expect.replyExcludes !== undefined) {
    const found = expect.replyExcludes.filter((text) =>
      folded.some((reply) => reply.includes(foldForMatching(text))),
    );
    checks.push(
      check('replyExcludes', found.length === 0, `a reply contains ${found.map(quote).join(', ')}`),
    );
  }
  return { passed: checks.every((item) => item.passed), checks };
}

/**
 * What `replyContains` and `replyExcludes` compare: lower case, then the NLU's own Arabic folding
 * (alef forms, ta marbuta, alef maqsura, Persian yeh and keheh, tashkeel, tatweel) and Arabic-Indic
 * digits and punctuation to ASCII, so "غير كلمة المرور" matches the bot's "غيّر كلمة المرور".
 *
 * After lower-casing, every step maps one character to a fixed character (or deletes it), whatever
 * surrounds it, and only Arabic characters change: so whenever a plain case-insensitive match finds a
 * string, this one finds it too, and `replyExcludes` can only catch more leaks, never miss one. That is why this is
 * not `normalizeForMatching`, which also drops apostrophes between letters, collapses spaces and
 * applies NFKC, each depending on the neighbouring characters (it would miss "'s" in "it's").
 */
export function foldForMatching(text: string): string {
  return normalizeDigits(normalizeArabic(text.toLowerCase()));
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * Every customer turn up to the handoff, the handoff turn included (it must at least tell the
 * customer they are being transferred), needs a bot reply: silence is the one thing the design
 * forbids outright. Turns after the handoff go to a human, so the bot is expected to stay quiet.
 */
function repliesCheck(outcome: CaseOutcome): Check {
  const last = outcome.handoff?.atTurn ?? Number.POSITIVE_INFINITY;
  const silent = outcome.turns
    .filter((turn) => turn.index <= last && turn.replies.length === 0)
    .map((turn) => turn.index);
  return check('replies', silent.length === 0, `no bot reply to turn ${silent.join(', ')}`);
}

/**
 * `afterHours` needs a packet that says so, and the customer must have been told when an agent
 * will answer. The notice's wording belongs to the prompts and differs by language, so "told"
 * is observed as: the handoff turn got a bot reply. Expecting `false` only checks the packet.
 */
function afterHoursCheck(outcome: CaseOutcome, expected: boolean): Check {
  const { handoff } = outcome;
  if (!handoff) return check('afterHours', false, `expected afterHours ${expected}, got no handoff`);
  if (handoff.afterHours !== expected) {
    return check(
      'afterHours',
      false,
      `expected afterHours ${expected}, the packet says ${handoff.afterHours}`,
    );
  }
  const told = (outcome.turns.find((turn) => turn.index === handoff.atTurn)?.replies.length ?? 0) > 0;
  return check(
    'afterHours',
    !expected || told,
    `after hours, but the customer got no reply at turn ${handoff.atTurn}`,
  );
}
