import { env } from 'cloudflare:test';
import {
  type CheckpointSaverTestInitializer,
  deltaChannelHistoryTests,
  validate,
} from '@langchain/langgraph-checkpoint-validation';
import { describe, expect, it } from 'vitest';
import { DrizzleCheckpointSaver } from '../../src/agent/checkpointer.js';
import { checkpointBlobs, checkpoints, checkpointWrites } from '../../src/store/schema/index.js';
import { openD1 } from '../../src/worker/d1.js';
import { exposeVitestGlobals } from '../support/vitest-globals.js';
import { wideCheckpointRoundTrip } from '../support/wide-checkpoint.js';

// LangGraph's official checkpointer validation suite, in workerd against D1 (Miniflare): the
// same suite test/agent/checkpointer.test.ts runs on libSQL.

exposeVitestGlobals();

const db = openD1(env.DB);

// One D1 database per test file: each checkpointer starts from empty checkpoint tables instead of
// a database of its own (the suite's tests run one after another).
const initializer: CheckpointSaverTestInitializer<DrizzleCheckpointSaver> = {
  checkpointerName: 'DrizzleCheckpointSaver on D1',
  async createCheckpointer() {
    await db.batch([db.delete(checkpointWrites), db.delete(checkpointBlobs), db.delete(checkpoints)]);
    return new DrizzleCheckpointSaver(db);
  },
};

validate(initializer);
deltaChannelHistoryTests(initializer);

describe('DrizzleCheckpointSaver on D1', () => {
  it('stores a checkpoint with more changed channels than one statement may bind', async () => {
    const saver = await initializer.createCheckpointer();
    const { written, read } = await wideCheckpointRoundTrip(saver, 40);
    expect(read).toEqual(written);
  });
});
