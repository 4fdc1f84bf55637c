import { describe, expect, it } from 'vitest';
import { changesOnly } from '../../src/agent/changes-only.js';
import type { AgentStateUpdate, AgentStateValue } from '../../src/agent/state.js';

const state = {
  reasons: [],
  replies: [{ kind: 'text', text: 'hello' }],
  handled: null,
  failedAttempts: 1,
  facts: { orderIds: ['1002'], amounts: [], media: [] },
  lastArea: 'orders',
  transcript: [{ from: 'customer', text: 'hi', at: '2026-12-06T10:00:00.000Z' }],
} as unknown as AgentStateValue;

async function update(of: AgentStateUpdate) {
  return changesOnly(() => of)(state, {});
}

describe('a node’s update, changes only', () => {
  it('leaves out every channel set to the value it holds, however the value was built', async () => {
    expect(
      await update({
        reasons: [],
        replies: [{ kind: 'text', text: 'hello' }],
        handled: null,
        failedAttempts: 1,
        facts: { orderIds: ['1002'], amounts: [], media: [] },
        lastArea: 'orders',
      } as AgentStateUpdate),
    ).toEqual({});
  });

  it('keeps every channel that changes, down to one field or one item', async () => {
    const changed = {
      reasons: [{ code: 'human_requested', evidence: 'agent' }],
      replies: [{ kind: 'text', text: 'hello!' }],
      handled: false,
      failedAttempts: 2,
      facts: { orderIds: ['1002', '1001'], amounts: [], media: [] },
      lastArea: null,
      transcript: [
        { from: 'customer', text: 'hi', at: '2026-12-06T10:00:00.000Z' },
        { from: 'bot', text: 'hello', at: '2026-12-06T10:00:01.000Z' },
      ],
      // a key the state does not hold yet
      shownOrderId: '1002',
    } as AgentStateUpdate;
    expect(await update(changed)).toEqual(changed);
    // an object with a field more, or one less, is a change
    expect(
      await update({ facts: { orderIds: ['1002'], amounts: [] } } as unknown as AgentStateUpdate),
    ).toHaveProperty('facts');
    expect(
      await update({
        facts: { orderIds: ['1002'], amounts: [], media: [], extra: [] },
      } as unknown as AgentStateUpdate),
    ).toHaveProperty('facts');
    // [] is not {}, 0 is not null
    expect(await update({ reasons: {} } as unknown as AgentStateUpdate)).toHaveProperty('reasons');
    expect(await update({ handled: 0 } as unknown as AgentStateUpdate)).toHaveProperty('handled');
  });
});
