import { resolve } from 'node:path';
import { tool } from '@langchain/core/tools';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { MemorySaver } from '@langchain/langgraph/web';
import { ChatOpenAI } from '@langchain/openai';
import { OpenAI } from 'openai';
import type { z } from 'zod';
import { playCase } from '../evals/lib/play.js';
import { loadDatasets } from '../evals/lib/runner.js';
import { createAgentTools, toolSchemas } from '../src/agent/tools.js';
import { promptBundle } from '../src/generated/prompts.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { loadKnowledgeFromDirectory } from '../src/knowledge/load-fs.js';
import { modelClassificationSchema } from '../src/llm/openai/classify-job.js';
import { strictResponseFormat } from '../src/llm/openai/json-schema.js';
import { selectPrompts } from '../src/llm/openai/prompts.js';
import { quoteCustomer } from '../src/llm/openai/render.js';
import { silentLogger } from '../src/log/logger.js';
import type { Order } from '../src/orders/order.js';
import { menuButtonTitles } from '../src/replies/menu.js';
import { startModelServer } from './lib/model-server.js';
import { round } from './lib/stats.js';
import { ROOT } from './lib/webhooks.js';

export interface LlmResult {
  cases: number;
  customerTurns: number;
  callsPerTurn: number;
  promptTokensPerTurn: number;
  baselineCallsPerTurn: number;
  baselinePromptTokensPerTurn: number;
  /** 1 − Baton's prompt tokens per turn / the baseline's. */
  promptTokenSaving: number;
  baton: { calls: number; promptTokens: number; byKind: Record<string, number>; errors: number };
  baseline: { calls: number; promptTokens: number; byKind: Record<string, number>; errors: number };
}

type Turn = string | { text: string } | { button: string } | { type: string; caption?: string };

/** What a customer turn reads as to a plain chat agent: buttons arrive as their titles. */
function turnText(turn: Turn): string {
  if (typeof turn === 'string') return turn;
  if ('text' in turn) return turn.text;
  if ('button' in turn) return menuButtonTitles[turn.button] ?? turn.button;
  return turn.caption ? `[${turn.type}] ${turn.caption}` : `[${turn.type}]`;
}

/**
 * Calls and prompt tokens per customer turn on the dev eval set: Baton (classifier with knowledge
 * excerpts, draft reuse, deterministic skips) against a baseline in the same run — LangGraph's
 * prebuilt ReAct agent with the same three tools and the same responder prompt, plus a separate
 * classifier call with the same classifier prompt, on every turn. Both talk to the same counting
 * model server, which counts tokens itself with one rule.
 */
export async function runLlmBenchmark(options: { dataset?: string } = {}): Promise<LlmResult> {
  const dataset = options.dataset ?? resolve(ROOT, 'evals/datasets/dev.jsonl');
  const cases = (await loadDatasets([dataset])).map((item) => item.evalCase);
  const documents = await loadKnowledgeFromDirectory(resolve(ROOT, 'knowledge'));
  const knowledge = new KnowledgeBase(documents);
  const server = await startModelServer();
  const customerTurns = cases.reduce((sum, c) => sum + c.turns.length, 0);
  try {
    // Baton, through the real pipeline (the eval player), on the OpenAI path.
    const saved = { ...process.env };
    Object.assign(process.env, {
      LLM_BASE_URL: server.baseURL,
      OPENAI_API_KEY: 'bench',
      LLM_MODEL: 'gpt-4o-mini',
      LLM_TIMEOUT_MS: '10000',
    });
    let batonErrors = 0;
    try {
      for (const evalCase of cases) {
        const outcome = await playCase(evalCase, { provider: 'openai', knowledge: documents });
        if (outcome.error) batonErrors++;
      }
    } finally {
      for (const key of ['LLM_BASE_URL', 'OPENAI_API_KEY', 'LLM_MODEL', 'LLM_TIMEOUT_MS']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
    const baton = { ...server.counters, byKind: { ...server.counters.byKind }, errors: batonErrors };
    server.reset();

    // The baseline.
    const prompts = selectPrompts(promptBundle, 'v1');
    const client = new OpenAI({ baseURL: server.baseURL, apiKey: 'bench', maxRetries: 0 });
    const chat = new ChatOpenAI({
      model: 'gpt-4o-mini',
      apiKey: 'bench',
      configuration: { baseURL: server.baseURL },
      maxRetries: 0,
      useResponsesApi: false,
      temperature: 0.2,
    });
    const classifierFormat = strictResponseFormat('classification', modelClassificationSchema);
    let baselineErrors = 0;
    for (const evalCase of cases) {
      const waId = evalCase.customer?.waId ?? '966599999999';
      const orders: Order[] = evalCase.orders ?? [];
      const tools = createAgentTools(
        {
          knowledge,
          orders: {
            find: async (id) => orders.find((order) => order.id === id),
            forPhone: async (phone) => orders.filter((order) => order.phone === phone),
          },
          knowledgeMinScore: 10,
          knowledgeMinCoverage: 0.5,
          logger: silentLogger,
        },
        { waId },
      );
      const language = evalCase.lang === 'ar' ? 'ar' : 'en';
      const agent = createReactAgent({
        llm: chat,
        tools: [
          tool(
            async ({ query }: z.infer<typeof toolSchemas.search_knowledge>) => {
              const result = await tools.searchKnowledge(query, language);
              return JSON.stringify({
                confident: result.confident,
                hits: result.hits.slice(0, 3).map((hit) => ({
                  doc_id: hit.docId,
                  title: hit.title,
                  heading: hit.heading,
                  text: hit.text.slice(0, 700),
                })),
              });
            },
            {
              name: 'search_knowledge',
              description: "Search the shop's help articles.",
              schema: toolSchemas.search_knowledge,
            },
          ),
          tool(
            async ({ order_id }: z.infer<typeof toolSchemas.track_order>) =>
              JSON.stringify(await tools.trackOrder(order_id)),
            {
              name: 'track_order',
              description: 'Look up an order by the number the customer wrote.',
              schema: toolSchemas.track_order,
            },
          ),
          tool(async () => 'A person will take over.', {
            name: 'handoff_to_human',
            description: 'Pass the conversation to a human agent, with reason codes and a short note.',
            schema: toolSchemas.handoff_to_human,
          }),
        ],
        prompt: prompts.responder.system,
        checkpointer: new MemorySaver(),
      });
      const said: string[] = [];
      try {
        for (const turn of evalCase.turns as Turn[]) {
          const text = turnText(turn);
          await client.chat.completions.create({
            model: 'gpt-4o-mini',
            temperature: 0,
            messages: [
              { role: 'system', content: prompts.classifier.system },
              {
                role: 'user',
                content: [
                  'Earlier customer messages, oldest first:',
                  said.length > 0
                    ? said
                        .slice(-6)
                        .map((t, i) => `${i + 1}. ${quoteCustomer(t)}`)
                        .join('\n')
                    : '(none)',
                  '',
                  `<customer_message>\n${quoteCustomer(text)}\n</customer_message>`,
                ].join('\n'),
              },
            ],
            response_format: classifierFormat,
          });
          said.push(text);
          await agent.invoke(
            { messages: [{ role: 'user', content: text }] },
            { configurable: { thread_id: evalCase.id } },
          );
        }
      } catch {
        baselineErrors++;
      }
    }
    const baseline = { ...server.counters, byKind: { ...server.counters.byKind }, errors: baselineErrors };
    const perTurn = (n: number) => round(n / customerTurns, 3);
    return {
      cases: cases.length,
      customerTurns,
      callsPerTurn: perTurn(baton.calls),
      promptTokensPerTurn: round(baton.promptTokens / customerTurns, 1),
      baselineCallsPerTurn: perTurn(baseline.calls),
      baselinePromptTokensPerTurn: round(baseline.promptTokens / customerTurns, 1),
      promptTokenSaving: round(1 - baton.promptTokens / Math.max(1, baseline.promptTokens), 3),
      baton: {
        calls: baton.calls,
        promptTokens: baton.promptTokens,
        byKind: baton.byKind,
        errors: baton.errors,
      },
      baseline: {
        calls: baseline.calls,
        promptTokens: baseline.promptTokens,
        byKind: baseline.byKind,
        errors: baseline.errors,
      },
    };
  } finally {
    await server.close();
  }
}
