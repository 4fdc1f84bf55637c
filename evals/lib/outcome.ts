import type { EvalCase } from './case-schema.js';

/** What the LLM did during one conversation (all zero for the offline engine). */
export interface LlmUsage {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  faults: number;
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
  /** Set when the run itself failed (an exception, a timeout): the case fails. */
  error?: string;
  turns: TurnOutcome[];
  handoff?: HandoffOutcome;
  llm: LlmUsage;
}
