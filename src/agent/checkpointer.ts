import type { RunnableConfig } from '@langchain/core/runnables';
import {
  BaseCheckpointSaver,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointTuple,
  copyCheckpoint,
  getCheckpointId,
  maxChannelVersion,
  type PendingWrite,
  type SerializerProtocol,
  TASKS,
} from '@langchain/langgraph-checkpoint';
import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { yieldToEventLoop } from '../conversation/yield.js';
import type { Db } from '../store/db.js';
import { preparedPerDb } from '../store/prepared.js';
import { checkpointBlobs, checkpoints, checkpointWrites } from '../store/schema/index.js';
import {
  type CheckpointKey,
  configString,
  metadataEquals,
  namespaceOf,
  readChannelValues,
  readWrites,
  specialWriteIdx,
} from './checkpointer-rows.js';

type CheckpointRow = typeof checkpoints.$inferSelect;

/** A statement for the batch that will commit the checkpoint (drizzle's batch item). */
export type DeferredWrite = BatchItem<'sqlite'>;

/**
 * A run whose `configurable.deferredWrites` is an array gets its checkpoints' statements pushed
 * there instead of committed: the caller commits them in its own batch, so the state a run leaves
 * is saved in the same commit as what the run produced (see `createAgent`), or not at all.
 */
function deferredWritesOf(config: RunnableConfig): DeferredWrite[] | undefined {
  const deferred: unknown = config.configurable?.deferredWrites;
  return Array.isArray(deferred) ? (deferred as DeferredWrite[]) : undefined;
}

/** D1 binds at most 100 values per statement, and a blob row has six. */
const BLOB_ROWS_PER_INSERT = 16;

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

const ofThread = () => [
  eq(checkpoints.threadId, sql.placeholder('threadId')),
  eq(checkpoints.checkpointNs, sql.placeholder('checkpointNs')),
];

const checkpointQuery = preparedPerDb((db) =>
  db
    .select()
    .from(checkpoints)
    .where(and(...ofThread(), eq(checkpoints.checkpointId, sql.placeholder('checkpointId'))))
    .prepare(),
);

/** Ids are uuid6, which sort by creation time. */
const latestCheckpointQuery = preparedPerDb((db) =>
  db
    .select()
    .from(checkpoints)
    .where(and(...ofThread()))
    .orderBy(desc(checkpoints.checkpointId))
    .limit(1)
    .prepare(),
);

/** A checkpoint as stored: its channel values are kept per version in `checkpoint_blobs`. */
type StoredCheckpoint = Omit<Checkpoint, 'channel_values'>;

/**
 * LangGraph checkpointer over our drizzle database. It follows the official SQLite saver
 * (pending writes, v<4 pending-send migration, `list` filters, namespaces) with two differences
 * the validation suite and LangGraph 1.x ask for: channel values are stored once per channel
 * version, like the Postgres saver, and pending writes keep their task path so they come back
 * in `writesSortKey` order.
 *
 * Runtime-neutral for Workers/D1: bytes are Uint8Arrays, and multi-row writes go through
 * `db.batch` (atomic on libSQL and D1) because D1 rejects interactive transactions.
 */
export class DrizzleCheckpointSaver extends BaseCheckpointSaver {
  constructor(
    private readonly db: Db,
    serde?: SerializerProtocol,
  ) {
    super(serde);
  }

  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    await yieldToEventLoop();
    const threadId = configString(config.configurable?.thread_id);
    if (threadId === undefined) return undefined;
    const checkpointNs = namespaceOf(config.configurable?.checkpoint_ns) ?? '';
    const checkpointId = getCheckpointId(config);

    const [row] = checkpointId
      ? await checkpointQuery(this.db).all({ threadId, checkpointNs, checkpointId })
      : await latestCheckpointQuery(this.db).all({ threadId, checkpointNs });
    return row === undefined ? undefined : this.loadTuple(row);
  }

  async *list(config: RunnableConfig, options: CheckpointListOptions = {}): AsyncGenerator<CheckpointTuple> {
    const { limit, before, filter } = options;
    const threadId = configString(config.configurable?.thread_id);
    const checkpointNs = namespaceOf(config.configurable?.checkpoint_ns);
    const checkpointId = configString(config.configurable?.checkpoint_id);
    const beforeId = configString(before?.configurable?.checkpoint_id);

    const conditions: (SQL | undefined)[] = [
      threadId === undefined ? undefined : eq(checkpoints.threadId, threadId),
      // '' is the root namespace, so only an absent namespace means "every namespace".
      checkpointNs === undefined ? undefined : eq(checkpoints.checkpointNs, checkpointNs),
      checkpointId === undefined ? undefined : eq(checkpoints.checkpointId, checkpointId),
      beforeId === undefined ? undefined : lt(checkpoints.checkpointId, beforeId),
      ...Object.entries(filter ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => metadataEquals(key, value)),
    ];
    const query = this.db
      .select()
      .from(checkpoints)
      .where(and(...conditions))
      .orderBy(desc(checkpoints.checkpointId));
    const rows = await (limit === undefined ? query : query.limit(limit));
    for (const row of rows) yield await this.loadTuple(row);
  }

  async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    const deferred = deferredWritesOf(config);
    if (deferred === undefined) await yieldToEventLoop();
    if (config.configurable === undefined) throw new Error('Empty configuration supplied.');
    const threadId = configString(config.configurable.thread_id);
    if (threadId === undefined) throw new Error('Missing "thread_id" field in passed "config.configurable".');
    const checkpointNs = namespaceOf(config.configurable.checkpoint_ns) ?? '';
    // The config names the checkpoint this one was derived from.
    const parentCheckpointId = configString(config.configurable.checkpoint_id) ?? null;

    const { channel_values: values, ...stored } = copyCheckpoint(checkpoint);
    const [[type, checkpointBytes], [metadataType, metadataBytes]] = await Promise.all([
      this.serde.dumpsTyped(stored satisfies StoredCheckpoint),
      this.serde.dumpsTyped(metadata),
    ]);
    if (type !== metadataType) {
      throw new Error(`Checkpoint and metadata serialised to different types (${type}, ${metadataType}).`);
    }

    // Only the channels that changed get a new blob; unchanged ones are found by their version.
    // A channel emptied at this version (a branch's trigger, once taken) gets none: reading finds
    // no blob for its version, which is the same as an empty one.
    const blobs = await Promise.all(
      Object.entries(newVersions)
        .filter(([channel]) => Object.hasOwn(values, channel))
        .map(async ([channel, version]) => {
          const [type, blob] = await this.serde.dumpsTyped(values[channel]);
          return { threadId, checkpointNs, channel, version: String(version), type, blob };
        }),
    );

    const row = {
      threadId,
      checkpointNs,
      checkpointId: checkpoint.id,
      parentCheckpointId,
      type,
      checkpoint: checkpointBytes,
      metadata: metadataBytes,
    };
    await this.commit(
      deferred,
      this.db
        .insert(checkpoints)
        .values(row)
        .onConflictDoUpdate({
          target: [checkpoints.threadId, checkpoints.checkpointNs, checkpoints.checkpointId],
          set: { parentCheckpointId, type, checkpoint: checkpointBytes, metadata: metadataBytes },
        }),
      // A (channel, version) blob never changes once written; versions are unique (getNextVersion).
      // A turn changes about two dozen channels: a few multi-row inserts instead of a statement each.
      ...chunks(blobs, BLOB_ROWS_PER_INSERT).map((rows) =>
        this.db.insert(checkpointBlobs).values(rows).onConflictDoNothing(),
      ),
    );

    return {
      configurable: { thread_id: threadId, checkpoint_ns: checkpointNs, checkpoint_id: checkpoint.id },
    };
  }

  async putWrites(
    config: RunnableConfig,
    writes: PendingWrite[],
    taskId: string,
    taskPath = '',
  ): Promise<void> {
    if (config.configurable === undefined) throw new Error('Empty configuration supplied.');
    const threadId = configString(config.configurable.thread_id);
    if (threadId === undefined) throw new Error('Missing "thread_id" field in config.configurable.');
    const checkpointId = configString(config.configurable.checkpoint_id);
    if (checkpointId === undefined) throw new Error('Missing "checkpoint_id" field in config.configurable.');
    const checkpointNs = namespaceOf(config.configurable.checkpoint_ns) ?? '';

    const rows = await Promise.all(
      writes.map(async ([channel, value], idx) => {
        const [type, bytes] = await this.serde.dumpsTyped(value);
        // Special channels (error, interrupt, resume…) sit at fixed negative indices so they
        // never collide with the task's ordinary writes.
        const specialIdx = specialWriteIdx(channel);
        return {
          threadId,
          checkpointNs,
          checkpointId,
          taskId,
          taskPath,
          idx: specialIdx ?? idx,
          channel,
          type,
          value: bytes,
        };
      }),
    );
    const [first, ...rest] = rows;
    if (first === undefined) return;

    // As in the SQLite saver: a batch of only special writes replaces what is there (a RESUME
    // overwrites the INTERRUPT), otherwise the first write of a (task, idx) wins, so a retried
    // task cannot clobber what a concurrent run already stored.
    const replace = writes.every(([channel]) => specialWriteIdx(channel) !== undefined);
    const insert = (row: typeof first) => {
      const statement = this.db.insert(checkpointWrites).values(row);
      return replace
        ? statement.onConflictDoUpdate({
            target: [
              checkpointWrites.threadId,
              checkpointWrites.checkpointNs,
              checkpointWrites.checkpointId,
              checkpointWrites.taskId,
              checkpointWrites.idx,
            ],
            set: { taskPath: row.taskPath, channel: row.channel, type: row.type, value: row.value },
          })
        : statement.onConflictDoNothing();
    };
    await this.commit(deferredWritesOf(config), insert(first), ...rest.map(insert));
  }

  /** Commits the statements in one batch, or leaves them to the run's own batch when it defers. */
  private async commit(
    deferred: DeferredWrite[] | undefined,
    first: DeferredWrite,
    ...rest: DeferredWrite[]
  ) {
    if (deferred === undefined) await this.db.batch([first, ...rest]);
    else deferred.push(first, ...rest);
  }

  async deleteThread(threadId: string): Promise<void> {
    await this.db.batch([
      this.db.delete(checkpoints).where(eq(checkpoints.threadId, threadId)),
      this.db.delete(checkpointBlobs).where(eq(checkpointBlobs.threadId, threadId)),
      this.db.delete(checkpointWrites).where(eq(checkpointWrites.threadId, threadId)),
    ]);
  }

  /**
   * Versions are `step + random fraction`, not the base class's plain counter. Blobs are keyed
   * by version, and two branches forked from one checkpoint would otherwise mint the same
   * version for different values and the second would be dropped (langgraphjs#1812). Python's
   * savers do the same with strings; a number keeps the type LangGraph's JS API expects.
   */
  override getNextVersion(current: number | undefined): number {
    const step = typeof current === 'number' ? Math.floor(current) : 0;
    return step + 1 + Math.random();
  }

  private async loadTuple(row: CheckpointRow): Promise<CheckpointTuple> {
    const key: CheckpointKey = {
      threadId: row.threadId,
      checkpointNs: row.checkpointNs,
      checkpointId: row.checkpointId,
    };
    const stored = (await this.serde.loadsTyped(row.type, row.checkpoint)) as StoredCheckpoint;
    const [channelValues, metadata, pendingWrites] = await Promise.all([
      readChannelValues(this.db, this.serde, key, stored.channel_versions ?? {}),
      this.serde.loadsTyped(row.type, row.metadata) as Promise<CheckpointMetadata>,
      readWrites(this.db, this.serde, key),
    ]);
    const checkpoint: Checkpoint = {
      ...stored,
      channel_versions: stored.channel_versions ?? {},
      versions_seen: stored.versions_seen ?? {},
      channel_values: channelValues,
    };

    const parentId = row.parentCheckpointId;
    if (checkpoint.v < 4 && parentId !== null) {
      await this.migratePendingSends(checkpoint, { ...key, checkpointId: parentId });
    }

    const configOf = (checkpointId: string) => ({
      configurable: { thread_id: key.threadId, checkpoint_ns: key.checkpointNs, checkpoint_id: checkpointId },
    });
    return {
      config: configOf(key.checkpointId),
      checkpoint,
      metadata,
      ...(parentId === null ? {} : { parentConfig: configOf(parentId) }),
      pendingWrites,
    };
  }

  /**
   * Checkpoints before format v4 kept pending `Send`s on the checkpoint; they now live as TASKS
   * writes on the parent, so old checkpoints get them folded back in on read.
   */
  private async migratePendingSends(checkpoint: Checkpoint, parent: CheckpointKey): Promise<void> {
    const sends = await readWrites(this.db, this.serde, parent, TASKS);
    checkpoint.channel_values[TASKS] = sends.map(([, , value]) => value);
    const versions = Object.values(checkpoint.channel_versions);
    checkpoint.channel_versions[TASKS] =
      versions.length > 0 ? maxChannelVersion(...versions) : this.getNextVersion(undefined);
  }
}
