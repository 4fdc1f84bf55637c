import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Transports } from '../channel/channels.js';
import { accountProblem, outboundMessageSchema } from '../channel/outbound.js';
import { type DeliveryChange, publishDeliveryChange, tellInboxOfDelivery } from '../inbox/delivery-events.js';
import type { InboxEvents } from '../inbox/events.js';
import type { Logger } from '../log/logger.js';
import type { Db } from '../store/db.js';
import type { OutboxRow } from '../store/repos/outbox.js';
import { conversations, messageAuthors, messages } from '../store/schema/index.js';
import type { Clock } from '../util/clock.js';
import type { DeliveryOutcome, OutboxHandler } from './dispatcher.js';
import { refusalMarks } from './refusal-marks.js';

const sendPayloadSchema = z.object({
  // Rows written before channels existed were all Meta's.
  channel: z.enum(['whatsapp', 'twilio', 'infobip']).default('whatsapp'),
  to: z.object({ waId: z.string().optional(), userId: z.string().optional() }),
  message: outboundMessageSchema,
  author: z.enum(messageAuthors),
  turn: z.number().int().optional(),
});

/** Delivers `send` rows through the transport and records the outcome on the message. */
export function sendHandler(deps: {
  db: Db;
  transports: Transports;
  clock: Clock;
  logger: Logger;
  /** Tells open inboxes when a message of a handoff was sent or failed for good. */
  events?: InboxEvents;
}): OutboxHandler {
  const { db, transports, clock, logger } = deps;
  const marks = refusalMarks(db, logger);
  // every send runs these two: built once (src/store/prepared.ts says why)
  const modeQuery = db.query.conversations
    .findFirst({ where: eq(conversations.id, sql.placeholder('id')), columns: { mode: true } })
    .prepare();
  const statusQuery = db.query.messages
    .findFirst({ where: eq(messages.id, sql.placeholder('id')), columns: { status: true } })
    .prepare();
  const recordSentQuery = db
    .update(messages)
    .set({
      externalId: sql`${sql.placeholder('externalId')}`,
      status: 'sent',
      updatedAt: sql`${sql.placeholder('now')}`,
    })
    .where(and(eq(messages.id, sql.placeholder('id')), eq(messages.status, 'queued')))
    .returning({ handoffId: messages.handoffId, conversationId: messages.conversationId })
    .prepare();
  const tellInbox = async (change: DeliveryChange) => {
    if (deps.events !== undefined) await tellInboxOfDelivery({ db, events: deps.events, logger }, change);
  };
  /**
   * The provider has the message once it answered with an id: whatever goes wrong recording it, a
   * retry would send it a second time. It stays sent; without the id if that is what failed.
   */
  const recordSent = async (messageId: string, externalId: string) => {
    try {
      const [sent] = await recordSentQuery.all({ id: messageId, externalId, now: clock.now() });
      if (sent !== undefined) await tellInbox({ ...sent, status: 'sent' });
    } catch (error) {
      logger.error('message sent, but its provider id could not be stored', { messageId, externalId, error });
      await db
        .update(messages)
        .set({ status: 'sent', error: `provider id ${externalId} not stored`, updatedAt: clock.now() })
        .where(and(eq(messages.id, messageId), eq(messages.status, 'queued')))
        .catch(() => {});
    }
  };
  const markFailed = async (messageId: string | null, error: string, code?: number) => {
    if (messageId === null) return;
    const [failed] = await db
      .update(messages)
      .set({ status: 'failed', error, errorCode: code ?? null, updatedAt: clock.now() })
      .where(eq(messages.id, messageId))
      .returning({ handoffId: messages.handoffId, conversationId: messages.conversationId });
    if (failed !== undefined && deps.events !== undefined) {
      await publishDeliveryChange(db, deps.events, { ...failed, status: 'failed' });
    }
  };
  return {
    async deliver(row: OutboxRow): Promise<DeliveryOutcome> {
      const payload = sendPayloadSchema.safeParse(row.payload);
      if (!payload.success) {
        return { ok: false, retryable: false, error: `bad send payload: ${payload.error.message}` };
      }
      // A job runs again when its lease ran out after the send (the process died, or marking the
      // job done failed): the provider already has a message that was recorded as sent.
      if (row.messageId !== null) {
        const message = await statusQuery.execute({ id: row.messageId });
        if (message !== undefined && message.status !== 'queued') return { ok: true };
      }
      if (payload.data.author === 'bot' && row.conversationId !== null) {
        const conversation = await modeQuery.execute({ id: row.conversationId });
        // Checked at send time, not when the turn started: a person may have taken over since.
        if (conversation !== undefined && conversation.mode !== 'bot') {
          const [dropped] = await db
            .update(messages)
            .set({
              status: 'dropped',
              error: `bot reply dropped: conversation is in ${conversation.mode} mode`,
              updatedAt: clock.now(),
            })
            .where(eq(messages.id, row.messageId ?? ''))
            .returning({ handoffId: messages.handoffId, conversationId: messages.conversationId });
          // the open conversation in the inbox says "Not sent" now, not at its next refresh
          if (dropped !== undefined) await tellInbox({ ...dropped, status: 'dropped' });
          return { ok: false, drop: true, reason: `conversation in ${conversation.mode} mode` };
        }
      }
      const transport = transports[payload.data.channel];
      if (transport === undefined) {
        return { ok: false, retryable: false, error: `channel ${payload.data.channel} is not configured` };
      }
      const result = await transport.send(payload.data.to, payload.data.message);
      if (!result.ok) return result;
      if (row.messageId !== null) await recordSent(row.messageId, result.externalId);
      await marks.sent(payload.data.channel);
      return { ok: true };
    },
    async giveUp(row, error, code) {
      await markFailed(row.messageId, error, code);
      const action = accountProblem(code);
      if (action === undefined || code === undefined) return;
      const channel = sendPayloadSchema.safeParse(row.payload).data?.channel;
      logger.error('the channel refuses the account: every send fails until this is fixed', {
        channel,
        code,
        action,
      });
      if (channel !== undefined) await marks.refused({ channel, code, action, at: clock.now() });
    },
  };
}
