import type { Client } from '@libsql/client';
import { isNull } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentRow } from '../../src/handoff/lifecycle/context.js';
import type { Packet } from '../../src/handoff/packet.js';
import { handoffSearchText } from '../../src/handoff/search-text.js';
import { listHandoffs } from '../../src/inbox/queries.js';
import type { Db } from '../../src/store/db.js';
import { createLocalClient } from '../../src/store/libsql-local.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import * as schema from '../../src/store/schema/index.js';
import { conversations, customers, handoffs } from '../../src/store/schema/index.js';
import { arabicPacket } from '../handoff/sinks/packet-fixture.js';

const everyQueue = { id: 'ag_1', name: 'Nadia', queues: ['*'] } as AgentRow;
const billingOnly: AgentRow = { ...everyQueue, queues: ['billing'] };

let client: Client;
let db: Db;
const logged: { sql: string; args: unknown[] }[] = [];

beforeEach(async () => {
  client = createLocalClient(':memory:');
  db = drizzle(client, {
    schema,
    logger: { logQuery: (sql, args) => logged.push({ sql, args }) },
  }) as unknown as Db;
  await migrateLibsql(db);
  logged.length = 0;
});
afterEach(() => client.close());

/** `count` resolved handoffs, the i-th of customer `9665000100<i>` named `Customer <i>`. */
async function resolvedHandoffs(count: number, options: { searchText: boolean }) {
  const base = arabicPacket();
  for (let start = 0; start < count; start += 100) {
    const rows = Array.from({ length: Math.min(100, count - start) }, (_, k) => {
      const i = start + k;
      const waId = `9665000${String(i).padStart(5, '0')}`;
      const packet: Packet = {
        ...base,
        id: `ho_${String(i).padStart(32, '0')}`,
        customer: { ...base.customer, id: waId, waId, name: `Customer ${i}` },
      };
      return { i, waId, packet };
    });
    await db
      .insert(customers)
      .values(rows.map(({ waId, i }) => ({ id: waId, waId, createdAt: i, updatedAt: i })));
    await db.insert(conversations).values(
      rows.map(({ waId, i }) => ({
        id: `cv_${waId}`,
        customerId: waId,
        channel: 'whatsapp' as const,
        lastMessageAt: i,
        createdAt: i,
        updatedAt: i,
      })),
    );
    await db.insert(handoffs).values(
      rows.map(({ waId, i, packet }) => ({
        id: packet.id,
        conversationId: `cv_${waId}`,
        status: 'resolved' as const,
        queue: 'billing',
        priority: 'normal',
        priorityRank: 2,
        afterHours: false,
        packet,
        slaDueAt: i,
        createdAt: i,
        resolvedAt: i,
        resolution: 'agent' as const,
        updatedAt: i,
        searchText: options.searchText ? handoffSearchText(packet) : null,
      })),
    );
  }
}

/** SQLite's plans for the listing's count and its page (its last two statements on the handoffs table). */
async function plansOfLastListing(): Promise<string[]> {
  const statements = logged.filter(({ sql }) => sql.includes('from "handoffs"')).slice(-2);
  return Promise.all(
    statements.map(async ({ sql, args }) => {
      const plan = await client.execute({ sql: `explain query plan ${sql}`, args: args as never });
      return plan.rows.map((row) => String(row.detail)).join('\n');
    }),
  );
}

describe('the inbox lists of handoffs', () => {
  it('lists resolved handoffs, and searches and counts them, from an index: no row read in turn, none sorted', async () => {
    await resolvedHandoffs(3, { searchText: true });
    for (const agent of [everyQueue, billingOnly]) {
      for (const q of [undefined, 'customer 1', '050 000 0001']) {
        logged.length = 0;
        const listed = await listHandoffs(
          db,
          agent,
          { status: 'resolved', limit: 50, ...(q ? { q } : {}) },
          10,
        );
        expect(listed.total).toBe(q === undefined ? 3 : 1);
        const [count, list] = await plansOfLastListing();
        expect(count).toMatch(/^SEARCH handoffs USING COVERING INDEX/);
        expect(list).toMatch(/^SEARCH handoffs USING INDEX/);
        expect(list).not.toContain('TEMP B-TREE');
      }
    }
    // newest resolved first, the order the index keeps
    const { handoffs: listed } = await listHandoffs(db, everyQueue, { status: 'resolved', limit: 2 }, 10);
    expect(listed.map((handoff) => handoff.customer.name)).toEqual(['Customer 2', 'Customer 1']);
  });

  it('finds handoffs not yet given their search text in their packet while more are left than one search fills', async () => {
    await resolvedHandoffs(260, { searchText: false });
    // filled 200 at a time in id order: Customer 259 is left for the next search, and found anyway
    const first = await listHandoffs(
      db,
      everyQueue,
      { status: 'resolved', limit: 50, q: 'customer 259' },
      10,
    );
    expect(first.handoffs.map((handoff) => handoff.customer.name)).toEqual(['Customer 259']);
    expect(await db.$count(handoffs, isNull(handoffs.searchText))).toBe(60);
    const second = await listHandoffs(
      db,
      everyQueue,
      { status: 'resolved', limit: 50, q: '+966 500 0002 59' },
      10,
    );
    expect(second.handoffs.map((handoff) => handoff.customer.name)).toEqual(['Customer 259']);
    expect(await db.$count(handoffs, isNull(handoffs.searchText))).toBe(0);
    // every row filled: the search reads the index alone
    logged.length = 0;
    await listHandoffs(db, everyQueue, { status: 'resolved', limit: 50, q: 'customer 259' }, 10);
    expect((await plansOfLastListing())[0]).toContain('USING COVERING INDEX handoffs_status_resolved_search');
  });

  it('finds a whole id pasted in, and only that handoff', async () => {
    await resolvedHandoffs(3, { searchText: true });
    const id = `HO_${'0'.repeat(31)}1`;
    const found = await listHandoffs(db, everyQueue, { status: 'resolved', limit: 50, q: ` ${id} ` }, 10);
    expect(found.handoffs.map((handoff) => handoff.customer.name)).toEqual(['Customer 1']);
  });

  it('names each reason once, though a handoff raised while waiting keeps both its frustration reasons', async () => {
    await resolvedHandoffs(1, { searchText: true });
    const [row] = await db.select().from(handoffs);
    const packet = row?.packet as Packet;
    const frustration = { code: 'frustration' as const, evidence: 'score 0.80 ≥ 0.7' };
    const raised = { code: 'frustration' as const, evidence: 'chased again after the queue notice: ???' };
    await db.update(handoffs).set({ packet: { ...packet, reasons: [frustration, raised] } });
    const listed = await listHandoffs(db, everyQueue, { status: 'resolved', limit: 50 }, 10);
    expect(listed.handoffs.map((handoff) => handoff.reasons)).toEqual([['frustration']]);
  });
});
