import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const handoffStatuses = ['queued', 'assigned', 'resolved'] as const;
export type HandoffStatus = (typeof handoffStatuses)[number];
/** How a resolved handoff ended: an agent resolved it, the customer withdrew it, or it went idle. */
export const handoffResolutions = ['agent', 'withdrawn', 'idle'] as const;
export type HandoffResolution = (typeof handoffResolutions)[number];

export const handoffs = sqliteTable(
  'handoffs',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    status: text('status', { enum: handoffStatuses }).notNull().default('queued'),
    queue: text('queue').notNull(),
    priority: text('priority').notNull(),
    /** Sorts urgent before high before normal before low. */
    priorityRank: integer('priority_rank').notNull(),
    afterHours: integer('after_hours', { mode: 'boolean' }).notNull(),
    /** The escalation packet (src/handoff/packet.ts), as stored, shown and sent to sinks. */
    packet: text('packet', { mode: 'json' }).notNull(),
    assignedAgentId: text('assigned_agent_id'),
    slaDueAt: integer('sla_due_at').notNull(),
    createdAt: integer('created_at').notNull(),
    claimedAt: integer('claimed_at'),
    firstAgentReplyAt: integer('first_agent_reply_at'),
    resolvedAt: integer('resolved_at'),
    resolution: text('resolution', { enum: handoffResolutions }),
    /** `asked`, `answered`, or `not_asked` when the 24-hour window had closed. */
    csatStatus: text('csat_status'),
    csatScore: integer('csat_score'),
    /** Set once when the handoff waited past its SLA and was raised a priority step. */
    slaRaisedAt: integer('sla_raised_at'),
    /**
     * What the inbox's search looks in, folded as `normalizeForMatching` folds it (src/handoff/search-text.ts);
     * null on rows written before it existed, until a search fills them in.
     */
    searchText: text('search_text'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('handoffs_status_queue').on(t.status, t.queue),
    index('handoffs_conversation').on(t.conversationId),
    // The inbox's lists and searches answered from the index alone: the resolved tab newest first
    // without sorting every row (the history only grows), and a search and its count without
    // reading each packet, which sits before the search text in every row.
    index('handoffs_status_resolved_search').on(t.status, t.resolvedAt, t.queue, t.searchText),
    // the rows still without a search text: found without reading the table, none once filled
    index('handoffs_search_text_missing').on(t.id).where(sql`${t.searchText} is null`),
  ],
);
