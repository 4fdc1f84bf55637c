import { AsyncLocalStorageProviderSingleton, MockAsyncLocalStorage } from '@langchain/core/singletons';

type RunWithConfig = typeof AsyncLocalStorageProviderSingleton.runWithConfig;

const langChainRunWithConfig: RunWithConfig = AsyncLocalStorageProviderSingleton.runWithConfig.bind(
  AsyncLocalStorageProviderSingleton,
);

/**
 * LangChain runs every runnable call — each node, edge and channel write, about forty a turn —
 * through `runWithConfig`, which builds a LangSmith RunTree (a uuid from the system's random
 * source, a dozen environment reads) to hand the config to code below it through
 * AsyncLocalStorage. Baton runs LangGraph's web entry, which registers no AsyncLocalStorage: the
 * store is LangChain's mock, which drops the tree unread. That was a third of LangGraph's own
 * time per turn. While the mock is the store, the callback runs at once; as soon as something
 * registers a real store (LangGraph's Node entry does) LangChain's own method runs again.
 */
export function skipUnreadRunTrees(): void {
  AsyncLocalStorageProviderSingleton.runWithConfig = (config, callback, avoidCreatingRootRunTree) =>
    AsyncLocalStorageProviderSingleton.getInstance() instanceof MockAsyncLocalStorage
      ? callback()
      : langChainRunWithConfig(config, callback, avoidCreatingRootRunTree);
}
