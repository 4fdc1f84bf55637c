import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { liveConversationsVisibleTo } from '../../handoff/lifecycle/context.js';
import { takeOverConversation, takeoverInputSchema } from '../../handoff/lifecycle/takeover.js';
import type { AgentEnv } from '../../http/context.js';
import { invalidInput } from '../../http/errors.js';
import { lastMessagesOf } from '../../store/repos/messages.js';
import { conversations, customers, handoffs } from '../../store/schema/index.js';

const LAST_MESSAGES = 5;

/** Live bot conversations an agent can watch and take over (see liveConversationsVisibleTo). */
export function conversationRoutes(): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();

  app.get('/', async (c) => {
    const limit = z.coerce.number().int().min(1).max(200).catch(50).parse(c.req.query('limit'));
    const { db } = c.var.deps;
    const rows = await db
      .select({ conversation: conversations, customer: customers })
      .from(conversations)
      .innerJoin(customers, eq(customers.id, conversations.customerId))
      .leftJoin(handoffs, eq(handoffs.id, conversations.lastHandoffId))
      .where(and(eq(conversations.mode, 'bot'), liveConversationsVisibleTo(c.var.agent)))
      .orderBy(desc(conversations.lastMessageAt))
      .limit(limit);
    const recent = await lastMessagesOf(
      db,
      rows.map(({ conversation }) => conversation.id),
      LAST_MESSAGES,
    );
    const list = rows.map(({ conversation, customer }) => ({
      id: conversation.id,
      customer: { name: customer.name, tier: customer.tier },
      language: conversation.language,
      frustration: conversation.frustration,
      lastIntent: conversation.lastIntent,
      lastMessageAt: new Date(conversation.lastMessageAt).toISOString(),
      lastMessages: recent.get(conversation.id) ?? [],
    }));
    return c.json({ conversations: list });
  });

  app.post('/:id/takeover', async (c) => {
    const parsed = takeoverInputSchema.safeParse(await c.req.json().catch(() => ({})));
    if (!parsed.success) throw invalidInput(parsed.error);
    const { deps, agent } = c.var;
    const result = await takeOverConversation(
      {
        ...deps.lifecycle,
        sinks: deps.config.sinks,
        ...(deps.config.PUBLIC_BASE_URL ? { publicBaseUrl: deps.config.PUBLIC_BASE_URL } : {}),
      },
      agent,
      c.req.param('id'),
      parsed.data,
    );
    return c.json(result, 201);
  });

  return app;
}
