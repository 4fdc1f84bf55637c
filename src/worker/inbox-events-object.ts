import { DurableObject } from 'cloudflare:workers';
import { inboxEventSchema } from '../inbox/events.js';
import type { InboxEventsRpc, WorkerEnv } from './env.js';

/** Lines a listener may fall behind by before it is dropped; its inbox reconnects and refreshes. */
const MAX_LINES_BEHIND = 256;

const encoder = new TextEncoder();

/**
 * Live inbox events on Workers. Handoffs are made in conversation objects and agents act through
 * whichever isolate served their request, so an in-isolate fan-out reaches almost nobody: every
 * isolate publishes here instead, and every open inbox stream listens here (one object, named
 * `inbox`). It holds only open streams, nothing durable: an inbox that was away re-reads its lists.
 */
export class InboxEventsObject extends DurableObject<WorkerEnv> implements InboxEventsRpc {
  private readonly listeners = new Set<WritableStreamDefaultWriter<Uint8Array>>();

  async publish(event: unknown): Promise<void> {
    const line = encoder.encode(`${JSON.stringify(inboxEventSchema.parse(event))}\n`);
    for (const writer of this.listeners) {
      // Not awaited: one slow inbox must not hold up the others or the publisher.
      if ((writer.desiredSize ?? 0) < -MAX_LINES_BEHIND) this.drop(writer);
      else writer.write(line).catch(() => this.drop(writer));
    }
  }

  async subscribe(): Promise<ReadableStream<Uint8Array>> {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    this.listeners.add(writable.getWriter());
    return readable;
  }

  private drop(writer: WritableStreamDefaultWriter<Uint8Array>): void {
    this.listeners.delete(writer);
    writer.abort().catch(() => {});
  }
}
