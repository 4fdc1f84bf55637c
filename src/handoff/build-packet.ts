import type { InboundReferral } from '../channel/inbound.js';
import type { Classification, Language } from '../llm/classification.js';
import type { Routing } from '../policy/decide.js';
import type { Reason } from '../policy/reasons.js';
import type { ConversationRow, CustomerRow } from '../store/repos/conversations.js';
import type { MessageRow } from '../store/repos/messages.js';
import { type OrderOnRecord, PACKET_VERSION, type Packet, packetSchema } from './packet.js';

const TRANSCRIPT_LIMIT = 50;

function transcriptLine(row: MessageRow): Packet['transcript'][number] {
  const from = row.author;
  const text = row.text ?? '';
  const shown =
    row.direction === 'in' && row.type !== 'text' && row.type !== 'interactive'
      ? `[${row.type}] ${text}`.trim()
      : text;
  return { from, text: shown, at: new Date(row.sentAt).toISOString() };
}

export interface PacketInput {
  id: string;
  now: number;
  conversation: ConversationRow;
  customer: CustomerRow;
  language: Language;
  reasons: Reason[];
  classification: Classification | null;
  routing: Routing;
  summary: string;
  facts: { orderIds: string[]; amounts: string[]; media: string[]; orders?: OrderOnRecord[] };
  botAttempts: string[];
  rows: MessageRow[];
  publicBaseUrl?: string;
  previousHandoffId?: string;
  /** When there is no classification of the last message (a takeover), the latest score known. */
  frustration?: number;
}

/** The ad the customer came from, when a message of the conversation carried one. */
function adOf(rows: readonly MessageRow[]): { referral?: InboundReferral } {
  for (const row of rows) {
    const referral = (row.payload as { referral?: InboundReferral } | null)?.referral;
    if (row.direction === 'in' && referral !== undefined) return { referral };
  }
  return {};
}

/** Assembles and validates the packet; an invalid packet is a bug and throws here, not in a sink. */
export function buildPacket(input: PacketInput): Packet {
  const { customer } = input;
  const inbox = `${input.publicBaseUrl?.replace(/\/$/, '') ?? ''}/inbox/handoffs/${input.id}`;
  return packetSchema.parse({
    id: input.id,
    version: PACKET_VERSION,
    conversationId: input.conversation.id,
    createdAt: new Date(input.now).toISOString(),
    customer: {
      id: customer.id,
      ...(customer.waId ? { waId: customer.waId } : {}),
      ...(customer.userId ? { userId: customer.userId } : {}),
      name: customer.name,
      tier: customer.tier,
      language: input.language,
    },
    reasons: input.reasons,
    intent: input.classification?.intent ?? 'unknown',
    frustration: input.classification?.frustration ?? input.frustration ?? 0,
    queue: input.routing.queue,
    priority: input.routing.priority,
    afterHours: input.routing.afterHours,
    slaDueAt: new Date(input.routing.slaDueAt).toISOString(),
    summary: input.summary.slice(0, 600),
    facts: input.facts,
    botAttempts: input.botAttempts,
    ...adOf(input.rows),
    transcript: input.rows.slice(-TRANSCRIPT_LIMIT).map(transcriptLine),
    links: { inbox },
    ...(input.previousHandoffId ? { previousHandoffId: input.previousHandoffId } : {}),
  });
}
