import { Hono } from 'hono';
import { z } from 'zod';
import { claimHandoff } from '../../handoff/lifecycle/claim.js';
import { loadHandoffFor, requireQueue, windowFor } from '../../handoff/lifecycle/context.js';
import { addNote, noteInputSchema } from '../../handoff/lifecycle/note.js';
import { releaseHandoff, releaseInputSchema } from '../../handoff/lifecycle/release.js';
import { replyInputSchema, replyToHandoff } from '../../handoff/lifecycle/reply.js';
import { resolveHandoff } from '../../handoff/lifecycle/resolve.js';
import { transferHandoff, transferInputSchema } from '../../handoff/lifecycle/transfer.js';
import type { AgentEnv } from '../../http/context.js';
import { invalidInput } from '../../http/errors.js';
import { jsonBody } from '../../http/json-body.js';
import { prioritySchema, queueSchema } from '../../policy/reasons.js';
import { handoffActivity, listHandoffs, markHandoffRead, readInputSchema } from '../queries.js';
import { customerMedia, mediaHeaders } from './media.js';

export const listQuerySchema = z.strictObject({
  status: z.enum(['queued', 'assigned', 'resolved', 'open']).optional(),
  queue: queueSchema.optional(),
  priority: prioritySchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** The agent API over handoffs; every route runs behind `requireAgent`. */
export function handoffRoutes(): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();

  app.get('/', async (c) => {
    const query = listQuerySchema.safeParse(c.req.query());
    if (!query.success) throw invalidInput(query.error);
    const { agent, deps } = c.var;
    if (query.data.queue) requireQueue(agent, query.data.queue);
    return c.json(await listHandoffs(deps.db, agent, query.data, deps.clock.now()));
  });

  app.get('/:id', async (c) => {
    const { deps, agent } = c.var;
    const { handoff, packet, conversation } = await loadHandoffFor(deps.lifecycle, agent, c.req.param('id'));
    const window = await windowFor(deps.lifecycle, conversation, deps.clock.now());
    const { assignedAgentName, ...activity } = await handoffActivity(deps.db, handoff);
    return c.json({
      handoff: {
        id: handoff.id,
        status: handoff.status,
        queue: handoff.queue,
        priority: handoff.priority,
        assignedAgentId: handoff.assignedAgentId,
        assignedAgentName,
        createdAt: new Date(handoff.createdAt).toISOString(),
        claimedAt: handoff.claimedAt ? new Date(handoff.claimedAt).toISOString() : null,
        resolvedAt: handoff.resolvedAt ? new Date(handoff.resolvedAt).toISOString() : null,
        resolution: handoff.resolution,
        csat: { status: handoff.csatStatus, score: handoff.csatScore },
      },
      packet,
      /** The language the customer writes in now; the packet's is the one they escalated in. */
      language: conversation.language,
      window: {
        open: window.open,
        closesAt: new Date(window.closesAt).toISOString(),
        // free text is refused this long before the window closes, so it cannot arrive too late
        freeTextUntil: window.open
          ? new Date(window.closesAt - deps.lifecycle.windowMarginMs).toISOString()
          : null,
      },
      templates: deps.lifecycle.templates,
      ...activity,
    });
  });

  app.get('/:id/media/:messageId', async (c) => {
    const file = await customerMedia(c.var.deps, c.var.agent, c.req.param('id'), c.req.param('messageId'));
    return c.body(new Uint8Array(file.bytes), 200, mediaHeaders(file));
  });

  app.post('/:id/read', async (c) => {
    // no body: read up to now
    const input = await jsonBody(c.req.raw, readInputSchema, { empty: {} });
    const { deps, agent } = c.var;
    const { handoff } = await loadHandoffFor(deps.lifecycle, agent, c.req.param('id'));
    const readAt = await markHandoffRead(deps.db, {
      agentId: agent.id,
      handoff,
      ...(input.messageId === undefined ? {} : { messageId: input.messageId }),
      now: deps.clock.now(),
    });
    return c.json({ readAt: new Date(readAt).toISOString() });
  });

  app.post('/:id/claim', async (c) =>
    c.json(await claimHandoff(c.var.deps.lifecycle, c.var.agent, c.req.param('id'))),
  );

  app.post('/:id/reply', async (c) => {
    const input = await jsonBody(c.req.raw, replyInputSchema);
    return c.json(await replyToHandoff(c.var.deps.lifecycle, c.var.agent, c.req.param('id'), input), 202);
  });

  app.post('/:id/notes', async (c) => {
    const input = await jsonBody(c.req.raw, noteInputSchema);
    return c.json(await addNote(c.var.deps.lifecycle, c.var.agent, c.req.param('id'), input), 201);
  });

  app.post('/:id/transfer', async (c) => {
    const input = await jsonBody(c.req.raw, transferInputSchema);
    return c.json(await transferHandoff(c.var.deps.lifecycle, c.var.agent, c.req.param('id'), input));
  });

  app.post('/:id/release', async (c) => {
    // no body: released without a note
    const input = await jsonBody(c.req.raw, releaseInputSchema, { empty: {} });
    return c.json(await releaseHandoff(c.var.deps.lifecycle, c.var.agent, c.req.param('id'), input));
  });

  app.post('/:id/resolve', async (c) =>
    c.json(await resolveHandoff(c.var.deps.lifecycle, c.var.agent, c.req.param('id'))),
  );

  return app;
}
