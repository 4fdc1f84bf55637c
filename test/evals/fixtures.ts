import type { EvalCase } from '../../evals/lib/case-schema.js';
import type { RunResult } from '../../evals/lib/metrics.js';
import { type CaseOutcome, type HandoffOutcome, type LlmUsage, noLlmUsage } from '../../evals/lib/outcome.js';
import { scoreCase } from '../../evals/lib/score.js';

export interface TurnSpec {
  replies?: string[];
  docs?: string[];
  latencyMs?: number;
}

/** Builds what playing a case "observed", by hand, so the scoring can be checked without the bot. */
export function outcome(
  evalCase: EvalCase,
  turns: TurnSpec[],
  options: { handoff?: HandoffOutcome; llm?: Partial<LlmUsage>; error?: string } = {},
): CaseOutcome {
  return {
    case: evalCase,
    turns: turns.map((turn, index) => ({
      index: index + 1,
      input: String(evalCase.turns[index] ?? ''),
      replies: turn.replies ?? ['ok'],
      knowledgeDocs: turn.docs ?? [],
      latencyMs: turn.latencyMs ?? 0,
      handoff: options.handoff?.atTurn === index + 1,
    })),
    ...(options.handoff ? { handoff: options.handoff } : {}),
    ...(options.error ? { error: options.error } : {}),
    llm: { ...noLlmUsage(), ...options.llm },
  };
}

export function handoff(
  atTurn: number,
  reasons: string[],
  queue: string,
  priority: string,
  afterHours = false,
) {
  return { atTurn, reasons, queue, priority, afterHours };
}

export function evalCase(
  partial: Partial<EvalCase> & Pick<EvalCase, 'id' | 'expect'>,
  turnCount = 1,
): EvalCase {
  return { turns: Array.from({ length: turnCount }, (_, i) => `message ${i + 1}`), ...partial };
}

export function run(result: CaseOutcome, runNumber = 1): RunResult {
  return { key: result.case.id, run: runNumber, outcome: result, score: scoreCase(result) };
}

/**
 * The fixed nine-case set whose numbers metrics.test.ts checks by hand. The comment on each case
 * says what it is in the escalation confusion and why it passes or fails.
 */
export function fixedOutcomes(): CaseOutcome[] {
  return [
    // A: TP, everything right → passes.
    outcome(
      evalCase(
        {
          id: 'a-esc-ok',
          lang: 'en',
          tags: ['t1'],
          expect: { escalate: true, atTurn: 2, reason: 'frustration', queue: 'orders', priority: 'high' },
        },
        2,
      ),
      [{ latencyMs: 100 }, { latencyMs: 200 }],
      {
        handoff: handoff(2, ['frustration'], 'orders', 'high'),
        llm: { calls: 2, promptTokens: 100, completionTokens: 20, costUsd: 0.002 },
      },
    ),
    // B: TP, routed to the wrong queue → fails on queue.
    outcome(
      evalCase({
        id: 'b-wrong-queue',
        lang: 'en',
        tags: ['t1'],
        expect: { escalate: true, atTurn: 1, reason: 'sensitive_topic', queue: 'billing', priority: 'high' },
      }),
      [{ latencyMs: 300 }],
      {
        handoff: handoff(1, ['sensitive_topic'], 'general', 'high'),
        llm: { calls: 1, promptTokens: 50, completionTokens: 10, costUsd: 0.001 },
      },
    ),
    // C: FN → fails.
    outcome(
      evalCase({
        id: 'c-missed',
        lang: 'ar',
        tags: ['t2'],
        expect: { escalate: true, reason: 'human_requested', queue: 'general', priority: 'normal' },
      }),
      [{ latencyMs: 400 }],
    ),
    // D: FP → fails.
    outcome(
      evalCase({ id: 'd-false', lang: 'ar', tags: ['t2'], expect: { escalate: false } }),
      [{ latencyMs: 500 }],
      {
        handoff: handoff(1, ['complex_query'], 'technical', 'normal'),
        llm: { calls: 3, promptTokens: 300, completionTokens: 30, costUsd: 0.006 },
      },
    ),
    // E: TN, grounded, reply contains the text in another case → passes.
    outcome(
      evalCase({
        id: 'e-faq-ok',
        lang: 'en',
        tags: ['faq'],
        expect: { escalate: false, knowledge: 'shipping', replyContains: ['3 days'] },
      }),
      [{ replies: ['Delivery takes 3 DAYS in Riyadh'], docs: ['shipping'], latencyMs: 600 }],
    ),
    // F: TN, wrong document and a leaked order id (any case) → fails knowledge and replyExcludes.
    outcome(
      evalCase(
        {
          id: 'f-faq-bad',
          lang: 'ar',
          tags: ['faq'],
          expect: { escalate: false, knowledge: 'returns', replyExcludes: ['A1001'] },
        },
        2,
      ),
      [
        { latencyMs: 700 },
        { replies: ['your order a1001 is on its way'], docs: ['shipping'], latencyMs: 800 },
      ],
    ),
    // G: TP, but one turn late, silent at the handoff (so not told), wrong priority → fails.
    outcome(
      evalCase(
        {
          id: 'g-late-silent',
          lang: 'en',
          expect: { escalate: true, atTurn: 1, afterHours: true, queue: 'vip', priority: 'high' },
        },
        2,
      ),
      [{ latencyMs: 900 }, { replies: [], latencyMs: 1000 }],
      { handoff: handoff(2, ['human_requested'], 'vip', 'urgent', true) },
    ),
    // H: the run crashed: fails on run, and is left out of the escalation counts (it measured nothing).
    outcome(evalCase({ id: 'h-crash', lang: 'en', tags: ['t1'], expect: { escalate: false } }), [], {
      error: 'boom',
    }),
    // I: FN with three turns → fails.
    outcome(
      evalCase(
        { id: 'i-missed', lang: 'en', tags: ['t2'], expect: { escalate: true, reason: 'failed_attempts' } },
        3,
      ),
      [{ latencyMs: 50 }, { latencyMs: 60 }, { latencyMs: 70 }],
    ),
  ];
}
