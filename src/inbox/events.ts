import { z } from 'zod';

/** What the inbox hears live: a new handoff, a customer message, a change of status. */
export const inboxEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('handoff.created'),
    handoffId: z.string(),
    queue: z.string(),
    priority: z.string(),
  }),
  z.object({
    type: z.literal('handoff.updated'),
    handoffId: z.string(),
    queue: z.string(),
    status: z.string(),
  }),
  z.object({
    type: z.literal('message.created'),
    handoffId: z.string(),
    queue: z.string(),
    direction: z.enum(['in', 'out']),
  }),
]);

export type InboxEvent = z.infer<typeof inboxEventSchema>;

export interface InboxEvents {
  publish(event: InboxEvent): void;
  subscribe(listener: (event: InboxEvent) => void): () => void;
}

/** In-process fan-out for one Node process; listeners that throw are dropped, not fatal. */
export class LocalInboxEvents implements InboxEvents {
  private readonly listeners = new Set<(event: InboxEvent) => void>();

  publish(event: InboxEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  subscribe(listener: (event: InboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
