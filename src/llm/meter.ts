/** The three jobs of the `Llm` port, as the meter and the prompts name them. */
export type LlmJob = 'classifier' | 'responder' | 'summariser';

export type FaultKind =
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'connection'
  | 'client_error'
  | 'malformed'
  | 'schema_violation'
  | 'unknown_tool'
  | 'bad_tool_arguments'
  | 'too_many_rounds'
  | 'invalid_handoff';

/** USD per one million tokens. */
export interface Price {
  input: number;
  output: number;
}

/**
 * List prices (USD per 1M tokens, standard tier) as published on openai.com/api/pricing in 2025.
 * Estimates only: check the provider's page before trusting a cost figure. A model is matched by
 * the longest name prefix, so dated snapshots ("gpt-4o-mini-2024-07-18") find their family. A model
 * that matches nothing (a local Ollama or vLLM model, an Azure deployment name) costs 0 and is
 * listed in `unpricedModels`, so a report can say the cost is unknown rather than free.
 */
export const DEFAULT_PRICES: Readonly<Record<string, Price>> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5': { input: 1.25, output: 10 },
};

export interface JobStats {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  latencyMs: number;
  /** Calls answered by the fallback engine after the model failed. */
  fallbacks: number;
}

export interface PromptSize {
  /** `job/version` of the prompt file. */
  id: string;
  chars: number;
  /** A rough count (chars / 4) for a quick look; `promptTokens` has the provider's real count. */
  approxTokens: number;
}

export interface LlmMeterSnapshot {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  latencyMs: number;
  fallbacks: number;
  faults: number;
  faultsByKind: Partial<Record<FaultKind, number>>;
  /** Turns the adapter answered without a model call (deterministic signals, reused drafts). */
  skipped: number;
  byJob: Record<LlmJob, JobStats>;
  promptSizes: Partial<Record<LlmJob, PromptSize>>;
  unpricedModels: string[];
}

const emptyJob = (): JobStats => ({
  calls: 0,
  promptTokens: 0,
  completionTokens: 0,
  costUsd: 0,
  latencyMs: 0,
  fallbacks: 0,
});

/**
 * Counts what the model costs: calls, tokens, estimated USD, faults and prompt sizes. Plain data
 * and arithmetic, no IO, so it runs the same on Node and Workers. The eval runner resets it before
 * a conversation and takes a snapshot after, which gives the figures per conversation.
 */
export class LlmMeter {
  private readonly prices: Readonly<Record<string, Price>>;
  private byJob: Record<LlmJob, JobStats> = {
    classifier: emptyJob(),
    responder: emptyJob(),
    summariser: emptyJob(),
  };
  private faultsByKind: Partial<Record<FaultKind, number>> = {};
  private skipped = 0;
  private unpriced = new Set<string>();
  /** Prompt sizes describe the configuration, not a conversation: `reset` keeps them. */
  private readonly promptSizes: Partial<Record<LlmJob, PromptSize>> = {};

  constructor(options: { prices?: Readonly<Record<string, Price>> } = {}) {
    this.prices = options.prices ?? DEFAULT_PRICES;
  }

  /** The price of a model by its longest matching name prefix; undefined when unknown. */
  priceOf(model: string): Price | undefined {
    const name = model.toLowerCase();
    const match = Object.keys(this.prices)
      .filter((prefix) => name.startsWith(prefix))
      .sort((a, b) => b.length - a.length)[0];
    return match === undefined ? undefined : this.prices[match];
  }

  call(
    job: LlmJob,
    model: string,
    usage: { promptTokens: number; completionTokens: number } | undefined,
    latencyMs: number,
  ): void {
    const stats = this.byJob[job];
    stats.calls++;
    stats.latencyMs += latencyMs;
    if (usage === undefined) return;
    stats.promptTokens += usage.promptTokens;
    stats.completionTokens += usage.completionTokens;
    const price = this.priceOf(model);
    if (price === undefined) {
      this.unpriced.add(model);
      return;
    }
    stats.costUsd += (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
  }

  fault(kind: FaultKind): void {
    this.faultsByKind[kind] = (this.faultsByKind[kind] ?? 0) + 1;
  }

  fallback(job: LlmJob): void {
    this.byJob[job].fallbacks++;
  }

  skip(): void {
    this.skipped++;
  }

  promptSize(job: LlmJob, id: string, systemPrompt: string): void {
    this.promptSizes[job] = {
      id,
      chars: systemPrompt.length,
      approxTokens: Math.ceil(systemPrompt.length / 4),
    };
  }

  snapshot(): LlmMeterSnapshot {
    const jobs = Object.values(this.byJob);
    const sum = (key: keyof JobStats) => jobs.reduce((total, stats) => total + stats[key], 0);
    return {
      calls: sum('calls'),
      promptTokens: sum('promptTokens'),
      completionTokens: sum('completionTokens'),
      costUsd: sum('costUsd'),
      latencyMs: sum('latencyMs'),
      fallbacks: sum('fallbacks'),
      faults: Object.values(this.faultsByKind).reduce((total, n) => total + n, 0),
      faultsByKind: { ...this.faultsByKind },
      skipped: this.skipped,
      byJob: {
        classifier: { ...this.byJob.classifier },
        responder: { ...this.byJob.responder },
        summariser: { ...this.byJob.summariser },
      },
      promptSizes: structuredClone(this.promptSizes),
      unpricedModels: [...this.unpriced],
    };
  }

  reset(): void {
    this.byJob = { classifier: emptyJob(), responder: emptyJob(), summariser: emptyJob() };
    this.faultsByKind = {};
    this.skipped = 0;
    this.unpriced = new Set();
  }
}
