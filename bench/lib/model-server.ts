import { Hono } from 'hono';
import { getEncoding } from 'js-tiktoken';
import type { ModelClassification } from '../../src/llm/openai/classify-job.js';
import { classifyOffline } from '../../src/nlu/classify.js';
import { startServer } from '../../test/support/fake-server.js';

/**
 * A counting, deterministic stand-in for an OpenAI-compatible model (`POST /v1/chat/completions`),
 * for the LLM-economy benchmark. It counts every call and its prompt tokens itself (o200k_base, the
 * gpt-4o family's encoding, over every message, tool definition and response schema — the same
 * rule for Baton and for the baseline), and answers like a competent model would, using Baton's
 * offline NLU as its "judgement" so that both agents see the same decisions:
 *
 * - a structured `classification` request gets the classification, plus a grounded reply drafted
 *   from the first knowledge excerpt when the request carries excerpts and the message is a plain
 *   question, plus an agent note when the message needs a person;
 * - a request with tools gets one tool call first (track_order when an order number is present,
 *   handoff_to_human when a person is needed, otherwise search_knowledge), and after a tool result
 *   the final answer (JSON when a response schema is given, text otherwise);
 * - anything else (the summariser) gets a short text.
 */
const encoding = getEncoding('o200k_base');

export interface ModelCounters {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  byKind: Record<string, number>;
}

interface ChatMessage {
  role: string;
  content?: string | null | { type: string; text?: string }[];
  tool_calls?: unknown[];
  tool_call_id?: string;
  name?: string;
}

interface ChatBody {
  model: string;
  messages: ChatMessage[];
  tools?: unknown[];
  response_format?: { type: string; json_schema?: { name: string; schema?: unknown } };
}

const textOf = (content: ChatMessage['content']): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.map((part) => part.text ?? '').join('')
      : '';

/** Prompt tokens as OpenAI counts them for chat: content plus ~3 tokens of framing per message. */
export function promptTokens(body: ChatBody): number {
  let tokens = 3;
  for (const message of body.messages) {
    tokens += 3 + encoding.encode(textOf(message.content)).length;
    if (message.tool_calls) tokens += encoding.encode(JSON.stringify(message.tool_calls)).length;
    if (message.name) tokens += 1;
  }
  if (body.tools?.length) tokens += encoding.encode(JSON.stringify(body.tools)).length;
  if (body.response_format?.json_schema) {
    tokens += encoding.encode(JSON.stringify(body.response_format.json_schema)).length;
  }
  return tokens;
}

const between = (text: string, open: string, close: string): string | undefined => {
  const start = text.indexOf(open);
  const end = text.lastIndexOf(close);
  return start >= 0 && end > start ? text.slice(start + open.length, end).trim() : undefined;
};

/** The current customer message, in Baton's tags or (baseline) as the last human message. */
function customerText(body: ChatBody): string {
  const users = body.messages.filter((m) => m.role === 'user');
  const last = textOf(users.at(-1)?.content);
  return between(last, '<customer_message>', '</customer_message>') ?? last;
}

interface Excerpt {
  docId: string;
  text: string;
}

/** Excerpts as Baton renders them: `[docId] title — heading: text`. */
function excerptsIn(body: ChatBody): Excerpt[] {
  const user = textOf(body.messages.find((m) => m.role === 'user')?.content);
  const out: Excerpt[] = [];
  for (const line of user.split('\n')) {
    const match = /^\[([^\]]+)\] [^:]*: (.*)$/.exec(line);
    if (match?.[1] && match[2]) out.push({ docId: match[1], text: match[2] });
  }
  return out;
}

function judge(text: string) {
  const c = classifyOffline({ text, previousCustomerTexts: [], fallbackLanguage: 'en' });
  const needsPerson =
    c.humanRequest.requested || c.sensitiveTopics.length > 0 || c.needsPerson.needed || c.frustration >= 0.7;
  return { c, needsPerson };
}

function classification(body: ChatBody): ModelClassification {
  const text = customerText(body);
  const { c, needsPerson } = judge(text);
  const [excerpt] = excerptsIn(body);
  const question = !needsPerson && (c.intent === 'faq' || c.intent === 'unknown');
  return {
    language: c.language,
    intent: c.intent === 'menu_choice' ? 'unknown' : c.intent,
    frustration: c.frustration,
    frustration_rationale: c.frustration > 0 ? 'wording' : 'calm',
    frustration_evidence: c.frustrationEvidence,
    human_request: { requested: c.humanRequest.requested, evidence: c.humanRequest.evidence ?? null },
    sensitive_topics: c.sensitiveTopics,
    area: c.area,
    entities: {
      order_ids: c.entities.orderIds,
      amounts: c.entities.amounts.map((a) => ({
        value: a.value,
        currency: a.currency ?? null,
        text: a.text,
      })),
    },
    complex_query: { needed: c.needsPerson.needed, evidence: c.needsPerson.evidence ?? null },
    reply: question && excerpt ? { text: excerpt.text.slice(0, 300), knowledge_doc_id: excerpt.docId } : null,
    handoff_summary: needsPerson ? `Customer wrote: ${text.slice(0, 200)}` : null,
  };
}

type Answer = { content: string | null; toolCalls?: { name: string; args: unknown }[] };

function agentAnswer(body: ChatBody): Answer {
  const structured = body.response_format?.json_schema?.name === 'answer';
  const last = body.messages.at(-1);
  const final = (reply: string, docId: string | null, handled: boolean): Answer =>
    structured
      ? { content: JSON.stringify({ reply, handled, knowledge_doc_id: docId }) }
      : { content: reply };
  if (last?.role === 'tool') {
    // After a tool result: answer from it.
    const result = (() => {
      try {
        return JSON.parse(textOf(last.content)) as {
          hits?: { doc_id?: string; docId?: string; text?: string }[];
          found?: boolean;
        };
      } catch {
        return {};
      }
    })();
    const hit = result.hits?.[0];
    if (hit) return final((hit.text ?? '').slice(0, 300), hit.doc_id ?? hit.docId ?? null, true);
    if (result.found === true) return final('Your order is on its way.', null, true);
    return final('Sorry, I could not find that.', null, false);
  }
  const text = customerText(body);
  const { c, needsPerson } = judge(text);
  const [orderId] = c.entities.orderIds;
  if (orderId) return { content: null, toolCalls: [{ name: 'track_order', args: { order_id: orderId } }] };
  if (needsPerson) {
    const reason = c.humanRequest.requested
      ? 'human_requested'
      : c.sensitiveTopics.length > 0
        ? 'sensitive_topic'
        : c.frustration >= 0.7
          ? 'frustration'
          : 'complex_query';
    return {
      content: null,
      toolCalls: [{ name: 'handoff_to_human', args: { reasons: [reason], note: text.slice(0, 200) } }],
    };
  }
  // Baton's responder is handed excerpts already: a model answers from them in one round.
  const [excerpt] = structured ? excerptsIn(body) : [];
  if (excerpt) return final(excerpt.text.slice(0, 300), excerpt.docId, true);
  if (c.intent === 'greeting' || c.intent === 'thanks') return final('Hello! How can I help?', null, false);
  return { content: null, toolCalls: [{ name: 'search_knowledge', args: { query: text.slice(0, 200) } }] };
}

function answerFor(body: ChatBody): { kind: string; answer: Answer } {
  if (body.response_format?.json_schema?.name === 'classification') {
    return { kind: 'classifier', answer: { content: JSON.stringify(classification(body)) } };
  }
  if (body.tools?.length) return { kind: 'agent', answer: agentAnswer(body) };
  return { kind: 'summariser', answer: { content: `Summary: ${customerText(body).slice(0, 300)}` } };
}

/** Faults a model server can inject, for the reliability suite. */
export const FAULT_KINDS = ['timeout', '429', '500', 'garbage', 'schema', 'unknown_tool'] as const;
export type InjectedFault = (typeof FAULT_KINDS)[number];

export interface FaultOptions {
  /** Share of calls that fail (0..1). */
  rate: number;
  /** Deterministic source of randomness in [0, 1). */
  random: () => number;
  /** How long a `timeout` fault hangs before answering (longer than the client's timeout). */
  hangMs: number;
}

/** A Chat Completions answer as the API sends it; tool call `i` gets the id `${callIdPrefix}_${i}`. */
function chatCompletion(input: {
  id: string;
  callIdPrefix: string;
  model: string;
  content: string | null;
  toolCalls: Answer['toolCalls'];
  promptTokens: number;
  completionTokens: number;
}) {
  const { id, toolCalls, promptTokens: prompt, completionTokens: completion } = input;
  return {
    id,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: input.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: input.content,
          refusal: null,
          ...(toolCalls
            ? {
                tool_calls: toolCalls.map((call, i) => ({
                  id: `${input.callIdPrefix}_${i}`,
                  type: 'function',
                  function: { name: call.name, arguments: JSON.stringify(call.args) },
                })),
              }
            : {}),
        },
        finish_reason: toolCalls ? 'tool_calls' : 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the counting model on a free loopback port; `faults` makes it fail at random.
 * `countTokens: false` reports no tokens: counting them is most of this server's work, and a test
 * that shares its process and times Baton's turns should not pay for what a real model's host does.
 */
export async function startModelServer(options: { faults?: FaultOptions; countTokens?: boolean } = {}) {
  const countTokens = options.countTokens ?? true;
  const counters: ModelCounters = { calls: 0, promptTokens: 0, completionTokens: 0, byKind: {} };
  const injected: Record<string, number> = {};
  const app = new Hono();
  app.post('/v1/chat/completions', async (c) => {
    const body = (await c.req.json()) as ChatBody;
    const faults = options.faults;
    if (faults && faults.random() < faults.rate) {
      const fault = FAULT_KINDS[Math.floor(faults.random() * FAULT_KINDS.length)] ?? '500';
      injected[fault] = (injected[fault] ?? 0) + 1;
      counters.calls++;
      if (fault === 'timeout') {
        await sleep(faults.hangMs);
        return c.json({ error: { message: 'late', type: 'server_error', param: null, code: null } }, 504);
      }
      if (fault === '429' || fault === '500') {
        const status = fault === '429' ? 429 : 500;
        return c.json(
          { error: { message: `injected ${status}`, type: 'server_error', param: null, code: null } },
          status,
        );
      }
      const content =
        fault === 'garbage'
          ? '{"language": "en", "intent": "fa'
          : fault === 'schema'
            ? '{"intent": 42}'
            : null;
      return c.json(
        chatCompletion({
          id: `chatcmpl-fault-${counters.calls}`,
          callIdPrefix: 'call_x',
          model: body.model,
          content,
          toolCalls: fault === 'unknown_tool' ? [{ name: 'delete_all_orders', args: {} }] : undefined,
          promptTokens: 10,
          completionTokens: 10,
        }),
      );
    }
    const { kind, answer } = answerFor(body);
    const prompt = countTokens ? promptTokens(body) : 0;
    const completion = countTokens
      ? encoding.encode((answer.content ?? '') + JSON.stringify(answer.toolCalls ?? [])).length
      : 0;
    counters.calls++;
    counters.promptTokens += prompt;
    counters.completionTokens += completion;
    counters.byKind[kind] = (counters.byKind[kind] ?? 0) + 1;
    const n = counters.calls;
    return c.json(
      chatCompletion({
        id: `chatcmpl-bench-${n}`,
        callIdPrefix: `call_${n}`,
        model: body.model,
        content: answer.content,
        toolCalls: answer.toolCalls,
        promptTokens: prompt,
        completionTokens: completion,
      }),
    );
  });
  const { url, close } = await startServer(app);
  return {
    baseURL: `${url}/v1`,
    counters,
    /** Injected faults by kind. */
    injected,
    reset() {
      counters.calls = 0;
      counters.promptTokens = 0;
      counters.completionTokens = 0;
      counters.byKind = {};
    },
    close,
  };
}
