import { APIConnectionError, APIConnectionTimeoutError, APIError, OpenAIError } from 'openai';
import { ZodError } from 'zod';
import type { FaultKind } from '../meter.js';

/** Kinds where the same request may well succeed a moment later. */
const retryable = new Set<FaultKind>([
  'timeout',
  'rate_limited',
  'server_error',
  'connection',
  'malformed',
  'schema_violation',
  'unknown_tool',
  'bad_tool_arguments',
]);

/**
 * Anything that went wrong with a model call, as a value with a kind: the adapter counts it,
 * retries it once when that makes sense, then answers the turn with the fallback engine.
 */
export class LlmFault extends Error {
  override readonly name: string = 'LlmFault';
  readonly kind: FaultKind;
  readonly status: number | undefined;

  constructor(kind: FaultKind, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
  }

  get retryable(): boolean {
    return retryable.has(this.kind);
  }
}

/** The model called a tool Baton does not offer. */
export class UnknownToolError extends LlmFault {
  override readonly name = 'UnknownToolError';
  constructor(readonly tool: string) {
    super('unknown_tool', `the model called an unknown tool "${tool}"`);
  }
}

/** The model called a known tool with arguments its zod schema rejects. */
export class ToolArgumentsError extends LlmFault {
  override readonly name = 'ToolArgumentsError';
  constructor(
    readonly tool: string,
    cause: unknown,
  ) {
    super('bad_tool_arguments', `bad arguments for tool "${tool}"`, { cause });
  }
}

/**
 * Maps what the SDK, JSON.parse or zod threw to a fault. Anything else is a bug in Baton, not a
 * provider fault, and is rethrown so it is seen.
 */
export function toFault(error: unknown): LlmFault {
  if (error instanceof LlmFault) return error;
  if (error instanceof APIConnectionTimeoutError)
    return new LlmFault('timeout', 'the model call timed out', { cause: error });
  if (error instanceof APIConnectionError) return new LlmFault('connection', error.message, { cause: error });
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    const kind: FaultKind = status === 429 ? 'rate_limited' : status >= 500 ? 'server_error' : 'client_error';
    return new LlmFault(kind, `the model answered HTTP ${status}`, { cause: error, status });
  }
  // The SDK's own errors outside HTTP (a broken SSE stream, a bad chunk) are malformed answers.
  if (error instanceof OpenAIError || error instanceof SyntaxError) {
    return new LlmFault('malformed', error.message, { cause: error });
  }
  if (error instanceof ZodError)
    return new LlmFault('schema_violation', 'the answer broke its schema', { cause: error });
  throw error;
}
