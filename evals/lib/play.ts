import { and, asc, eq, sql } from 'drizzle-orm';
import type { Packet } from '../../src/handoff/packet.js';
import type { KnowledgeDocument } from '../../src/knowledge/document.js';
import { LlmMeter } from '../../src/llm/meter.js';
import { createLogger } from '../../src/log/logger.js';
import { DbOrders } from '../../src/orders/db-orders.js';
import { buildWebhookBody, type SandboxInput } from '../../src/sandbox/payload.js';
import type { Db } from '../../src/store/db.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { customers, handoffs, messages } from '../../src/store/schema/index.js';
import { FixedClock } from '../../src/util/clock.js';
import { conversationIdFor } from '../../src/util/ids.js';
import { wireBaton } from '../../src/wiring.js';
import type { EvalCase } from './case-schema.js';
import { type CaseOutcome, type HandoffOutcome, noLlmUsage, type TurnOutcome } from './outcome.js';
import { type EngineOptions, evalConfig } from './setup.js';

export interface PlayOptions extends EngineOptions {
  knowledge: KnowledgeDocument[];
  /** The case's 0-based position in the run: gives a case without a customer id its own fresh waId. */
  position?: number;
}

/** FORMAT.md: "a fresh waId is made when both are absent": one per case, from its position. */
export function freshWaId(position: number): string {
  return String(966_590_000_000 + (position % 10_000_000));
}

/** FORMAT.md: a weekday inside business hours when the case gives no clock. */
const DEFAULT_NOW = '2026-11-24T11:00:00+03:00';
const TURN_GAP_MS = 30_000;

type Turn = EvalCase['turns'][number];

function inputOf(turn: Turn): SandboxInput {
  if (typeof turn === 'string') return { kind: 'text', text: turn };
  if ('text' in turn) return { kind: 'text', text: turn.text };
  if ('button' in turn) return { kind: 'button', button: turn.button };
  return { kind: 'media', type: turn.type, ...(turn.caption ? { caption: turn.caption } : {}) };
}

function describeTurn(turn: Turn): string {
  const input = inputOf(turn);
  if (input.kind === 'text') return input.text;
  if (input.kind === 'button') return `button ${input.button}`;
  return `[${input.type}]${input.caption ? ` ${input.caption}` : ''}`;
}

/**
 * Plays one case through the same pipeline as a real delivery: a webhook body per turn posted to
 * `/webhooks/whatsapp`, the conversation worker, the agent and the outbox with the sandbox
 * transport, on a fresh in-memory database with the case's clock, customer and orders.
 */
export async function playCase(evalCase: EvalCase, options: PlayOptions): Promise<CaseOutcome> {
  const outcome: CaseOutcome = {
    case: evalCase,
    turns: [],
    llm: noLlmUsage(),
  };
  const { db, close } = openLibsql(':memory:');
  try {
    await migrateLibsql(db);
    const clock = new FixedClock(Date.parse(evalCase.now ?? DEFAULT_NOW));
    const customer = {
      ...(evalCase.customer?.waId ? { waId: evalCase.customer.waId } : {}),
      ...(evalCase.customer?.userId ? { userId: evalCase.customer.userId } : {}),
      ...(evalCase.customer?.name ? { name: evalCase.customer.name } : {}),
    };
    // FORMAT.md: a fresh waId when the case gives neither id.
    if (!customer.waId && !customer.userId) customer.waId = freshWaId(options.position ?? 0);
    const customerKey = customer.userId ?? customer.waId ?? '';
    await db.insert(customers).values({
      id: customerKey,
      waId: customer.waId ?? null,
      userId: customer.userId ?? null,
      name: customer.name ?? null,
      tier: evalCase.customer?.tier ?? 'standard',
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    await new DbOrders(db).upsert(evalCase.orders ?? []);
    const config = evalConfig(options);
    const meter = new LlmMeter();
    const baton = wireBaton({
      config,
      db,
      clock,
      logger: createLogger({ level: 'error', write: () => {} }),
      knowledge: options.knowledge,
      version: 'eval',
      meter,
      ...(options.prompts ? { prompts: options.prompts } : {}),
    });
    const conversationId = await conversationIdFor('whatsapp', customerKey);
    const startMs = Date.parse(evalCase.now ?? DEFAULT_NOW);
    for (const [i, turn] of evalCase.turns.entries()) {
      clock.set(startMs + i * TURN_GAP_MS);
      const body = buildWebhookBody({
        phoneNumberId: 'eval',
        customer,
        wamid: `wamid.eval.${evalCase.id}.${i + 1}`,
        timestampMs: clock.now(),
        input: inputOf(turn),
      });
      const started = performance.now();
      const response = await baton.app.request('/webhooks/whatsapp', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (response.status !== 200) throw new Error(`turn ${i + 1}: webhook answered ${response.status}`);
      await baton.settled();
      const handoff =
        outcome.handoff === undefined ? await firstHandoff(db, conversationId, i + 1) : undefined;
      if (handoff) outcome.handoff = handoff;
      outcome.turns.push({
        index: i + 1,
        input: describeTurn(turn),
        replies: [],
        knowledgeDocs: [],
        latencyMs: performance.now() - started,
        handoff: handoff !== undefined,
      });
    }
    baton.stop();
    const usage = meter.snapshot();
    outcome.llm = {
      calls: usage.calls,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      costUsd: usage.costUsd,
      faults: usage.faults,
      faultsByKind: usage.faultsByKind,
      fallbacks: usage.fallbacks,
      unpricedModels: usage.unpricedModels,
    };
    // The clock stands still within a turn, so a reply's time names the turn it answered.
    const replies = await db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'out')))
      .orderBy(asc(messages.sentAt), sql`rowid`);
    for (const reply of replies) {
      const turn: TurnOutcome | undefined = outcome.turns[Math.round((reply.sentAt - startMs) / TURN_GAP_MS)];
      if (turn === undefined || (reply.author !== 'bot' && reply.author !== 'system')) continue;
      turn.replies.push(reply.text ?? '');
      if (reply.knowledgeDocId) turn.knowledgeDocs.push(reply.knowledgeDocId);
    }
  } catch (error) {
    outcome.error = error instanceof Error ? error.message : String(error);
  } finally {
    close();
  }
  return outcome;
}

async function firstHandoff(
  db: Db,
  conversationId: string,
  atTurn: number,
): Promise<HandoffOutcome | undefined> {
  const [row] = await db
    .select()
    .from(handoffs)
    .where(eq(handoffs.conversationId, conversationId))
    .orderBy(asc(handoffs.createdAt))
    .limit(1);
  if (row === undefined) return undefined;
  const packet = row.packet as Packet;
  return {
    atTurn,
    reasons: packet.reasons.map((reason) => reason.code),
    queue: row.queue,
    priority: row.priority,
    afterHours: row.afterHours,
  };
}
