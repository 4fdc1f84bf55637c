import { AzureOpenAI, OpenAI } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import { LlmFault } from './faults.js';

export interface AzureSettings {
  /** `https://<resource>.openai.azure.com/` */
  endpoint: string;
  /** Without one, each call's `model` names the deployment (`/openai/deployments/<model>/…`). */
  deployment?: string;
  apiVersion: string;
}

export interface ClientSettings {
  apiKey?: string;
  /** Any OpenAI-compatible server: OpenAI, Ollama, vLLM, llama.cpp, OpenRouter. */
  baseURL?: string;
  azure?: AzureSettings;
  /** The SDK's own timeout; callers that set a deadline per call leave it out. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The one part of the SDK client the adapter uses; a narrow type keeps the seam obvious. */
export type ChatClient = Pick<OpenAI, 'chat'>;

/**
 * Builds the SDK client, for Azure OpenAI or any OpenAI-compatible server. `maxRetries: 0` because
 * the callers retry themselves: once, counted, and within the customer's patience. Local servers
 * (Ollama, llama.cpp) take no key, but the SDK insists on one, so a placeholder stands in.
 */
export function createOpenAiClient(settings: ClientSettings): OpenAI {
  const common = {
    maxRetries: 0,
    ...(settings.timeoutMs === undefined ? {} : { timeout: settings.timeoutMs }),
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
  };
  if (settings.azure) {
    return new AzureOpenAI({
      ...common,
      endpoint: settings.azure.endpoint,
      ...(settings.azure.deployment ? { deployment: settings.azure.deployment } : {}),
      apiVersion: settings.azure.apiVersion,
      apiKey: settings.apiKey ?? '',
    });
  }
  return new OpenAI({
    ...common,
    apiKey: settings.apiKey ?? 'not-needed',
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
  });
}

/**
 * One chat completion within a hard deadline. The deadline is ours, not only the SDK's, because
 * the SDK's timeout stops at the response headers and a stream can stall after them.
 *
 * Streaming is off by default: WhatsApp delivers a message whole, so tokens as they come buy the
 * customer nothing. It is there for gateways that only stream or cut idle connections, and the
 * streamed chunks (content, tool-call deltas, usage) are folded into the same `ChatCompletion`.
 */
export async function completeChat(
  client: ChatClient,
  body: ChatCompletionCreateParamsNonStreaming,
  options: { timeoutMs: number; stream: boolean },
): Promise<ChatCompletion> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  try {
    if (!options.stream) return await client.chat.completions.create(body, { signal: deadline.signal });
    const stream = client.chat.completions.stream(
      { ...body, stream: true, stream_options: { include_usage: true } },
      { signal: deadline.signal },
    );
    return await stream.finalChatCompletion();
  } catch (error) {
    if (deadline.signal.aborted) {
      throw new LlmFault('timeout', `no answer within ${options.timeoutMs} ms`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
