import { and, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { OutboundMessage } from '../../channel/outbound.js';
import { BatonError } from '../../http/errors.js';
import { outboundStatements } from '../../outbox/enqueue.js';
import { conversations, handoffs } from '../../store/schema/index.js';
import { claimLoaded } from './claim.js';
import {
  type AgentRow,
  assertOpen,
  type LifecycleContext,
  loadHandoffFor,
  recipientOf,
  windowFor,
} from './context.js';
import { heldByColleague } from './guards.js';

export const replyInputSchema = z.union([
  z.strictObject({
    text: z
      .string()
      .trim()
      .min(1, 'the reply is empty')
      .max(4096, "a reply is at most 4096 characters (WhatsApp's limit)"),
  }),
  z.strictObject({
    template: z.strictObject({
      name: z.string().min(1),
      /** Which language's version; without it, the customer's language's, else the first listed. */
      language: z.string().min(2).optional(),
      // WhatsApp refuses an empty template parameter
      parameters: z.array(z.string().trim().min(1, 'a template parameter is empty').max(1024)).default([]),
    }),
  }),
]);
export type ReplyInput = z.infer<typeof replyInputSchema>;

/** A template by name in the language asked for, else in the customer's (`en` matches `en_US`). */
function templateFor(
  ctx: LifecycleContext,
  name: string,
  language: string | undefined,
  customerLanguage: string,
) {
  const named = ctx.templates.filter((t) => t.name === name);
  if (language !== undefined) return named.find((t) => t.language === language);
  return named.find((t) => t.language.split('_')[0] === customerLanguage) ?? named[0];
}

function messageFor(
  ctx: LifecycleContext,
  input: ReplyInput,
  window: { open: boolean; closesAt: number | null },
  now: number,
  customerLanguage: string,
) {
  if ('text' in input) {
    if (!window.open) {
      const names = [...new Set(ctx.templates.map((t) => t.name))].join(', ') || 'none configured';
      const { closesAt } = window;
      const when =
        closesAt === null
          ? 'is not open'
          : closesAt > now
            ? `closes at ${new Date(closesAt).toISOString()}, and free text stops ${ctx.windowMarginMs / 60_000} minutes before`
            : `closed at ${new Date(closesAt).toISOString()}`;
      throw new BatonError(
        'window_closed',
        `The 24-hour window ${when}: free text would not be delivered. Send a template instead (${names}).`,
      );
    }
    return { kind: 'text', text: input.text } satisfies OutboundMessage;
  }
  const { name, language } = input.template;
  const template = templateFor(ctx, name, language, customerLanguage);
  if (template === undefined) {
    throw new BatonError('bad_request', `unknown template "${name}"${language ? ` in ${language}` : ''}`);
  }
  if (input.template.parameters.length !== template.parameters) {
    throw new BatonError(
      'bad_request',
      `template "${template.name}" takes ${template.parameters} parameter${template.parameters === 1 ? '' : 's'}`,
    );
  }
  return {
    kind: 'template',
    name: template.name,
    language: template.language,
    parameters: input.template.parameters,
  } satisfies OutboundMessage;
}

/**
 * An agent's message to the customer, through the outbox like every send. Replying to a queued
 * handoff claims it; free text outside the 24-hour window is refused, never silently lost.
 */
export async function replyToHandoff(
  ctx: LifecycleContext,
  agent: AgentRow,
  handoffId: string,
  input: ReplyInput,
) {
  const loaded = await loadHandoffFor(ctx, agent, handoffId);
  const { handoff, conversation, customer } = loaded;
  assertOpen(handoff);
  if (handoff.status === 'assigned' && handoff.assignedAgentId !== agent.id) {
    throw await heldByColleague(ctx.db, handoff.assignedAgentId);
  }
  const now = ctx.clock.now();
  const window = await windowFor(ctx, conversation, now);
  const message = messageFor(ctx, input, window, now, conversation.language);
  // Replying to a queued handoff claims it, as the Claim button does: the customer hears who
  // joined before the first answer.
  if (handoff.status === 'queued') await claimLoaded(ctx, agent, loaded, { windowOpen: window.open });
  // after the claim's notice, so the answer comes after it
  const sentAt = ctx.clock.now();
  const stillTheirs = and(
    eq(handoffs.id, handoffId),
    eq(handoffs.status, 'assigned'),
    eq(handoffs.assignedAgentId, agent.id),
  ) as SQL;
  const [kept] = await ctx.db.batch([
    ctx.db
      .update(handoffs)
      .set({
        status: 'assigned',
        assignedAgentId: agent.id,
        claimedAt: sql`coalesce(${handoffs.claimedAt}, ${sentAt})`,
        firstAgentReplyAt: sql`coalesce(${handoffs.firstAgentReplyAt}, ${sentAt})`,
        updatedAt: sentAt,
      })
      .where(stillTheirs)
      .returning({ id: handoffs.id }),
    ctx.db
      .update(conversations)
      .set({ mode: 'agent', updatedAt: sentAt })
      .where(and(eq(conversations.id, conversation.id), eq(conversations.handoffId, handoffId))),
    ...outboundStatements(
      ctx.db,
      {
        conversationId: conversation.id,
        channel: conversation.channel,
        to: recipientOf(customer),
        message,
        author: 'agent',
        agentId: agent.id,
        handoffId,
        onlyWhile: { from: handoffs, where: stillTheirs },
      },
      sentAt,
    ),
  ]);
  // resolved, released or moved between the read above and this batch: nothing was stored or sent
  if (kept.length === 0) {
    throw new BatonError('conflict', 'this handoff changed while the reply was being sent: it was not sent');
  }
  ctx.kickOutbox();
  ctx.events.publish({ type: 'message.created', handoffId, queue: handoff.queue, direction: 'out' });
  return {
    sent: message.kind,
    windowClosesAt: window.closesAt === null ? null : new Date(window.closesAt).toISOString(),
  };
}
