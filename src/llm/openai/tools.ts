import type {
  ChatCompletionFunctionTool,
  ChatCompletionMessageToolCall,
} from 'openai/resources/chat/completions';
import { z } from 'zod';
import { toolSchemas } from '../../agent/tools.js';
import type { Reason } from '../../policy/reasons.js';
import { ToolArgumentsError, UnknownToolError } from './faults.js';
import { jsonSchemaOf } from './json-schema.js';

/**
 * The reasons a model may give: `failed_attempts` is a count the graph keeps and `agent_initiated`
 * belongs to people, so neither is the model's to claim.
 */
export const MODEL_HANDOFF_REASONS = [
  'human_requested',
  'frustration',
  'sensitive_topic',
  'complex_query',
] as const;

const handoffForModel = toolSchemas.handoff_to_human.extend({
  reasons: z.array(z.enum(MODEL_HANDOFF_REASONS)).min(1),
});

/**
 * The model's handoff arguments are read leniently so one made-up reason does not void the call:
 * unknown codes are dropped by `acceptedReasons` and the graph's policy filters them again.
 */
const handoffArguments = z.object({
  reasons: z.array(z.string()).min(1),
  note: z.string().max(300).nullish(),
});

const describe = (name: string, description: string, schema: z.ZodType): ChatCompletionFunctionTool => ({
  type: 'function',
  function: { name, description, parameters: jsonSchemaOf(schema) },
});

/** Tool definitions from the same zod schemas that check the model's arguments. */
export const toolDefinitions: ChatCompletionFunctionTool[] = [
  describe(
    'search_knowledge',
    "Search the shop's help articles (shipping, returns, payments, warranty, delivery areas, cancellation, hours, account).",
    toolSchemas.search_knowledge,
  ),
  describe(
    'track_order',
    'Look up an order by the number the customer wrote. Only orders placed with this WhatsApp number are returned.',
    toolSchemas.track_order,
  ),
  describe(
    'handoff_to_human',
    'Pass the conversation to a human agent, with the reason codes that apply and a short note.',
    handoffForModel,
  ),
];

export type ToolCall =
  | { id: string; name: 'search_knowledge'; args: z.infer<typeof toolSchemas.search_knowledge> }
  | { id: string; name: 'track_order'; args: z.infer<typeof toolSchemas.track_order> }
  | { id: string; name: 'handoff_to_human'; args: z.infer<typeof handoffArguments> };

function argumentsOf<S extends z.ZodType>(tool: string, raw: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw || '{}');
  } catch (error) {
    throw new ToolArgumentsError(tool, error);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ToolArgumentsError(tool, parsed.error);
  return parsed.data;
}

/** A tool call from the model as a typed value; an unknown tool or bad arguments is a typed error. */
export function parseToolCall(call: ChatCompletionMessageToolCall): ToolCall {
  if (call.type !== 'function') throw new UnknownToolError(call.custom.name);
  const { name, arguments: raw } = call.function;
  switch (name) {
    case 'search_knowledge':
      return { id: call.id, name, args: argumentsOf(name, raw, toolSchemas.search_knowledge) };
    case 'track_order':
      return { id: call.id, name, args: argumentsOf(name, raw, toolSchemas.track_order) };
    case 'handoff_to_human':
      return { id: call.id, name, args: argumentsOf(name, raw, handoffArguments) };
    default:
      throw new UnknownToolError(name);
  }
}

/** The reasons of a handoff call that the policy accepts from a model, with the note as evidence. */
export function acceptedReasons(args: z.infer<typeof handoffArguments>): Reason[] {
  const allowed = new Set<string>(MODEL_HANDOFF_REASONS);
  const codes = [...new Set(args.reasons)].filter((code): code is (typeof MODEL_HANDOFF_REASONS)[number] =>
    allowed.has(code),
  );
  const evidence = args.note?.trim() ? `model: ${args.note.trim()}` : 'the model asked for a person';
  return codes.map((code) => ({ code, evidence }));
}
