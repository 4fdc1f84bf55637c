import { eq } from 'drizzle-orm';
import type { Db } from '../db.js';
import { channelRefusals } from '../schema/index.js';

export type ChannelRefusal = typeof channelRefusals.$inferSelect;

/** Marks a channel refused; one already marked keeps when the refusals began. */
export async function recordRefusal(
  db: Db,
  refusal: { channel: string; code: number; action: string; at: number },
): Promise<void> {
  const { channel, code, action, at } = refusal;
  await db
    .insert(channelRefusals)
    .values({ channel, code, action, since: at, lastAt: at })
    .onConflictDoUpdate({ target: channelRefusals.channel, set: { code, action, lastAt: at } });
}

/** Removes the channel's mark. */
export async function clearRefusal(db: Db, channel: string): Promise<void> {
  await db.delete(channelRefusals).where(eq(channelRefusals.channel, channel));
}

export function listRefusals(db: Db): Promise<ChannelRefusal[]> {
  return db.select().from(channelRefusals).orderBy(channelRefusals.channel);
}
