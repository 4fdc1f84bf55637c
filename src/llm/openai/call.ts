import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessage,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import type { LlmJob, LlmMeter } from '../meter.js';
import { type ChatClient, completeChat } from './client.js';
import { LlmFault, toFault } from './faults.js';
import type { PromptSet } from './prompts.js';

/** What every job needs to call the model; built once by `OpenAiLlm`. */
export interface ModelContext {
  client: ChatClient;
  prompts: PromptSet;
  meter: LlmMeter;
  logger: Logger;
  timeoutMs: number;
  stream: boolean;
  retryDelayMs: number;
  /**
   * When the turn's model work must be over (ms since the epoch): a call gets at most what is
   * left, a retry happens only if time is left, and past it the job goes to the fallback at once.
   */
  deadline?: number;
  /** The model (or Azure deployment) a job's calls go to. */
  model(job: LlmJob): string;
}

/** Below this much time left, a call is not worth starting. */
const MIN_CALL_MS = 50;

/** The time a call may take now: the per-call timeout, cut to what is left of the turn. */
export function callTimeout(ctx: ModelContext): number {
  if (ctx.deadline === undefined) return ctx.timeoutMs;
  return Math.min(ctx.timeoutMs, ctx.deadline - Date.now());
}

/**
 * One retry per job per turn, shared by every call the job makes: a responder that needs two
 * rounds still retries at most once, so a bad turn costs at most one extra call and one timeout.
 */
export interface RetryBudget {
  left: number;
}
export const retryBudget = (): RetryBudget => ({ left: 1 });

type ExtraParams = Omit<ChatCompletionCreateParamsNonStreaming, 'model' | 'messages'>;

/** A request for a job: the job's prompt as the system message, its model and temperature. */
export function requestFor(
  ctx: ModelContext,
  job: LlmJob,
  messages: ChatCompletionMessageParam[],
  extra: ExtraParams = {},
): ChatCompletionCreateParamsNonStreaming {
  const prompt = ctx.prompts[job];
  return {
    model: ctx.model(job),
    messages: [{ role: 'system', content: prompt.system }, ...messages],
    ...(prompt.temperature === undefined ? {} : { temperature: prompt.temperature }),
    ...(prompt.maxTokens === undefined ? {} : { max_tokens: prompt.maxTokens }),
    ...extra,
  };
}

/** One HTTP call, counted whether it succeeds or not: a failed attempt is still a call. */
export async function callModel(
  ctx: ModelContext,
  job: LlmJob,
  body: ChatCompletionCreateParamsNonStreaming,
): Promise<ChatCompletion> {
  const timeoutMs = callTimeout(ctx);
  if (timeoutMs < MIN_CALL_MS) throw new LlmFault('timeout', 'the turn has no time left for a model call');
  const started = Date.now();
  let completion: ChatCompletion | undefined;
  try {
    completion = await completeChat(ctx.client, body, { timeoutMs, stream: ctx.stream });
    return completion;
  } finally {
    const usage = completion?.usage;
    ctx.meter.call(
      job,
      body.model,
      usage ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens } : undefined,
      Date.now() - started,
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Attempt<T> = { ok: true; value: T } | { ok: false; fault: LlmFault };

/**
 * Runs one step of a job (a call and the checks on its answer), retrying once while the budget
 * allows and the fault is worth retrying. Every fault is counted; none is thrown.
 */
export async function attempt<T>(
  ctx: ModelContext,
  job: LlmJob,
  budget: RetryBudget,
  step: () => Promise<T>,
): Promise<Attempt<T>> {
  for (;;) {
    try {
      return { ok: true, value: await step() };
    } catch (error) {
      const fault = toFault(error);
      ctx.meter.fault(fault.kind);
      const timeLeft = callTimeout(ctx) - ctx.retryDelayMs >= MIN_CALL_MS;
      const retry = fault.retryable && budget.left > 0 && timeLeft;
      ctx.logger.warn('llm call failed', { job, fault: fault.kind, status: fault.status, retry });
      if (!retry) return { ok: false, fault };
      budget.left--;
      if (ctx.retryDelayMs > 0) await sleep(ctx.retryDelayMs);
    }
  }
}

/** The first choice's message; an answer without one is malformed. */
export function messageOf(completion: ChatCompletion): ChatCompletionMessage {
  const choice = completion.choices?.[0];
  if (choice?.message === undefined) throw new LlmFault('malformed', 'the answer has no message');
  if (choice.finish_reason === 'length') throw new LlmFault('malformed', 'the answer was cut off');
  if (choice.message.refusal) throw new LlmFault('malformed', 'the model refused');
  return choice.message;
}

/** Parses a structured answer: JSON.parse failures are malformed, zod failures schema violations. */
export function parseContent<S extends z.ZodType>(message: ChatCompletionMessage, schema: S): z.infer<S> {
  const content = message.content?.trim();
  if (!content) throw new LlmFault('malformed', 'the answer has no content');
  return schema.parse(JSON.parse(content));
}
