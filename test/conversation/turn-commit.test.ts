import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DrizzleCheckpointSaver } from '../../src/agent/checkpointer.js';
import type { AgentStateValue } from '../../src/agent/state.js';
import type { Db } from '../../src/store/db.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { conversations, messages } from '../../src/store/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait-for.js';

let harness: Harness | undefined;
let closeDb: (() => void) | undefined;
afterEach(() => {
  harness?.close();
  closeDb?.();
});

/** The statement that closes a handled message: it is in the batch that ends every turn. */
const CLOSES_A_TURN = /^update "messages" set "status" = \?, "turn" = \?/;

/**
 * The database, with the batch that ends a turn failing once after `failNext()`: what a full
 * disk, a lost libSQL server or a process killed at that moment leaves behind.
 */
function failingTurnClose(db: Db): { db: Db; failNext: () => void; failed: () => number } {
  let failed = 0;
  let times = 0;
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'batch') return Reflect.get(target, property, receiver);
      return (items: Parameters<Db['batch']>[0]) => {
        const sqls = items.map((item) => (item as { toSQL?: () => { sql: string } }).toSQL?.().sql ?? '');
        if (failed < times && sqls.some((text) => CLOSES_A_TURN.test(text))) {
          failed++;
          return Promise.reject(new Error('disk I/O error'));
        }
        return target.batch(items);
      };
    },
  });
  return { db: proxy, failNext: () => times++, failed: () => failed };
}

async function agentState(db: Db): Promise<AgentStateValue> {
  const [conversation] = await db.select({ id: conversations.id }).from(conversations);
  const tuple = await new DrizzleCheckpointSaver(db).getTuple({
    configurable: { thread_id: conversation?.id },
  });
  return tuple?.checkpoint.channel_values as AgentStateValue;
}

describe("a turn's state is committed with its replies", () => {
  it('a turn whose closing write failed is rerun from the turn before, not from its own half', async () => {
    const opened = openLibsql(':memory:');
    closeDb = opened.close;
    await migrateLibsql(opened.db);
    const failing = failingTurnClose(opened.db);
    harness = await createHarness({ db: failing.db });
    const waId = '966500000977';
    await harness.post({ waId, text: 'how long does delivery take?' });
    // not the first turn, which starts from no state whatever is stored
    failing.failNext();
    await harness.post({ waId, text: 'and do you deliver to jeddah?' });

    expect(failing.failed()).toBe(1);
    // the worker retries the conversation after a delay
    await waitFor(async () => (await harness?.replies(waId))?.length === 2);
    const state = await agentState(opened.db);
    const said = state.transcript.filter((line) => line.from === 'customer').map((line) => line.text);
    // The failed closing write took the turn's checkpoint with it: the retry appended the
    // customer's message once, not on top of the first attempt's state.
    expect(said).toEqual(['how long does delivery take?', 'and do you deliver to jeddah?']);
    const inbound = await opened.db
      .select({ status: messages.status, turn: messages.turn })
      .from(messages)
      .where(eq(messages.direction, 'in'));
    expect(inbound).toEqual([
      { status: 'done', turn: 1 },
      { status: 'done', turn: 2 },
    ]);
  });
});
