import { emptyCheckpoint } from '@langchain/langgraph-checkpoint';
import type { DrizzleCheckpointSaver } from '../../src/agent/checkpointer.js';

/**
 * Puts a checkpoint in which `channels` channels changed and reads it back: more channels than
 * one insert statement takes (D1 binds at most 100 values), as Baton's own state has about two
 * dozen. Returns what was written and what came back, for the caller to compare.
 */
export async function wideCheckpointRoundTrip(saver: DrizzleCheckpointSaver, channels: number) {
  const checkpoint = emptyCheckpoint();
  for (let i = 0; i < channels; i++) {
    checkpoint.channel_values[`channel${i}`] = { i, text: `value ${i}` };
    checkpoint.channel_versions[`channel${i}`] = saver.getNextVersion(undefined);
  }
  const config = { configurable: { thread_id: `wide-${channels}`, checkpoint_ns: '' } };
  const saved = await saver.put(
    config,
    checkpoint,
    { source: 'loop', step: 0, parents: {} },
    checkpoint.channel_versions,
  );
  const tuple = await saver.getTuple(saved);
  return { written: checkpoint.channel_values, read: tuple?.checkpoint.channel_values };
}
