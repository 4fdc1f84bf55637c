/** What the inbox hears live: a new handoff, a customer message, a change of status. */
export type InboxEvent =
  | { type: 'handoff.created'; handoffId: string; queue: string; priority: string }
  | { type: 'handoff.updated'; handoffId: string; queue: string; status: string }
  | { type: 'message.created'; handoffId: string; queue: string; direction: 'in' | 'out' };

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
