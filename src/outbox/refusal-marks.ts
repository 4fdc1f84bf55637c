import type { Logger } from '../log/logger.js';
import type { Db } from '../store/db.js';
import { clearRefusal, listRefusals, recordRefusal } from '../store/repos/channel-refusals.js';

/**
 * Keeps `channel_refusals` in step with the sends: a send the provider refused for the account's
 * sake marks its channel, the channel's next successful send clears it. The marks are read once
 * and then kept here, so a successful send costs no database write; this is their only writer
 * (a Node process has one dispatcher, Workers one outbox object).
 *
 * Neither call throws: a send has happened by then, and a failure here must not make it a retry.
 */
export function refusalMarks(db: Db, logger: Logger) {
  let marked: Promise<Set<string>> | undefined;
  const load = () => {
    marked ??= listRefusals(db).then(
      (rows) => new Set(rows.map((row) => row.channel)),
      (error) => {
        marked = undefined;
        throw error;
      },
    );
    return marked;
  };
  return {
    async refused(refusal: { channel: string; code: number; action: string; at: number }): Promise<void> {
      try {
        const channels = await load();
        await recordRefusal(db, refusal);
        channels.add(refusal.channel);
      } catch (error) {
        logger.error('could not mark the channel refused', { channel: refusal.channel, error });
      }
    },
    async sent(channel: string): Promise<void> {
      try {
        const channels = await load();
        if (!channels.has(channel)) return;
        await clearRefusal(db, channel);
        channels.delete(channel);
        logger.info('the channel accepts sends again', { channel });
      } catch (error) {
        logger.error('could not clear the channel refused mark', { channel, error });
      }
    },
  };
}
