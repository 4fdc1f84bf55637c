import { customType, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A BLOB column read and written as a plain Uint8Array. drizzle's `blob({ mode: 'buffer' })` goes
 * through Node's `Buffer`, which Workers lack; drivers also disagree on what a BLOB comes back as
 * (libSQL: ArrayBuffer, D1: ArrayBuffer or an array of byte numbers), so normalise here once.
 */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array | ArrayBuffer | number[] }>({
  dataType: () => 'blob',
  toDriver: (value) => value,
  fromDriver: (value) => {
    if (value instanceof Uint8Array) return value;
    if (Array.isArray(value)) return Uint8Array.from(value);
    return new Uint8Array(value);
  },
});

/** LangGraph checkpoints (src/agent/checkpointer.ts); one row per checkpoint of a thread. */
export const checkpoints = sqliteTable(
  'checkpoints',
  {
    threadId: text('thread_id').notNull(),
    checkpointNs: text('checkpoint_ns').notNull().default(''),
    checkpointId: text('checkpoint_id').notNull(),
    parentCheckpointId: text('parent_checkpoint_id'),
    /** The serde type of both `checkpoint` and `metadata`. */
    type: text('type').notNull(),
    /** The checkpoint without its channel values; those live in `checkpoint_blobs`. */
    checkpoint: bytes('checkpoint').notNull(),
    metadata: bytes('metadata').notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.checkpointNs, t.checkpointId] })],
);

/**
 * One channel value per (channel, version): a checkpoint stores only the channels that changed
 * (its `newVersions`) and finds the rest by the versions it records, so an unchanged message
 * history is not copied into every checkpoint. `type` is `'empty'` (and `blob` null) when the
 * channel had no value at that version.
 */
export const checkpointBlobs = sqliteTable(
  'checkpoint_blobs',
  {
    threadId: text('thread_id').notNull(),
    checkpointNs: text('checkpoint_ns').notNull().default(''),
    channel: text('channel').notNull(),
    version: text('version').notNull(),
    type: text('type').notNull(),
    blob: bytes('blob'),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.checkpointNs, t.channel, t.version] })],
);

export const checkpointWrites = sqliteTable(
  'checkpoint_writes',
  {
    threadId: text('thread_id').notNull(),
    checkpointNs: text('checkpoint_ns').notNull().default(''),
    checkpointId: text('checkpoint_id').notNull(),
    taskId: text('task_id').notNull(),
    /** The writing task's path; pending writes are replayed in (task_path, task_id, idx) order. */
    taskPath: text('task_path').notNull().default(''),
    idx: integer('idx').notNull(),
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    value: bytes('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.checkpointNs, t.checkpointId, t.taskId, t.idx] })],
);
