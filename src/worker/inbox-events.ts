import {
  type InboxEvent,
  type InboxEvents,
  type InboxListener,
  inboxEventSchema,
  notifyListeners,
} from '../inbox/events.js';
import type { Logger } from '../log/logger.js';
import { INBOX_EVENTS_OBJECT, type InboxEventsRpc, type NamedObjects } from './env.js';

/** How long a listener waits before opening the stream again after it broke. */
const RECONNECT_MS = 1_000;

/**
 * InboxEvents through the inbox events object (src/worker/inbox-events-object.ts), so an event
 * published in one isolate reaches inboxes streaming from any other. One instance per request or
 * per object: workerd ties a stream to the request that opened it.
 */
export class DurableObjectInboxEvents implements InboxEvents {
  private readonly listeners = new Set<InboxListener>();
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly objects: NamedObjects<InboxEventsRpc>,
    private readonly logger: Logger,
    /** Keeps the publish alive after the response was sent (the request's `waitUntil`). */
    private readonly waitUntil?: (promise: Promise<unknown>) => void,
  ) {}

  publish(event: InboxEvent): void {
    const published = this.objects
      .getByName(INBOX_EVENTS_OBJECT)
      .publish(event)
      // A missed live event costs an inbox a refresh, never a handoff: logged, not thrown.
      .catch((error: unknown) => this.logger.warn('inbox event not published', { type: event.type, error }));
    this.waitUntil?.(published);
  }

  subscribe(listener: InboxListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) void this.listen();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopListening?.();
    };
  }

  /** Reads the object's stream while anyone listens, reconnecting when it breaks. */
  private async listen(): Promise<void> {
    while (this.listeners.size > 0) {
      try {
        const stream = await this.objects.getByName(INBOX_EVENTS_OBJECT).subscribe();
        const reader = stream.getReader();
        const decoder = new TextDecoder();
        this.stopListening = () => void reader.cancel().catch(() => {});
        if (this.listeners.size === 0) this.stopListening();
        let buffered = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffered += decoder.decode(value, { stream: true });
          for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
            this.deliver(buffered.slice(0, end));
            buffered = buffered.slice(end + 1);
          }
        }
      } catch (error) {
        if (this.listeners.size > 0) this.logger.warn('inbox event stream broke; reconnecting', { error });
      }
      this.stopListening = undefined;
      if (this.listeners.size > 0) await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  }

  private deliver(line: string): void {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      json = undefined;
    }
    const parsed = inboxEventSchema.safeParse(json);
    if (!parsed.success) {
      this.logger.warn('inbox event ignored: not an event', { length: line.length });
      return;
    }
    notifyListeners(this.listeners, parsed.data);
  }
}
