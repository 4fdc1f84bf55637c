import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotation, END, START, StateGraph } from '@langchain/langgraph/web';
import {
  type CheckpointSaverTestInitializer,
  deltaChannelHistoryTests,
  validate,
} from '@langchain/langgraph-checkpoint-validation';
import { afterAll, describe, expect, it } from 'vitest';
import { DrizzleCheckpointSaver } from '../../src/agent/checkpointer.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { checkpointBlobs } from '../../src/store/schema/index.js';
import { exposeVitestGlobals } from '../support/vitest-globals.js';
import { wideCheckpointRoundTrip } from '../support/wide-checkpoint.js';

exposeVitestGlobals();

// Each checkpointer gets its own in-memory database, which the suite needs for isolation.
const closers = new WeakMap<DrizzleCheckpointSaver, () => void>();
const initializer: CheckpointSaverTestInitializer<DrizzleCheckpointSaver> = {
  checkpointerName: 'DrizzleCheckpointSaver',
  async createCheckpointer() {
    const { db, close } = openLibsql(':memory:');
    await migrateLibsql(db);
    const saver = new DrizzleCheckpointSaver(db);
    closers.set(saver, close);
    return saver;
  },
  destroyCheckpointer(saver) {
    closers.get(saver)?.();
  },
};

validate(initializer);
// Opt-in upstream (the official savers run it too): DeltaChannel history over our stored writes.
deltaChannelHistoryTests(initializer);

describe('DrizzleCheckpointSaver with a StateGraph', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-checkpointer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const State = Annotation.Root({
    log: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
    turns: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }),
  });
  const buildGraph = (saver: DrizzleCheckpointSaver) =>
    new StateGraph(State)
      .addNode('count', (state: typeof State.State) => ({ turns: 1, log: [`turn ${state.turns + 1}`] }))
      .addEdge(START, 'count')
      .addEdge('count', END)
      .compile({ checkpointer: saver });

  async function openSaver(url: string) {
    const { db, close } = openLibsql(url);
    await migrateLibsql(db, { file: true });
    return { saver: new DrizzleCheckpointSaver(db), close };
  }

  it('stores a checkpoint with more changed channels than one blob insert takes', async () => {
    const { db, close } = openLibsql(':memory:');
    try {
      await migrateLibsql(db);
      const { written, read } = await wideCheckpointRoundTrip(new DrizzleCheckpointSaver(db), 40);
      expect(read).toEqual(written);
    } finally {
      close();
    }
  });

  it('stores no blob for a channel emptied at a version, and reads one stored as empty before as none', async () => {
    const { db, close } = openLibsql(':memory:');
    try {
      await migrateLibsql(db);
      const saver = new DrizzleCheckpointSaver(db);
      const config = { configurable: { thread_id: 'emptied', checkpoint_ns: '' } };
      const checkpoint = {
        v: 4,
        id: '1ef00000-0000-6000-8000-000000000001',
        ts: '2026-12-06T10:00:00.000Z',
        channel_values: { kept: 'value' },
        channel_versions: { kept: 1, emptied: 2, oldEmpty: 3 },
        versions_seen: {},
      };
      await saver.put(config, checkpoint, { source: 'loop', step: 1, parents: {} }, { kept: 1, emptied: 2 });
      const rows = await db.select().from(checkpointBlobs);
      expect(rows.map((row) => row.channel)).toEqual(['kept']);
      // as an earlier version of this saver wrote an emptied channel
      await db.insert(checkpointBlobs).values({
        threadId: 'emptied',
        checkpointNs: '',
        channel: 'oldEmpty',
        version: '3',
        type: 'empty',
        blob: null,
      });
      const tuple = await saver.getTuple(config);
      expect(tuple?.checkpoint.channel_values).toEqual({ kept: 'value' });
    } finally {
      close();
    }
  });

  it('resumes a thread from a second saver on the same libSQL file', async () => {
    const url = `file:${join(dir, 'baton.db')}`;
    const config = { configurable: { thread_id: 'conversation-1' } };

    const first = await openSaver(url);
    const afterFirst = await buildGraph(first.saver).invoke({ log: ['hello'] }, config);
    expect(afterFirst).toEqual({ log: ['hello', 'turn 1'], turns: 1 });
    first.close();

    const second = await openSaver(url);
    const graph = buildGraph(second.saver);
    expect((await graph.getState(config)).values).toEqual({ log: ['hello', 'turn 1'], turns: 1 });
    const afterSecond = await graph.invoke({ log: ['again'] }, config);
    expect(afterSecond).toEqual({ log: ['hello', 'turn 1', 'again', 'turn 2'], turns: 2 });

    const history = [];
    for await (const snapshot of graph.getStateHistory(config)) history.push(snapshot);
    // input + loop step + done, for each of the two invocations
    expect(history.length).toBe(6);
    second.close();
  });

  it('keeps both branches when a thread is forked from an earlier checkpoint', async () => {
    const { saver, close } = await openSaver(':memory:');
    const graph = buildGraph(saver);
    const config = { configurable: { thread_id: 'conversation-2' } };
    await graph.invoke({ log: ['hello'] }, config);
    const afterFirstTurn = (await graph.getState(config)).config;
    await graph.invoke({ log: ['again'] }, config);
    const original = (await graph.getState(config)).config;

    // Replaying from the first turn mints the same step numbers as the original second turn.
    await graph.invoke({ log: ['instead'] }, afterFirstTurn);
    const fork = (await graph.getState(config)).config;

    expect((await graph.getState(original)).values.log).toEqual(['hello', 'turn 1', 'again', 'turn 2']);
    expect((await graph.getState(fork)).values.log).toEqual(['hello', 'turn 1', 'instead', 'turn 2']);
    close();
  });
});
