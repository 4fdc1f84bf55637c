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
  /** A message to the customer failed for good: the agent sees why at once, not at the next poll. */
  z.object({ type: z.literal('message.failed'), handoffId: z.string(), queue: z.string() }),
  /** A message to the customer was sent, delivered, read or played: its tick in the open conversation. */
  z.object({
    type: z.literal('message.status'),
    handoffId: z.string(),
    queue: z.string(),
    status: z.string(),
  }),
]);

export type InboxEvent = z.infer<typeof inboxEventSchema>;

export type InboxListener = (event: InboxEvent) => void;

export interface InboxEvents {
  publish(event: InboxEvent): void;
  subscribe(listener: InboxListener): () => void;
}

/** Hands an event to every listener; one that throws is dropped, not fatal. */
export function notifyListeners(listeners: Set<InboxListener>, event: InboxEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      listeners.delete(listener);
    }
  }
}

/** In-process fan-out for one Node process. */
export class LocalInboxEvents implements InboxEvents {
  private readonly listeners = new Set<InboxListener>();

  publish(event: InboxEvent): void {
    notifyListeners(this.listeners, event);
  }

  subscribe(listener: InboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
