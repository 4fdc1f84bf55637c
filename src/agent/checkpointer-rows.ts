import {
  type ChannelVersions,
  type CheckpointPendingWrite,
  compareWritesSortKeys,
  type SerializerProtocol,
  WRITES_IDX_MAP,
  writesSortKey,
} from '@langchain/langgraph-checkpoint';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { preparedPerDb } from '../store/prepared.js';
import { checkpointBlobs, checkpoints, checkpointWrites } from '../store/schema/index.js';

/** Reading the checkpoint tables back, and the small config/SQL helpers of DrizzleCheckpointSaver. */

export interface CheckpointKey {
  threadId: string;
  checkpointNs: string;
  checkpointId: string;
}

/**
 * Blob type that marked "this channel had no value at this version" (the Postgres saver's marker).
 * No longer written (no row says the same) but still in databases written before.
 */
export const EMPTY_BLOB = 'empty';

const channelValuesQuery = preparedPerDb((db) =>
  db
    .select({ channel: checkpointBlobs.channel, type: checkpointBlobs.type, blob: checkpointBlobs.blob })
    .from(checkpointBlobs)
    .where(
      and(
        eq(checkpointBlobs.threadId, sql.placeholder('threadId')),
        eq(checkpointBlobs.checkpointNs, sql.placeholder('checkpointNs')),
        sql`(${checkpointBlobs.channel}, ${checkpointBlobs.version}) IN (SELECT key, value FROM json_each(${sql.placeholder('pairs')}))`,
      ),
    )
    .prepare(),
);

/** The value of every channel at the version the checkpoint records for it. */
export async function readChannelValues(
  db: Db,
  serde: SerializerProtocol,
  key: CheckpointKey,
  versions: ChannelVersions,
): Promise<Record<string, unknown>> {
  const wanted = Object.entries(versions).map(([channel, version]) => [channel, String(version)]);
  if (wanted.length === 0) return {};
  // One JSON parameter rather than two per channel: D1 caps a statement at 100 bound values.
  const pairs = JSON.stringify(Object.fromEntries(wanted));
  const rows = await channelValuesQuery(db).all({
    threadId: key.threadId,
    checkpointNs: key.checkpointNs,
    pairs,
  });
  const values: Record<string, unknown> = {};
  for (const row of rows) {
    if (row.type === EMPTY_BLOB || row.blob === null) continue;
    values[row.channel] = await serde.loadsTyped(row.type, row.blob);
  }
  return values;
}

const writesQuery = preparedPerDb((db) =>
  db
    .select()
    .from(checkpointWrites)
    .where(
      and(
        eq(checkpointWrites.threadId, sql.placeholder('threadId')),
        eq(checkpointWrites.checkpointNs, sql.placeholder('checkpointNs')),
        eq(checkpointWrites.checkpointId, sql.placeholder('checkpointId')),
      ),
    )
    .prepare(),
);

/** Pending writes of one checkpoint, in the `writesSortKey` order LangGraph replays them in. */
export async function readWrites(
  db: Db,
  serde: SerializerProtocol,
  key: CheckpointKey,
  channel?: string,
): Promise<CheckpointPendingWrite[]> {
  const { threadId, checkpointNs, checkpointId } = key;
  const rows = (await writesQuery(db).all({ threadId, checkpointNs, checkpointId })).filter(
    (row) => channel === undefined || row.channel === channel,
  );
  const sortKey = (row: (typeof rows)[number]) => writesSortKey(row.taskPath, row.taskId, row.idx);
  rows.sort((a, b) => compareWritesSortKeys(sortKey(a), sortKey(b)));
  return Promise.all(
    rows.map(
      async (row): Promise<CheckpointPendingWrite> => [
        row.taskId,
        row.channel,
        await serde.loadsTyped(row.type, row.value),
      ],
    ),
  );
}

/** The fixed negative index of a special channel (error, interrupt, resume…), if it is one. */
export function specialWriteIdx(channel: string): number | undefined {
  return Object.hasOwn(WRITES_IDX_MAP, channel) ? WRITES_IDX_MAP[channel] : undefined;
}

/** Config values arrive untyped; ids may be numbers, and '' or null mean "not given". */
export function configString(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

/** Like `configString`, but '' is a real namespace: the root graph's. */
export function namespaceOf(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * `metadata.key == value`, compared as JSON text like the SQLite saver does. Relies on metadata
 * being serialised as JSON, which the default JsonPlusSerializer does; CAST because SQLite reads
 * a BLOB argument to a JSON function as its binary JSONB format.
 */
export function metadataEquals(key: string, value: unknown): SQL {
  return sql`CAST(${checkpoints.metadata} AS TEXT) -> ${key} = ${JSON.stringify(value)}`;
}
