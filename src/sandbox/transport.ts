import type { OutboundMessage, Recipient, SendResult, Transport } from '../channel/outbound.js';

export interface SandboxSend {
  externalId: string;
  to: Recipient;
  message: OutboundMessage;
}

/**
 * The transport used without WhatsApp credentials: nothing leaves the process; the outbound
 * message rows are what the simulator shows. Listeners let the simulator stream replies live.
 */
export class SandboxTransport implements Transport {
  readonly name = 'sandbox';
  private readonly listeners = new Set<(send: SandboxSend) => void>();

  async send(to: Recipient, message: OutboundMessage): Promise<SendResult> {
    const externalId = `wamid.out.sandbox.${crypto.randomUUID()}`;
    for (const listener of this.listeners) listener({ externalId, to, message });
    return { ok: true, externalId };
  }

  async markRead(): Promise<void> {}

  onSend(listener: (send: SandboxSend) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
