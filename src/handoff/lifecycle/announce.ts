import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { OutboundMessage } from '../../channel/outbound.js';
import type { Language } from '../../llm/classification.js';
import { outboundStatements } from '../../outbox/enqueue.js';
import { queueName, say } from '../../replies/messages.js';
import type { ConversationRow, CustomerRow } from '../../store/repos/conversations.js';
import { messages } from '../../store/schema/index.js';
import { type AgentRow, type LifecycleContext, recipientOf, windowFor } from './context.js';

interface Announcement {
  conversation: ConversationRow;
  customer: CustomerRow;
  agent: AgentRow;
  handoffId: string;
  now: number;
  /** Whether the 24-hour window is open, when the caller has just asked (a reply that claims). */
  windowOpen?: boolean;
}

/**
 * A notice from the agent's side, in the customer's language, when the 24-hour window allows. Sent
 * as `system` with the agent's id: it is no answer from the agent (the inbox asks before resolving a
 * handoff whose customer only heard "Layla has joined"). Not part of the state change it follows:
 * losing it to a crash loses no state.
 */
async function announce(
  ctx: LifecycleContext,
  input: Announcement,
  text: (language: Language) => string,
): Promise<boolean> {
  const { conversation, customer, agent, now } = input;
  const open = input.windowOpen ?? (await windowFor(ctx, conversation, now)).open;
  if (!open) return false;
  await messageCustomer(ctx, {
    conversation,
    customer,
    message: { kind: 'text', text: text(conversation.language) },
    author: 'system',
    agentId: agent.id,
    handoffId: input.handoffId,
    now,
  });
  return true;
}

/**
 * Tells the customer a person has joined, unless the last word they had from the team's side was
 * this agent joining: the agent who released a handoff and claims it back has not joined anew,
 * while one back after a colleague had it has. Whether it was sent (the window was open).
 */
export async function announceAgent(ctx: LifecycleContext, input: Announcement): Promise<boolean> {
  const joined = (language: Language) => say('agentJoined', language, { agent: input.agent.name });
  // notices from the team's side carry the agent's id; one that never arrived told nobody
  const [latest] = await ctx.db
    .select({ agentId: messages.agentId, text: messages.text })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, input.conversation.id),
        eq(messages.handoffId, input.handoffId),
        eq(messages.author, 'system'),
        isNotNull(messages.agentId),
        ne(messages.status, 'failed'),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(sql`rowid`))
    .limit(1);
  const stillHere =
    latest?.agentId === input.agent.id && [joined('en'), joined('ar')].includes(latest.text ?? '');
  return stillHere ? false : announce(ctx, input, joined);
}

/**
 * Tells the customer their request was closed without a word from an agent: they were told a
 * person would answer, and would otherwise wait for nobody.
 */
export function announceClosed(ctx: LifecycleContext, input: Announcement): Promise<boolean> {
  return announce(ctx, input, (language) => say('closedWithoutReply', language));
}

/** Tells the customer which team has their conversation now. */
export function announceTransfer(
  ctx: LifecycleContext,
  input: Announcement & { queue: string },
): Promise<boolean> {
  return announce(ctx, input, (language) =>
    say('transferred', language, { queue: queueName(input.queue, language) }),
  );
}

/** Queues one message to the conversation's customer, on its channel, and wakes the outbox. */
export async function messageCustomer(
  ctx: LifecycleContext,
  input: {
    conversation: ConversationRow;
    customer: CustomerRow;
    message: OutboundMessage;
    author: 'agent' | 'bot' | 'system';
    agentId?: string;
    handoffId: string;
    now: number;
  },
): Promise<void> {
  const { conversation, customer, now, ...draft } = input;
  await ctx.db.batch(
    outboundStatements(
      ctx.db,
      { conversationId: conversation.id, channel: conversation.channel, to: recipientOf(customer), ...draft },
      now,
    ),
  );
  ctx.kickOutbox();
}
