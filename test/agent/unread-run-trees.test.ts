import { AsyncLocalStorage } from 'node:async_hooks';
import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import { Annotation, END, START, StateGraph } from '@langchain/langgraph/web';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { skipUnreadRunTrees } from '../../src/agent/unread-run-trees.js';

// Where LangChain keeps a registered AsyncLocalStorage (its singletons' globals). Test files
// share a worker, so each test starts with none and puts back what was there.
const STORE_KEY = Symbol.for('ls:tracing_async_local_storage');
const globals = globalThis as Record<symbol, unknown>;
let registered: unknown;

beforeEach(() => {
  registered = globals[STORE_KEY];
  delete globals[STORE_KEY];
});

afterEach(() => {
  globals[STORE_KEY] = registered;
});

function uuidsDrawn(run: () => unknown) {
  const draw = vi.spyOn(globalThis.crypto, 'getRandomValues');
  run();
  const drawn = draw.mock.calls.length;
  draw.mockRestore();
  return drawn;
}

describe('skipUnreadRunTrees', () => {
  it('runs a runnable’s callback without building a run tree while no store is registered', () => {
    const config = { tags: ['baton'] };
    skipUnreadRunTrees();
    let answer = 0;
    expect(
      uuidsDrawn(() => (answer = AsyncLocalStorageProviderSingleton.runWithConfig(config, () => 42))),
    ).toBe(0);
    expect(answer).toBe(42);
  });

  it('leaves LangChain’s own method to run once a real store is registered, so the config reaches code below', () => {
    skipUnreadRunTrees();
    AsyncLocalStorageProviderSingleton.initializeGlobalInstance(new AsyncLocalStorage());
    const config = { tags: ['baton'], configurable: { thread_id: 't1' } };
    const seen = AsyncLocalStorageProviderSingleton.runWithConfig(config, () =>
      AsyncLocalStorageProviderSingleton.getRunnableConfig(),
    );
    expect(seen).toEqual(config);
  });

  it('leaves a graph its result, with the config in every node', async () => {
    const State = Annotation.Root({
      steps: Annotation<string[]>({ reducer: (a, b) => [...a, ...b], default: () => [] }),
    });
    const graph = new StateGraph(State)
      .addNode('first', (_s, config) => ({ steps: [`first:${config.configurable?.thread_id}`] }))
      .addNode('second', (s) => ({ steps: [`second after ${s.steps.length}`] }))
      .addEdge(START, 'first')
      .addConditionalEdges('first', () => 'second', ['second', END])
      .addEdge('second', END)
      .compile();
    skipUnreadRunTrees();
    const state = await graph.invoke({ steps: [] }, { configurable: { thread_id: 'c1' } });
    expect(state.steps).toEqual(['first:c1', 'second after 1']);
  });
});
