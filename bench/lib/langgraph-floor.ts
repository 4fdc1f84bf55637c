import { Annotation, END, MemorySaver, START, StateGraph } from '@langchain/langgraph/web';
import { skipUnreadRunTrees } from '../../src/agent/unread-run-trees.js';
import { summary } from './stats.js';

/**
 * What LangGraph alone costs per invocation on this machine: Baton's usual path (ingest →
 * classify → policy → respond, a conditional edge after each of the first and last) with nodes
 * that do nothing, an in-memory checkpointer, one checkpoint at exit and no unread run trees, as
 * Baton runs it. No database, no NLU: the floor under Baton's turn latency while the agent is a
 * LangGraph graph.
 */
export async function langGraphFloor(invocations: number, warmup = 300) {
  skipUnreadRunTrees();
  const last = <T>(fallback: () => T) => Annotation<T>({ reducer: (_, next) => next, default: fallback });
  const State = Annotation.Root({
    text: last<string>(() => ''),
    intent: last<string | null>(() => null),
    reasons: last<string[]>(() => []),
    replies: last<string[]>(() => []),
    transcript: last<string[]>(() => []),
  });
  const graph = new StateGraph(State)
    .addNode('ingest', (s) => ({
      transcript: [...s.transcript, s.text].slice(-20),
      replies: [],
      reasons: [],
    }))
    .addNode('classify', () => ({ intent: 'faq' }))
    .addNode('policy', () => ({ reasons: [] }))
    .addNode('respond', (s) => ({ replies: [`echo ${s.text}`] }))
    .addNode('handoff', () => ({}))
    .addEdge(START, 'ingest')
    .addConditionalEdges('ingest', () => 'classify', ['classify', 'respond'])
    .addEdge('classify', 'policy')
    .addConditionalEdges('policy', () => 'respond', ['handoff', 'respond'])
    .addConditionalEdges('respond', () => END, ['handoff', END])
    .addEdge('handoff', END)
    .compile({ checkpointer: new MemorySaver() });
  const samples: number[] = [];
  for (let i = 0; i < warmup + invocations; i++) {
    const started = performance.now();
    await graph.invoke(
      { text: `message ${i}` },
      { configurable: { thread_id: `floor-${i % 500}` }, durability: 'exit' },
    );
    if (i >= warmup) samples.push(performance.now() - started);
  }
  return summary(samples);
}
