import type { FaultKind } from '../../src/llm/meter.js';
import type { EvalCase } from './case-schema.js';

/** What the LLM did during one conversation (all zero for the offline engine). */
export interface LlmUsage {
  /** HTTP attempts to the model, retries included. */
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** Only the priced models' share: see `unpricedModels`. */
  costUsd: number;
  /** Failed attempts (a timeout, a 5xx, a malformed answer…), retries included. */
  faults: number;
  faultsByKind: Partial<Record<FaultKind, number>>;
  /** Jobs (classify, respond, summarise) the offline engine answered because the model failed. */
  fallbacks: number;
  /** Models with no known price: their tokens cost an unknown amount, not $0. */
  unpricedModels: string[];
}

export function noLlmUsage(): LlmUsage {
  return {
    calls: 0,
    promptTokens: 0,
    completionTokens: 0,
    costUsd: 0,
    faults: 0,
    faultsByKind: {},
    fallbacks: 0,
    unpricedModels: [],
  };
}

export interface TurnOutcome {
  /** 1-based, as `atTurn` counts. */
  index: number;
  /** What the customer sent, as a person would read it ("[image] caption", "button menu_agent"). */
  input: string;
  /** Bot replies sent in answer to this turn (texts). */
  replies: string[];
  /** Knowledge documents the replies of this turn were grounded in. */
  knowledgeDocs: string[];
  /** Time from delivery to the turn's replies being queued, ms. */
  latencyMs: number;
  /** A handoff was created in answer to this turn. */
  handoff: boolean;
}

export interface HandoffOutcome {
  /** The turn (1-based) whose processing created the first handoff. */
  atTurn: number;
  reasons: string[];
  queue: string;
  priority: string;
  afterHours: boolean;
}

/** Everything the runner observed while playing one case through the real pipeline. */
export interface CaseOutcome {
  case: EvalCase;
  /** Set when the run itself failed (an exception, a webhook that did not answer 200): the case fails. */
  error?: string;
  turns: TurnOutcome[];
  handoff?: HandoffOutcome;
  llm: LlmUsage;
}
