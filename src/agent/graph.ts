import { type BaseCheckpointSaver, END, START, StateGraph } from '@langchain/langgraph/web';
import { changesOnly } from './changes-only.js';
import type { AgentDeps } from './context.js';
import { classifyNode } from './nodes/classify.js';
import { afterCsat, csatNode } from './nodes/csat.js';
import { handoffNode } from './nodes/handoff.js';
import { afterIngest, ingest } from './nodes/ingest.js';
import { afterPolicy, policyNode } from './nodes/policy.js';
import { afterRespond, respondNode } from './nodes/respond.js';
import { whileQueuedNode } from './nodes/while-queued.js';
import { AgentState } from './state.js';
import { skipUnreadRunTrees } from './unread-run-trees.js';

/**
 * ingest → classify → policy → respond → handoff, with the queued path beside it:
 *
 *   ingest ─┬─ (mode ≠ bot) ──▶ whileQueued ─▶ END
 *           ├─ (after a hand-back) ─▶ csat ─▶ END, or on as a normal turn
 *           ├─ (media) ───────────────────────▶ respond
 *           └─▶ classify ─▶ policy ─┬─ (trigger) ─▶ handoff ─▶ END
 *                                   └─▶ respond ─┬─ (3rd failure / model asks) ─▶ handoff
 *                                                └─▶ END
 */
export function buildAgentGraph(deps: AgentDeps, checkpointer: BaseCheckpointSaver) {
  skipUnreadRunTrees();
  return new StateGraph(AgentState)
    .addNode('ingest', changesOnly(ingest))
    .addNode('classify', changesOnly(classifyNode(deps)))
    .addNode('policy', changesOnly(policyNode(deps)))
    .addNode('respond', changesOnly(respondNode(deps)))
    .addNode('handoff', changesOnly(handoffNode(deps)))
    .addNode('whileQueued', changesOnly(whileQueuedNode(deps)))
    .addNode('csat', changesOnly(csatNode(deps)))
    .addEdge(START, 'ingest')
    .addConditionalEdges('ingest', afterIngest, ['whileQueued', 'csat', 'classify', 'respond'])
    .addConditionalEdges('csat', afterCsat, ['classify', 'respond', END])
    .addEdge('classify', 'policy')
    .addConditionalEdges('policy', afterPolicy, ['handoff', 'respond'])
    .addConditionalEdges('respond', afterRespond, ['handoff', END])
    .addEdge('handoff', END)
    .addEdge('whileQueued', END)
    .compile({ checkpointer });
}

export type AgentGraph = ReturnType<typeof buildAgentGraph>;
