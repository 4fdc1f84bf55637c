import { promptBundle } from '../../generated/prompts.js';
import type { Logger } from '../../log/logger.js';
import { LlmMeter } from '../meter.js';
import type { Llm } from '../port.js';
import { DEFAULT_TIMEOUT_MS, type KnowledgeSearch, OpenAiLlm } from './openai-llm.js';
import { type PromptBundle, selectPrompts } from './prompts.js';

/** The configuration the adapter reads, by environment variable name (validated in src/config). */
export interface OpenAiSettings {
  OPENAI_API_KEY?: string;
  LLM_BASE_URL?: string;
  LLM_MODEL?: string;
  LLM_TIMEOUT_MS?: number;
  /** Active prompt versions: `v1`, or per job `classifier=v2,responder=v1`. */
  LLM_PROMPTS?: string;
  LLM_STREAM?: boolean;
  AZURE_OPENAI_ENDPOINT?: string;
  AZURE_OPENAI_API_KEY?: string;
  AZURE_OPENAI_DEPLOYMENT?: string;
  AZURE_OPENAI_API_VERSION?: string;
}

/** A GA Azure OpenAI data-plane version with structured outputs and tools. */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

export interface OpenAiDeps {
  /** The offline engine. */
  fallback: Llm;
  meter?: LlmMeter;
  logger?: Logger;
  knowledge?: KnowledgeSearch;
  /** Prompt versions that win over `LLM_PROMPTS`: the eval runner's `--prompts`. */
  prompts?: string;
  bundle?: PromptBundle;
}

/**
 * Builds the adapter from configuration: Azure when `AZURE_OPENAI_ENDPOINT` is set, otherwise the
 * OpenAI client on `LLM_BASE_URL` (or api.openai.com). An unknown prompt version throws here, at
 * start-up, not on the first customer message.
 */
export function createOpenAiLlm(settings: OpenAiSettings, deps: OpenAiDeps): OpenAiLlm {
  const prompts = selectPrompts(deps.bundle ?? promptBundle, deps.prompts ?? settings.LLM_PROMPTS);
  const endpoint = settings.AZURE_OPENAI_ENDPOINT;
  if (endpoint !== undefined && settings.AZURE_OPENAI_DEPLOYMENT === undefined) {
    throw new Error('AZURE_OPENAI_DEPLOYMENT is required with AZURE_OPENAI_ENDPOINT');
  }
  const apiKey = (endpoint ? settings.AZURE_OPENAI_API_KEY : undefined) ?? settings.OPENAI_API_KEY;
  return new OpenAiLlm({
    ...(apiKey ? { apiKey } : {}),
    ...(settings.LLM_BASE_URL ? { baseURL: settings.LLM_BASE_URL } : {}),
    ...(endpoint && settings.AZURE_OPENAI_DEPLOYMENT
      ? {
          azure: {
            endpoint,
            deployment: settings.AZURE_OPENAI_DEPLOYMENT,
            apiVersion: settings.AZURE_OPENAI_API_VERSION ?? DEFAULT_AZURE_API_VERSION,
          },
        }
      : {}),
    ...(settings.LLM_MODEL ? { model: settings.LLM_MODEL } : {}),
    timeoutMs: settings.LLM_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS,
    prompts,
    meter: deps.meter ?? new LlmMeter(),
    fallback: deps.fallback,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.knowledge ? { knowledge: deps.knowledge } : {}),
    stream: settings.LLM_STREAM ?? false,
  });
}
