import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { Reason } from '../../policy/reasons.js';
import { say } from '../../replies/messages.js';
import type { Language } from '../classification.js';
import type { RespondInput, RespondOutput } from '../port.js';
import { unansweredReply } from '../unanswered.js';
import {
  attempt,
  callModel,
  type ModelContext,
  messageOf,
  parseContent,
  requestFor,
  retryBudget,
} from './call.js';
import { LlmFault } from './faults.js';
import { strictResponseFormat } from './json-schema.js';
import { clip, type Excerpt, excerptsBlock, quoteCustomer, transcriptBlock } from './render.js';
import { acceptedReasons, parseToolCall, type ToolCall, toolDefinitions } from './tools.js';

/** The responder's final answer; the adapter checks its grounding before it reaches a customer. */
export const responderAnswerSchema = z.object({
  reply: z.string(),
  handled: z.boolean(),
  knowledge_doc_id: z.string().nullable(),
});
const responseFormat = strictResponseFormat('answer', responderAnswerSchema);

/** Tool rounds per turn: search, maybe a second search or an order, then the answer. */
export const MAX_ROUNDS = 3;
const REPLY_MAX = 1_500;
const HISTORY_LINES = 8;

/** What the tools returned this turn: the only facts an answer may rest on. */
interface Evidence {
  docs: Map<string, string>;
  orderFound: boolean;
  toolCalls: string[];
}

export const knowledgeReply = (text: string, title: string, language: Language): string =>
  `${clip(text, REPLY_MAX)}\n\n${say('knowledgeSource', language, { title })}`;

function userMessage(input: RespondInput, excerpts: readonly Excerpt[]): string {
  return [
    `Customer language: ${input.language}`,
    'Conversation so far, oldest first:',
    transcriptBlock(input.history.slice(0, -1).slice(-HISTORY_LINES)),
    '',
    'Knowledge excerpts retrieved for this message:',
    excerptsBlock(excerpts),
    '',
    `<customer_message>\n${quoteCustomer(input.text)}\n</customer_message>`,
  ].join('\n');
}

async function runTool(call: ToolCall, input: RespondInput, evidence: Evidence): Promise<unknown> {
  evidence.toolCalls.push(call.name);
  if (call.name === 'search_knowledge') {
    const result = await input.tools.searchKnowledge(call.args.query, input.language);
    const hits = result.hits.slice(0, 3);
    for (const hit of hits) evidence.docs.set(hit.docId, hit.title);
    return {
      confident: result.confident,
      hits: hits.map((hit) => ({
        doc_id: hit.docId,
        title: hit.title,
        heading: hit.heading,
        text: clip(hit.text, 700),
      })),
    };
  }
  if (call.name === 'track_order') {
    // Ownership is enforced inside the tool: whatever the conversation says, another customer's
    // order comes back as not found.
    const result = await input.tools.trackOrder(call.args.order_id);
    if (result.found) evidence.orderFound = true;
    return result;
  }
  return { error: 'handoff_to_human ends the turn' };
}

const unhandled = (input: RespondInput, toolCalls: string[]): RespondOutput => ({
  message: { kind: 'text', text: unansweredReply(input) },
  handled: false,
  toolCalls,
});

function handoffOutput(reasons: Reason[], input: RespondInput, toolCalls: string[]): RespondOutput {
  return {
    // The handoff node opens its transfer notice with this line.
    message: { kind: 'text', text: say('failedHandoff', input.language) },
    handled: true,
    requestedHandoff: reasons,
    toolCalls,
  };
}

export type RespondOutcome = { ok: true; output: RespondOutput } | { ok: false };

type ResponderAnswer = z.infer<typeof responderAnswerSchema>;

/** A final answer goes out only when it rests on a tool result: a document it was shown or an order found. */
function finalOutput(answer: ResponderAnswer, input: RespondInput, evidence: Evidence): RespondOutput {
  const title = answer.knowledge_doc_id === null ? undefined : evidence.docs.get(answer.knowledge_doc_id);
  const grounded =
    answer.handled && answer.reply.trim() !== '' && (title !== undefined || evidence.orderFound);
  if (!grounded) return unhandled(input, evidence.toolCalls);
  return {
    message: {
      kind: 'text',
      text:
        title === undefined
          ? clip(answer.reply, REPLY_MAX)
          : knowledgeReply(answer.reply, title, input.language),
    },
    handled: true,
    ...(answer.knowledge_doc_id === null ? {} : { knowledgeDocId: answer.knowledge_doc_id }),
    toolCalls: evidence.toolCalls,
  };
}

/** A call of `handoff_to_human` ends the turn: with the reasons a model may give, or refused. */
function handoffOutcome(
  ctx: ModelContext,
  call: Extract<ToolCall, { name: 'handoff_to_human' }>,
  input: RespondInput,
  evidence: Evidence,
): RespondOutput {
  const toolCalls = [...evidence.toolCalls, 'handoff_to_human'];
  const reasons = acceptedReasons(call.args);
  if (reasons.length > 0) return handoffOutput(reasons, input, toolCalls);
  // Refused: no reason the policy accepts from a model. The turn counts as not handled, so
  // `failed_attempts` still gets the customer to a person if the bot keeps failing.
  ctx.meter.fault('invalid_handoff');
  ctx.logger.warn('handoff_to_human refused: no valid reason', { reasons: call.args.reasons });
  return unhandled(input, toolCalls);
}

/** One round: a call, then either tool calls to run or a final answer checked against the evidence. */
function round(ctx: ModelContext, messages: ChatCompletionMessageParam[], evidence: Evidence) {
  const body = requestFor(ctx, 'responder', messages, {
    tools: toolDefinitions,
    response_format: responseFormat,
  });
  return async () => {
    const message = messageOf(await callModel(ctx, 'responder', body));
    if (message.tool_calls?.length) {
      return { kind: 'tools' as const, message, calls: message.tool_calls.map(parseToolCall) };
    }
    const answer = parseContent(message, responderAnswerSchema);
    if (answer.knowledge_doc_id !== null && !evidence.docs.has(answer.knowledge_doc_id)) {
      throw new LlmFault('schema_violation', 'the answer cites a document it was not shown');
    }
    return { kind: 'answer' as const, answer };
  };
}

/**
 * Function calling with `search_knowledge`, `track_order` and `handoff_to_human`, seeded with the
 * knowledge hits for the message so a plain FAQ needs one round. The final answer is JSON; a reply
 * counts as handled only when it rests on a tool result, otherwise the customer gets the
 * catalogue's "not understood" and the turn counts as failed.
 */
export async function respondWithModel(
  ctx: ModelContext,
  input: RespondInput,
  excerpts: readonly Excerpt[],
): Promise<RespondOutcome> {
  const evidence: Evidence = {
    docs: new Map(excerpts.map((excerpt) => [excerpt.docId, excerpt.title])),
    orderFound: false,
    toolCalls: ['search_knowledge'],
  };
  const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: userMessage(input, excerpts) }];
  const budget = retryBudget();
  for (let n = 0; n < MAX_ROUNDS; n++) {
    const step = await attempt(ctx, 'responder', budget, round(ctx, messages, evidence));
    if (!step.ok) return { ok: false };
    if (step.value.kind === 'answer')
      return { ok: true, output: finalOutput(step.value.answer, input, evidence) };
    const { message, calls } = step.value;
    const handoff = calls.find((call) => call.name === 'handoff_to_human');
    if (handoff?.name === 'handoff_to_human')
      return { ok: true, output: handoffOutcome(ctx, handoff, input, evidence) };
    messages.push({
      role: 'assistant',
      content: message.content ?? null,
      tool_calls: message.tool_calls ?? [],
    });
    for (const call of calls) {
      const result = await runTool(call, input, evidence);
      messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) });
    }
  }
  ctx.meter.fault('too_many_rounds');
  ctx.logger.warn('responder used every tool round without answering', { rounds: MAX_ROUNDS });
  return { ok: false };
}
