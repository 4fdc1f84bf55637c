import { z } from 'zod';
import { handoffNotes } from '../../store/schema/index.js';
import { newId } from '../../util/ids.js';
import { type AgentRow, type LifecycleContext, loadHandoffFor } from './context.js';

const NOTE_MAX_CHARS = 4000;
export const noteInputSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, 'a note needs some text')
    .max(NOTE_MAX_CHARS, `a note is at most ${NOTE_MAX_CHARS} characters`),
});

/** An internal note on the handoff, for colleagues; the customer never sees it. */
export async function addNote(
  ctx: LifecycleContext,
  agent: AgentRow,
  handoffId: string,
  input: z.infer<typeof noteInputSchema>,
) {
  const { handoff } = await loadHandoffFor(ctx, agent, handoffId);
  const note = {
    id: newId('note'),
    handoffId,
    agentId: agent.id,
    text: input.text,
    createdAt: ctx.clock.now(),
  };
  await ctx.db.insert(handoffNotes).values(note);
  ctx.events.publish({ type: 'handoff.updated', handoffId, queue: handoff.queue, status: handoff.status });
  // ISO, as every time the API returns
  return { ...note, agentName: agent.name, createdAt: new Date(note.createdAt).toISOString() };
}
