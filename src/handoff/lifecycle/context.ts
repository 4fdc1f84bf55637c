import { and, eq, gte, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import { CUSTOMER_SERVICE_WINDOW_MS, WINDOW_CLOSED_CODES } from '../../channel/outbound.js';
import { BatonError } from '../../http/errors.js';
import type { InboxEvents } from '../../inbox/events.js';
import type { Logger } from '../../log/logger.js';
import type { BusinessHours } from '../../policy/business-hours.js';
import type { Db } from '../../store/db.js';
import { type agents, conversations, customers, handoffs, messages } from '../../store/schema/index.js';
import type { Clock } from '../../util/clock.js';
import type { Packet } from '../packet.js';

export type AgentRow = typeof agents.$inferSelect;
export type HandoffRow = typeof handoffs.$inferSelect;

export interface WhatsAppTemplate {
  name: string;
  language: string;
  /** How many body parameters the approved template takes. */
  parameters: number;
}

/** What every handoff use case needs; built once by the app. */
export interface LifecycleContext {
  db: Db;
  clock: Clock;
  logger: Logger;
  events: InboxEvents;
  /** Wakes the outbox after a send was queued. */
  kickOutbox: () => void;
  templates: readonly WhatsAppTemplate[];
  /** Free text is refused this long before the 24-hour window really closes. */
  windowMarginMs: number;
  /** Whether a takeover happened after hours, as the bot's own handoffs say it. */
  businessHours: BusinessHours;
}

/** An agent sees a handoff only in a queue they belong to (`*` is every queue). */
export function canSee(agent: AgentRow, queue: string): boolean {
  return agent.queues.includes('*') || agent.queues.includes(queue);
}

/**
 * The live bot conversations an agent may watch and take over (with `conversations` joined to
 * `customers`, and to `handoffs` on `last_handoff_id`): a VIP customer's only for the vip queue,
 * which has every VIP, wherever their last handoff went; another customer's only if their last
 * handoff was in the agent's queues, or there was none (the list and a takeover show that
 * handoff's messages). `undefined`: every one (`*`).
 */
export function liveConversationsVisibleTo(agent: AgentRow): SQL | undefined {
  if (agent.queues.includes('*')) return undefined;
  const lastHandledHere = or(isNull(handoffs.queue), inArray(handoffs.queue, agent.queues));
  return agent.queues.includes('vip')
    ? or(eq(customers.tier, 'vip'), lastHandledHere)
    : and(ne(customers.tier, 'vip'), lastHandledHere);
}

/** Refuses an agent who asks about a queue they are not in. */
export function requireQueue(agent: AgentRow, queue: string): void {
  if (!canSee(agent, queue)) throw new BatonError('forbidden', `you are not in the ${queue} queue`);
}

export async function loadHandoffFor(ctx: LifecycleContext, agent: AgentRow, handoffId: string) {
  const handoff = await ctx.db.query.handoffs.findFirst({ where: eq(handoffs.id, handoffId) });
  if (handoff === undefined) throw new BatonError('not_found', 'no such handoff');
  if (!canSee(agent, handoff.queue)) throw new BatonError('forbidden', 'this handoff is not in your queues');
  const conversation = await ctx.db.query.conversations.findFirst({
    where: eq(conversations.id, handoff.conversationId),
  });
  if (conversation === undefined) throw new BatonError('internal', 'handoff without conversation');
  const customer = await ctx.db.query.customers.findFirst({
    where: eq(customers.id, conversation.customerId),
  });
  if (customer === undefined) throw new BatonError('internal', 'conversation without customer');
  return { handoff, conversation, customer, packet: handoff.packet as Packet };
}

export function assertOpen(handoff: HandoffRow): void {
  if (handoff.status === 'resolved') throw new BatonError('conflict', 'this handoff is already resolved');
}

/** Whether free text can still reach the customer on this conversation's channel, and until when. */
function windowOf(
  conversation: { lastMessageAt: number },
  now: number,
  marginMs: number,
): { open: boolean; closesAt: number } {
  const closesAt = conversation.lastMessageAt + CUSTOMER_SERVICE_WINDOW_MS;
  return { open: now < closesAt - marginMs, closesAt };
}

/**
 * The window as the clock says, unless the channel has since refused a message for a closed window
 * (131047, 63016) — a timestamp the clock trusted may be old (a late redelivery) — until the
 * customer writes again. `closesAt` is then when the refusal was recorded. The window belongs to
 * the conversation, not the customer: a message through Twilio opens none for replies through Meta.
 */
export async function windowFor(
  ctx: Pick<LifecycleContext, 'db' | 'windowMarginMs'>,
  conversation: { id: string; lastMessageAt: number },
  now: number,
): Promise<{ open: boolean; closesAt: number }> {
  const window = windowOf(conversation, now, ctx.windowMarginMs);
  if (!window.open) return window;
  const [refused] = await ctx.db
    .select({ at: messages.updatedAt })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversation.id),
        eq(messages.direction, 'out'),
        gte(messages.sentAt, conversation.lastMessageAt),
        inArray(messages.errorCode, [...WINDOW_CLOSED_CODES]),
      ),
    )
    .limit(1);
  return refused === undefined ? window : { open: false, closesAt: refused.at };
}

export function recipientOf(customer: { waId: string | null; userId: string | null }) {
  return { waId: customer.waId ?? undefined, userId: customer.userId ?? undefined };
}
