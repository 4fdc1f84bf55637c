import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Packet } from '../handoff/packet.js';
import { handoffSearchText, searchable } from '../handoff/search-text.js';
import type { Db } from '../store/db.js';
import { handoffs } from '../store/schema/index.js';

/** `%text%` for LIKE, its wildcards taken literally (with `escape '\'`). */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

const contains = (column: SQL | typeof handoffs.searchText, text: string) =>
  sql`${column} like ${containing(text)} escape '\\'`;

/** A whole handoff id, pasted from a ticket or a sink's message. */
const HANDOFF_ID = /^ho_[0-9a-z]+$/;

/**
 * What an agent types to find a handoff, against its search text (`handoffSearchText`): part of
 * the customer's name, their number as people write it (`050 000 0931`, `+971 50`, Arabic
 * digits), an order number, the customer's own words, the six characters of the id the inbox
 * shows, or a whole id pasted in. A query with nothing left once folded (a lone tatweel or
 * diacritic) finds nothing. While some handoffs have no search text yet (`fillSearchText`),
 * they are looked for in their stored packet, less precisely but not missed; otherwise the
 * search reads only the search text, which an index holds (`handoffs_status_resolved_search`).
 */
export function handoffSearch(query: string, options: { unfilled: boolean }): SQL {
  const id = query.trim().toLowerCase();
  if (HANDOFF_ID.test(id)) return eq(handoffs.id, id);
  const text = searchable(query);
  if (text === '') return sql`0`;
  const matches: SQL[] = [contains(handoffs.searchText, text)];
  // a phone number with spaces, dashes, a + or 00 or a local 0 before it
  const digits = text.replace(/[\s\-+().]/g, '').replace(/^0+/, '');
  const phone = /^\d{3,}$/.test(digits) && digits !== text;
  if (phone) matches.push(contains(handoffs.searchText, digits));
  if (options.unfilled) {
    const packet = sql`lower(${handoffs.packet})`;
    matches.push(
      and(
        isNull(handoffs.searchText),
        or(contains(packet, text), phone ? contains(packet, digits) : undefined),
      ) as SQL,
    );
  }
  return or(...matches) as SQL;
}

/** How many rows a search gives their search text before it runs, at most. */
const FILL_PER_SEARCH = 200;

/**
 * Handoffs written before the search text existed (or restored from an older backup) get it a
 * chunk per search, found through a partial index that is empty once they all have it: the
 * check costs nothing then, and no search holds the server long. True while some may still
 * lack it (this chunk was full).
 */
export async function fillSearchText(db: Db): Promise<boolean> {
  const rows = await db
    .select({ id: handoffs.id, packet: handoffs.packet })
    .from(handoffs)
    .where(isNull(handoffs.searchText))
    .limit(FILL_PER_SEARCH);
  const [first, ...rest] = rows.map((row) =>
    db
      .update(handoffs)
      .set({ searchText: handoffSearchText(row.packet as Packet) })
      .where(and(eq(handoffs.id, row.id), isNull(handoffs.searchText))),
  );
  if (first !== undefined) await db.batch([first, ...rest]);
  return rows.length === FILL_PER_SEARCH;
}
