import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { ChannelName } from '../channel/inbound.js';
import { CUSTOMER_SERVICE_WINDOW_MS, type OutboundMessage, windowClosedCodeOf } from '../channel/outbound.js';
import type { Language } from '../llm/classification.js';
import type { Logger } from '../log/logger.js';
import { outboundStatements } from '../outbox/enqueue.js';
import type { Db } from '../store/db.js';
import {
  type ConversationRow,
  type CustomerRow,
  completeTurnStatement,
  getConversation,
  getCustomer,
} from '../store/repos/conversations.js';
import { type MessageRow, markInboundDone, pendingInbound } from '../store/repos/messages.js';
import { customers, messages } from '../store/schema/index.js';
import type { Clock } from '../util/clock.js';
import { overRateLimit } from './rate-limit.js';
import { yieldToEventLoop } from './yield.js';

export interface TurnInput {
  conversation: ConversationRow;
  customer: CustomerRow;
  message: MessageRow;
  turn: number;
  /** The customer's window had closed when the message arrived: the replies will not be sent. */
  windowClosed: boolean;
}

export interface TurnOutput {
  /** Bot replies; stored and queued for delivery in the same write that closes the message. */
  replies: OutboundMessage[];
  /** The state the turn leaves (the agent's checkpoint), committed in that same write. */
  writes?: BatchItem<'sqlite'>[];
  /** The knowledge document the turn's answer (its first reply) was grounded in. */
  knowledgeDocId?: string;
  /**
   * The turn ended with the conversation out of `bot` mode (a handoff, or a message while a
   * person has it): its replies are handoff notices, sent as `system` so the send-time mode
   * check, which drops late bot replies, lets them through.
   */
  handedOff?: boolean;
  /** What the classifier saw this turn, kept on the conversation for agents watching it live. */
  signals?: { frustration: number; intent: string };
  /**
   * The language the customer writes in, as of this turn: what a person's notices and the rating
   * question are sent in, and what the inbox shows.
   */
  language?: Language;
}

/** The agent's entry point: one customer message in, the bot's replies out. */
export type HandleTurn = (input: TurnInput) => Promise<TurnOutput>;

export interface DrainDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  handleTurn: HandleTurn;
  /** Called after replies were queued, so the outbox sends them at once. */
  onReplies: () => void;
  /** Marks the message read with a typing indicator while the bot works (never once a person has it). */
  markRead?: (channel: ChannelName, externalId: string | null) => Promise<void>;
  /**
   * Messages per conversation per minute the agent handles; the rest are stored, closed as
   * `rate_limited` and not answered. 0 turns it off.
   */
  rateLimitPerMinute: number;
}

/**
 * Handles a conversation's pending messages one at a time, oldest WhatsApp timestamp first.
 * It re-reads after each message, so one that arrived late but was sent earlier goes next.
 */
export function createDrain(deps: DrainDeps): (conversationId: string) => Promise<void> {
  return async (conversationId) => {
    for (;;) {
      const [message] = await pendingInbound(deps.db, conversationId);
      if (message === undefined) return;
      await processMessage(deps, conversationId, message);
    }
  };
}

/**
 * Events a customer's phone sends that ask nothing: a reaction (or its removal), a system notice
 * such as a changed number. Answering them would be noise, and a reply to a reaction is odd.
 */
const NOT_ADDRESSED_TO_US = new Set(['reaction', 'system']);

/**
 * Stored on a reply to a message that arrived after its window, with the code the channel would
 * have refused it with (Infobip's refusal is stored as Meta's): the inbox reads it as closed. It
 * is dated at the message it answers, not when it was handled: a newer message from the customer,
 * delivered after it, reopens the window (windowFor counts refusals after the latest message).
 */
function closedOnArrival(channel: ChannelName, answering: MessageRow) {
  return {
    errorCode: windowClosedCodeOf(channel),
    error: 'not sent: the 24-hour window had closed when the message arrived',
    at: answering.sentAt,
  };
}

/**
 * "User X changed from A to B": the customer's next messages come from B, and should reach this
 * customer and conversation. Orders stay with the number that placed them (ownership is by phone).
 * A number another customer already holds is left alone: two people's histories are never merged.
 */
async function followNumberChange(db: Db, message: MessageRow, customerId: string | undefined, now: number) {
  const newNumber = (message.payload as { changedNumberTo?: string } | null)?.changedNumberTo;
  if (newNumber === undefined || customerId === undefined) return;
  const holder = await db.query.customers.findFirst({
    where: eq(customers.waId, newNumber),
    columns: { id: true },
  });
  if (holder !== undefined) return;
  await db.update(customers).set({ waId: newNumber, updatedAt: now }).where(eq(customers.id, customerId));
}

async function processMessage(deps: DrainDeps, conversationId: string, message: MessageRow) {
  const { db, clock, logger } = deps;
  await yieldToEventLoop();
  const conversation = await getConversation(db, conversationId);
  // Kept (agents see it in the transcript, and among a waiting handoff's new messages) but not
  // handled, without a turn.
  const closeUnanswered = (error: string | null) =>
    db
      .update(messages)
      .set({
        status: 'done',
        error,
        handoffId: conversation?.mode === 'bot' ? null : (conversation?.handoffId ?? null),
        updatedAt: clock.now(),
      })
      .where(eq(messages.id, message.id));
  if (NOT_ADDRESSED_TO_US.has(message.type)) {
    logger.info('customer event kept without a reply', { conversationId, type: message.type });
    await followNumberChange(db, message, conversation?.customerId, clock.now());
    await closeUnanswered(null);
    return;
  }
  if (await overRateLimit(db, message, deps.rateLimitPerMinute)) {
    // a flood costs two queries a message
    logger.warn('customer rate limit: message not handled', { conversationId, messageId: message.id });
    await closeUnanswered('rate_limited');
    return;
  }
  const customer = conversation && (await getCustomer(db, conversation.customerId));
  if (conversation === undefined || customer === undefined) {
    throw new Error(`conversation ${conversationId} has no customer`);
  }
  // Stored with the replies, in one commit: a turn that fails or is cut short takes no number.
  const turn = conversation.turn + 1;
  // A message delivered after the customer's window closed (Meta redelivers a webhook for days
  // after an outage) still has its turn, so a handoff it asks for reaches an agent, who can send
  // a template; but free text would only be refused, so the replies are kept as failed, unsent.
  const windowClosed = clock.now() >= conversation.lastMessageAt + CUSTOMER_SERVICE_WINDOW_MS;
  if (conversation.mode === 'bot') void deps.markRead?.(conversation.channel, message.externalId);
  let output: TurnOutput;
  try {
    output = await deps.handleTurn({ conversation, customer, message, turn, windowClosed });
  } catch (error) {
    // Kept and visible rather than retried forever: a bug here would otherwise loop.
    logger.error('turn failed', { conversationId, messageId: message.id, error });
    await db
      .update(messages)
      .set({ status: 'failed', error: String(error).slice(0, 500), updatedAt: clock.now() })
      .where(eq(messages.id, message.id));
    return;
  }
  await yieldToEventLoop();
  const now = clock.now();
  const to = { waId: customer.waId ?? undefined, userId: customer.userId ?? undefined };
  if (windowClosed && output.replies.length > 0) {
    logger.warn('message answered after the 24-hour window: replies kept, not sent', {
      conversationId,
      messageId: message.id,
    });
  }
  const statements = output.replies.flatMap((reply, i) =>
    outboundStatements(
      db,
      {
        conversationId,
        channel: conversation.channel,
        to,
        message: reply,
        author: output.handedOff ? 'system' : 'bot',
        turn,
        ...(i === 0 && output.knowledgeDocId ? { knowledgeDocId: output.knowledgeDocId } : {}),
        ...(windowClosed ? { undeliverable: closedOnArrival(conversation.channel, message) } : {}),
      },
      now,
    ),
  );
  await db.batch([
    markInboundDone(db, message.id, turn, now),
    completeTurnStatement(
      db,
      conversationId,
      turn,
      {
        ...(output.signals ? { signals: output.signals } : {}),
        ...(output.language ? { language: output.language } : {}),
      },
      now,
    ),
    ...statements,
    ...(output.writes ?? []),
  ]);
  if (output.replies.length > 0 && !windowClosed) deps.onReplies();
}
