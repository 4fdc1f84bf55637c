import { type Config, loadConfig } from '../../src/config/config.js';
import { promptBundle } from '../../src/generated/prompts.js';
import { OfflineLlm } from '../../src/llm/offline/offline-llm.js';
import { createOpenAiLlm } from '../../src/llm/openai/factory.js';
import { DEFAULT_MODEL } from '../../src/llm/openai/openai-llm.js';
import { LLM_JOBS, type PromptBundle, selectPrompts } from '../../src/llm/openai/prompts.js';

/** What the player needs to know about the engine; the same for every case of a run. */
export interface EngineOptions {
  provider: 'offline' | 'openai';
  model?: string;
  prompts?: string;
}

/** A setup that cannot measure anything (no endpoint, an unknown prompt version…): exit 2, nothing played. */
export class SetupError extends Error {
  override name = 'SetupError';
}

const llmVariables = [
  'OPENAI_API_KEY',
  'LLM_BASE_URL',
  'LLM_MODEL',
  'LLM_TIMEOUT_MS',
  'LLM_PROMPTS',
  'LLM_STREAM',
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_API_KEY',
  'AZURE_OPENAI_DEPLOYMENT',
  'AZURE_OPENAI_API_VERSION',
] as const;

/**
 * Only the model's settings reach a case: WhatsApp or sink credentials in the shell must never
 * turn an eval into real sends.
 */
export function llmEnv(options: EngineOptions, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (options.provider === 'offline') return {};
  const out: Record<string, string> = {};
  for (const name of llmVariables) {
    const value = env[name];
    if (value) out[name] = value;
  }
  if (options.model) out.LLM_MODEL = options.model;
  if (!out.OPENAI_API_KEY && !out.LLM_BASE_URL && !out.AZURE_OPENAI_ENDPOINT) {
    throw new SetupError(
      '--provider openai needs OPENAI_API_KEY, LLM_BASE_URL or AZURE_OPENAI_ENDPOINT in the environment',
    );
  }
  return out;
}

/** The configuration every case is played with; `play.ts` and the check below build it the same way. */
export function evalConfig(options: EngineOptions, env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig({ NODE_ENV: 'test', CONVERSATION_SETTLE_MS: '0', ...llmEnv(options, env) });
}

/** What a run measured, for `report.json` meta: never a key. */
export interface EngineDescription {
  /** The model of each job, joined when they differ (`classifier=a, responder=b, …`). */
  model?: string;
  /** Host of the endpoint the calls went to. */
  llmHost?: string;
  /** `job/version` of each prompt actually used. */
  prompts?: string[];
}

/**
 * Checks the engine's setup once, before anything is played, exactly as the app builds it (the
 * same env, `loadConfig`, `createOpenAiLlm` with its `selectPrompts`): a missing endpoint or an
 * unknown prompt version must stop the run with exit 2, not turn every case into a run error.
 */
export function checkEngineSetup(
  options: EngineOptions,
  env: NodeJS.ProcessEnv = process.env,
  bundle: PromptBundle = promptBundle,
): EngineDescription {
  if (options.provider === 'offline') {
    // the offline engine reads no prompt, but a version that does not exist is a typo the run
    // must not pass over: the app would stop at start on it whichever engine runs
    const asked = options.prompts ?? env.LLM_PROMPTS;
    if (asked) {
      try {
        selectPrompts(bundle, asked);
      } catch (error) {
        throw new SetupError(error instanceof Error ? error.message : String(error));
      }
    }
    return {};
  }
  let config: Config;
  try {
    config = evalConfig(options, env);
    // Builds the client (no request is made): Azure settings and prompt versions are checked here.
    createOpenAiLlm(config, {
      fallback: new OfflineLlm(),
      bundle,
      ...(options.prompts ? { prompts: options.prompts } : {}),
    });
  } catch (error) {
    throw new SetupError(error instanceof Error ? error.message : String(error));
  }
  const prompts = selectPrompts(bundle, options.prompts ?? config.LLM_PROMPTS);
  // The model rule of OpenAiLlm: Azure deployment, then LLM_MODEL (--model), then the prompt's own.
  const models = LLM_JOBS.map(
    (job) => config.AZURE_OPENAI_DEPLOYMENT ?? config.LLM_MODEL ?? prompts[job].model ?? DEFAULT_MODEL,
  );
  const model =
    new Set(models).size === 1
      ? models[0]
      : LLM_JOBS.map((job, index) => `${job}=${models[index]}`).join(', ');
  const endpoint = config.AZURE_OPENAI_ENDPOINT ?? config.LLM_BASE_URL ?? 'https://api.openai.com/v1';
  return {
    ...(model === undefined ? {} : { model }),
    llmHost: new URL(endpoint).host,
    prompts: LLM_JOBS.map((job) => prompts[job].id),
  };
}
