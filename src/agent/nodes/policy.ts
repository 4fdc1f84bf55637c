import { buildingFrustrationTrigger, messageTriggers } from '../../policy/triggers.js';
import type { AgentDeps } from '../context.js';
import type { AgentStateUpdate, AgentStateValue } from '../state.js';

/** Applies the message triggers and frustration that built up; a trigger goes straight to the handoff. */
export function policyNode(deps: AgentDeps) {
  return (state: AgentStateValue): AgentStateUpdate => {
    if (state.classification === null) return { reasons: [] };
    const building = buildingFrustrationTrigger(state.frustrationHistory, state.classification, deps.policy);
    return {
      reasons: [...messageTriggers(state.classification, deps.policy), ...(building ? [building] : [])],
    };
  };
}

export function afterPolicy(state: AgentStateValue): 'handoff' | 'respond' {
  return state.reasons.length > 0 ? 'handoff' : 'respond';
}
