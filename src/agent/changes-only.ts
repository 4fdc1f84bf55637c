import type { LangGraphRunnableConfig } from '@langchain/langgraph/web';
import type { AgentStateUpdate, AgentStateValue } from './state.js';

type Node = (
  state: AgentStateValue,
  config: LangGraphRunnableConfig,
) => AgentStateUpdate | Promise<AgentStateUpdate>;

/**
 * The node's update without the channels it would set to the value they already hold. Every
 * channel keeps the last value written (state.ts), so such a write changes nothing, yet costs a
 * new channel version: LangGraph's bookkeeping, and a value serialised and stored with the
 * checkpoint. A turn wrote about 26 channels, most of them unchanged (`reasons: []` after a turn
 * without reasons).
 */
export function changesOnly(node: Node): Node {
  return async (state, config) => {
    const update = await node(state, config);
    const changed: Record<string, unknown> = {};
    for (const [channel, value] of Object.entries(update)) {
      if (!sameValue(value, state[channel as keyof AgentStateValue])) changed[channel] = value;
    }
    return changed as AgentStateUpdate;
  };
}

/** Structural equality of state values: JSON-like data, as the checkpoint stores it. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameValue(item, b[i]))
    );
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]))
  );
}
