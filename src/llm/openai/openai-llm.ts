import { type Logger, silentLogger } from '../../log/logger.js';
import { classifyOffline } from '../../nlu/classify.js';
import type { Classification, Language } from '../classification.js';
import type { LlmJob, LlmMeter } from '../meter.js';
import { searchWithOrderStage } from '../order-stage.js';
import type { ClassifyInput, Llm, RespondInput, RespondOutput, SummariseInput, TurnJob } from '../port.js';
import type { ModelContext } from './call.js';
import { classifyWithModel } from './classify-job.js';
import { type AzureSettings, type ChatClient, createOpenAiClient } from './client.js';
import { LLM_JOBS, type PromptSet } from './prompts.js';
import type { Excerpt } from './render.js';
import { knowledgeReply, respondWithModel } from './respond-job.js';
import { finishSummary, summariseWithModel } from './summarise-job.js';
import { TurnCache, turnKey, turnKeyOfTranscript } from './turn-cache.js';

/** Knowledge retrieval for the classifier's excerpts; `KnowledgeBase` fits as it is. */
export interface KnowledgeSearch {
  search(query: string, language: Language): readonly (Excerpt & { score: number })[];
}

export interface OpenAiLlmOptions {
  apiKey?: string;
  /** Any OpenAI-compatible server: OpenAI, Ollama, vLLM, llama.cpp, OpenRouter. */
  baseURL?: string;
  /** Azure OpenAI through the SDK's `AzureOpenAI` client; the deployment is the model. */
  azure?: AzureSettings;
  /** Wins over the prompt files' `model` front matter. */
  model?: string;
  /** Per call; default 8 s. */
  timeoutMs?: number;
  prompts: PromptSet;
  meter: LlmMeter;
  /** Answers a turn whose model call failed: the offline engine. */
  fallback: Llm;
  logger?: Logger;
  /** Lets the classifier call draft a grounded reply, which saves the responder call. */
  knowledge?: KnowledgeSearch;
  /** Streams completions (SSE) and folds the chunks; see `completeChat`. */
  stream?: boolean;
  /** Pause before the one retry; default 250 ms. */
  retryDelayMs?: number;
  /** A prebuilt client; otherwise one is built from the settings above. */
  client?: ChatClient;
}

export const DEFAULT_MODEL = 'gpt-4o-mini';
export const DEFAULT_TIMEOUT_MS = 8_000;
/**
 * A turn's model work (every job, every retry) ends within the call timeout plus this, counted
 * from the turn's start: a second attempt or a later job gets only what is left, so a customer
 * waits at most about `timeoutMs + TURN_GRACE_MS` before the offline engine answers, whatever fails.
 */
export const TURN_GRACE_MS = 500;
const EXCERPTS = 3;

/**
 * The `Llm` port on any OpenAI-compatible chat completions API.
 *
 * Call budget (at most ~1.3 calls per customer turn):
 * - Deterministic signals (buttons, menu digits, an explicit request for a person, as the offline
 *   NLU reads them) skip the model: 0 calls.
 * - Every other text turn makes ONE classifier call. It is shown the top knowledge excerpts for the
 *   message and, when they answer it, also drafts the reply (citing the excerpt); when the message
 *   looks like it needs a person it also drafts the agent's note.
 * - `respond` reuses a grounded draft of the same turn (0 calls); otherwise it runs function
 *   calling seeded with the same excerpts, so a plain question needs one round.
 * - `summarise` reuses the note of the turn that triggered the handoff (0 calls); otherwise 1 call.
 * Drafts are keyed by the turn's input (message + earlier customer messages), see `TurnCache`.
 *
 * Faults (timeout, 429, 5xx, malformed or schema-violating answers, unknown tools, bad tool
 * arguments) are retried once per job, then the fallback engine answers that call; each fault and
 * fallback is counted in the meter. Nothing a provider does makes this adapter throw.
 */
export class OpenAiLlm implements Llm {
  readonly name = 'openai';
  private readonly ctx: ModelContext;
  private readonly fallback: Llm;
  private readonly knowledge: KnowledgeSearch | undefined;
  private readonly drafts = new TurnCache();

  constructor(options: OpenAiLlmOptions) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const { prompts, meter } = options;
    const model = (job: LlmJob) =>
      options.azure?.deployment ?? options.model ?? prompts[job].model ?? DEFAULT_MODEL;
    this.ctx = {
      client: options.client ?? createOpenAiClient({ ...options, timeoutMs }),
      prompts,
      meter,
      logger: options.logger ?? silentLogger,
      timeoutMs,
      stream: options.stream ?? false,
      retryDelayMs: options.retryDelayMs ?? 250,
      model,
    };
    this.fallback = options.fallback;
    this.knowledge = options.knowledge;
    for (const job of LLM_JOBS) meter.promptSize(job, prompts[job].id, prompts[job].system);
  }

  async classify(input: ClassifyInput): Promise<Classification> {
    const offline = classifyOffline({
      text: input.text,
      ...(input.button === undefined ? {} : { button: input.button }),
      previousCustomerTexts: input.previousCustomerTexts,
      fallbackLanguage: input.language,
    });
    if (input.button !== undefined || offline.intent === 'menu_choice' || offline.humanRequest.requested) {
      this.ctx.meter.skip();
      return offline;
    }
    const excerpts = this.excerpts(input.text, input.language);
    const outcome = await classifyWithModel(this.forTurn(input), input, offline, excerpts);
    if (!outcome.ok) return this.fallBack('classifier', () => this.fallback.classify(input));
    this.drafts.set(turnKey(input.text, input.previousCustomerTexts), outcome.draft);
    return outcome.classification;
  }

  async respond(input: RespondInput): Promise<RespondOutput> {
    const draft = this.drafts.get(turnKeyOfTranscript(input.history))?.reply;
    if (draft !== undefined) {
      this.ctx.meter.skip();
      return {
        message: { kind: 'text', text: knowledgeReply(draft.text, draft.title, input.language) },
        handled: true,
        knowledgeDocId: draft.docId,
        toolCalls: ['search_knowledge'],
      };
    }
    const search = await searchWithOrderStage(input);
    const outcome = await respondWithModel(this.forTurn(input), input, search.hits.slice(0, EXCERPTS));
    if (!outcome.ok) return this.fallBack('responder', () => this.fallback.respond(input));
    return outcome.output;
  }

  async summarise(input: SummariseInput): Promise<string> {
    const note = this.drafts.get(turnKeyOfTranscript(input.transcript))?.summary;
    if (note !== undefined) {
      this.ctx.meter.skip();
      return finishSummary(note, input, { context: true });
    }
    const outcome = await summariseWithModel(this.forTurn(input), input);
    if (!outcome.ok) return this.fallBack('summariser', () => this.fallback.summarise(input));
    return outcome.summary;
  }

  /** The model context of one turn: its calls share one deadline. */
  private forTurn({ turnStartedAt = Date.now() }: TurnJob): ModelContext {
    return { ...this.ctx, deadline: turnStartedAt + this.ctx.timeoutMs + TURN_GRACE_MS };
  }

  private excerpts(text: string, language: Language): Excerpt[] {
    return this.knowledge === undefined ? [] : this.knowledge.search(text, language).slice(0, EXCERPTS);
  }

  private fallBack<T>(job: LlmJob, run: () => Promise<T>): Promise<T> {
    this.ctx.meter.fallback(job);
    this.ctx.logger.warn('llm fell back to the offline engine', { job });
    return run();
  }
}
