import { and, eq, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Packet } from '../handoff/packet.js';
import { handoffSearchText, searchable } from '../handoff/search-text.js';
import type { Db } from '../store/db.js';
import { handoffs } from '../store/schema/index.js';

/** `%text%` for LIKE, its wildcards taken literally (with `escape '\'`). */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

const contains = (text: string) => sql`${handoffs.searchText} like ${containing(text)} escape '\\'`;

/**
 * What an agent types to find a handoff, against its search text (`handoffSearchText`): part of
 * the customer's name, their number as people write it (`050 000 0931`, `+971 50`, Arabic
 * digits), an order number, the customer's own words, the six characters of the id the inbox
 * shows, or a whole id pasted in. A query with nothing left once folded (a lone tatweel or
 * diacritic) finds nothing.
 */
export function handoffSearch(query: string): SQL {
  const text = searchable(query);
  if (text === '') return sql`0`;
  const matches: SQL[] = [contains(text), eq(handoffs.id, query.trim())];
  // a phone number with spaces, dashes, a + or 00 or a local 0 before it
  const digits = text.replace(/[\s\-+().]/g, '').replace(/^0+/, '');
  if (/^\d{3,}$/.test(digits) && digits !== text) matches.push(contains(digits));
  return or(...matches) as SQL;
}

/** How many rows one pass of `fillSearchText` reads and writes. */
const FILL_CHUNK = 200;

/** Databases this process has filled: new handoffs are written with their search text. */
const filled = new WeakSet<Db>();

/**
 * Handoffs written before the search text existed get it the first time anyone searches, a chunk
 * at a time until none is left (once per database: new handoffs are written with it).
 */
export async function fillSearchText(db: Db): Promise<void> {
  if (filled.has(db)) return;
  for (;;) {
    const rows = await db
      .select({ id: handoffs.id, packet: handoffs.packet })
      .from(handoffs)
      .where(isNull(handoffs.searchText))
      .limit(FILL_CHUNK);
    const [first, ...rest] = rows.map((row) =>
      db
        .update(handoffs)
        .set({ searchText: handoffSearchText(row.packet as Packet) })
        .where(and(eq(handoffs.id, row.id), isNull(handoffs.searchText))),
    );
    if (first !== undefined) await db.batch([first, ...rest]);
    if (rows.length < FILL_CHUNK) break;
  }
  filled.add(db);
}
