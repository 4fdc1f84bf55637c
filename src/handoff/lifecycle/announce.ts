import type { OutboundMessage } from '../../channel/outbound.js';
import { outboundStatements } from '../../outbox/enqueue.js';
import { queueName, say } from '../../replies/messages.js';
import type { ConversationRow, CustomerRow } from '../../store/repos/conversations.js';
import { type AgentRow, type LifecycleContext, recipientOf, windowOf } from './context.js';

/**
 * Tells the customer a person has joined, when the 24-hour window allows. Not part of the state
 * change it follows: losing it to a crash loses no state.
 */
export async function announceAgent(
  ctx: LifecycleContext,
  input: {
    conversation: ConversationRow;
    customer: CustomerRow;
    agent: AgentRow;
    handoffId: string;
    now: number;
  },
): Promise<void> {
  const { conversation, customer, agent, now } = input;
  if (!windowOf(customer, now, ctx.windowMarginMs).open) return;
  await messageCustomer(ctx, {
    conversation,
    customer,
    message: { kind: 'text', text: say('agentJoined', conversation.language, { agent: agent.name }) },
    author: 'agent',
    agentId: agent.id,
    handoffId: input.handoffId,
    now,
  });
}

/** Tells the customer which team has their conversation now, when the 24-hour window allows. */
export async function announceTransfer(
  ctx: LifecycleContext,
  input: {
    conversation: ConversationRow;
    customer: CustomerRow;
    agent: AgentRow;
    handoffId: string;
    queue: string;
    now: number;
  },
): Promise<void> {
  const { conversation, customer, agent, now } = input;
  if (!windowOf(customer, now, ctx.windowMarginMs).open) return;
  const language = conversation.language;
  await messageCustomer(ctx, {
    conversation,
    customer,
    message: {
      kind: 'text',
      text: say('transferred', language, { queue: queueName(input.queue, language) }),
    },
    author: 'agent',
    agentId: agent.id,
    handoffId: input.handoffId,
    now,
  });
}

/** Queues one message to the conversation's customer, on its channel, and wakes the outbox. */
export async function messageCustomer(
  ctx: LifecycleContext,
  input: {
    conversation: ConversationRow;
    customer: CustomerRow;
    message: OutboundMessage;
    author: 'agent' | 'bot';
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
