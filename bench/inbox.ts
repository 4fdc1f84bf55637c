import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKET_VERSION, type Packet, packetSchema } from '../src/handoff/packet.js';
import { handoffSearchText } from '../src/handoff/search-text.js';
import { listHandoffs } from '../src/inbox/queries.js';
import { openLibsql } from '../src/store/libsql.js';
import { migrateLibsql } from '../src/store/migrate.js';
import { agents, conversations, customers, handoffs } from '../src/store/schema/index.js';
import { summary } from './lib/stats.js';

export interface InboxResult {
  resolved: number;
  /** Each measured `repeats` times after one warm-up, as the inbox asks (GET /api/handoffs). */
  repeats: number;
  resolvedTab: { p50Ms: number; p99Ms: number };
  searchRare: { p50Ms: number; p99Ms: number };
  searchCommon: { p50Ms: number; p99Ms: number };
  searchPhone: { p50Ms: number; p99Ms: number };
}

const ROWS_PER_INSERT = 200;

/** A handoff of the kind the inbox keeps: an Arabic or English customer, a few lines each way. */
function packetFor(i: number, waId: string, at: string): Packet {
  const arabic = i % 2 === 0;
  const said = arabic
    ? [`السلام عليكم، انخصم المبلغ مرتين على طلبي ${4000 + (i % 900)}`, 'ابي اكلم موظف الحين']
    : [`my order ${4000 + (i % 900)} arrived with a cracked screen`, 'I want to talk to a person'];
  return {
    id: `ho_${String(i).padStart(32, '0')}`,
    version: PACKET_VERSION,
    conversationId: `cv_${waId}`,
    createdAt: at,
    customer: {
      id: waId,
      waId,
      name: arabic ? `ريم ${i}` : `Sara ${i}`,
      tier: 'standard',
      language: arabic ? 'ar' : 'en',
    },
    reasons: [{ code: 'human_requested', evidence: said[1] ?? '' }],
    intent: 'human_request',
    frustration: 0.3,
    queue: i % 3 === 0 ? 'billing' : 'orders',
    priority: 'normal',
    afterHours: false,
    slaDueAt: at,
    summary: `The customer needs a person. Said: "${said[0]}"`,
    facts: { orderIds: [String(4000 + (i % 900))], amounts: [], media: [] },
    botAttempts: ['order_status: looked up'],
    transcript: [
      { from: 'customer', text: said[0] ?? '', at },
      { from: 'bot', text: 'Order shipped. Expected delivery: Thursday.', at },
      { from: 'customer', text: said[1] ?? '', at },
    ],
    links: { inbox: `/inbox/handoffs/ho_${i}` },
  };
}

async function timed(repeats: number, run: () => Promise<unknown>) {
  await run();
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const { p50Ms, p99Ms } = summary(samples);
  return { p50Ms, p99Ms };
}

/**
 * The agent inbox with a long history: `resolved` resolved handoffs in a libSQL file, listed and
 * searched as an agent of every queue does (the count and the first 50), newest first.
 */
export async function runInboxBenchmark(options: {
  resolved: number;
  repeats: number;
}): Promise<InboxResult> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-inbox-'));
  const { db, close } = openLibsql(`file:${join(dir, 'inbox.db')}`);
  try {
    await migrateLibsql(db, { file: true });
    const now = Date.parse('2026-11-24T08:00:00Z');
    packetSchema.parse(packetFor(0, '966500000000', new Date(now).toISOString()));
    for (let start = 0; start < options.resolved; start += ROWS_PER_INSERT) {
      const batch = Array.from({ length: Math.min(ROWS_PER_INSERT, options.resolved - start) }, (_, k) => {
        const i = start + k;
        const waId = `9665${String(i).padStart(8, '0')}`;
        const at = now - (options.resolved - i) * 60_000;
        return { i, waId, at, packet: packetFor(i, waId, new Date(at).toISOString()) };
      });
      await db
        .insert(customers)
        .values(batch.map(({ waId, at }) => ({ id: waId, waId, createdAt: at, updatedAt: at })));
      await db.insert(conversations).values(
        batch.map(({ waId, at }) => ({
          id: `cv_${waId}`,
          customerId: waId,
          channel: 'whatsapp' as const,
          lastMessageAt: at,
          createdAt: at,
          updatedAt: at,
        })),
      );
      await db.insert(handoffs).values(
        batch.map(({ packet, at }) => ({
          id: packet.id,
          conversationId: packet.conversationId,
          status: 'resolved' as const,
          queue: packet.queue,
          priority: packet.priority,
          priorityRank: 2,
          afterHours: false,
          packet,
          slaDueAt: at,
          createdAt: at,
          claimedAt: at,
          resolvedAt: at + 600_000,
          resolution: 'agent' as const,
          updatedAt: at,
          searchText: handoffSearchText(packet),
        })),
      );
    }
    const agent = { id: 'ag_bench', name: 'Bench', tokenHash: 'bench', queues: ['*'], createdAt: now };
    await db.insert(agents).values(agent);
    const list = (q?: string) => () =>
      listHandoffs(db, agent, { status: 'resolved', limit: 50, ...(q ? { q } : {}) }, now);
    return {
      resolved: options.resolved,
      repeats: options.repeats,
      resolvedTab: await timed(options.repeats, list()),
      // a name nobody has: the whole history is looked through
      searchRare: await timed(options.repeats, list('Nadia')),
      // a word half the handoffs share: the first 50 come at once, the count reads them all
      searchCommon: await timed(options.repeats, list('cracked')),
      searchPhone: await timed(options.repeats, list('050 000 0123')),
    };
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
}
