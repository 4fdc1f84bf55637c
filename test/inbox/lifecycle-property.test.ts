import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboundMessage, Recipient, SendResult, Transport } from '../../src/channel/outbound.js';
import { runHandoffTimers, timerContext } from '../../src/handoff/timers.js';
import { addAgent } from '../../src/inbox/agents.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Db } from '../../src/store/db.js';
import { conversations, handoffs, messages, outbox } from '../../src/store/schema/index.js';
import { FixedClock } from '../../src/util/clock.js';
import { createHarness, type Harness } from '../support/harness.js';

const WA_ID = '966500000990';

/**
 * Sends through a switchable fault, and at send time records a violation when a bot-authored
 * reply leaves while the conversation is not in `bot` mode.
 */
class CheckingTransport implements Transport {
  readonly name = 'checking';
  failing = false;
  readonly violations: string[] = [];
  db: Db | undefined;
  async send(_to: Recipient, message: OutboundMessage): Promise<SendResult> {
    if (this.failing) return { ok: false, retryable: true, error: 'injected fault', retryAfterMs: 1 };
    const db = this.db;
    if (db) {
      const [sending] = await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, 'sending'), eq(outbox.kind, 'send')));
      const [conversation] = await db.select().from(conversations);
      const author = (sending?.payload as { author?: string } | undefined)?.author;
      if (author === 'bot' && conversation && conversation.mode !== 'bot') {
        this.violations.push(
          `bot sent "${'text' in message ? message.text : message.kind}" in ${conversation.mode} mode`,
        );
      }
    }
    return { ok: true, externalId: `wamid.out.${crypto.randomUUID()}` };
  }
  async markRead(): Promise<void> {}
}

const texts = [
  'hi',
  'how long does shipping take?',
  'agent please',
  'blorp zint',
  'THIS IS RIDICULOUS!!!',
  'I want a refund',
  'thanks',
  '5',
  'شكرا',
  'وين طلبي A1001',
];

type Event =
  | { kind: 'text'; text: string }
  | { kind: 'duplicate' }
  | { kind: 'button'; id: string }
  | { kind: 'claim' | 'release' | 'resolve' | 'note' | 'takeover' | 'idle' | 'faultOn' | 'faultOff' }
  | { kind: 'reply'; text: string }
  | { kind: 'transfer'; queue: 'general' | 'orders' | 'billing' };

const event: fc.Arbitrary<Event> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...texts).map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'duplicate' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('menu_agent', 'menu_order', 'csat_4')
      .map((id) => ({ kind: 'button' as const, id })),
  },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom('claim', 'release', 'resolve', 'note', 'takeover', 'idle', 'faultOn', 'faultOff')
      .map((kind) => ({ kind }) as Event),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'reply' as const, text: 'Hello from the team' }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('general', 'orders', 'billing')
      .map((queue) => ({ kind: 'transfer' as const, queue })),
  },
);

async function checkInvariants(harness: Harness, transport: CheckingTransport) {
  const db = harness.db;
  const [conversation] = await db.select().from(conversations);
  if (!conversation) return;
  const open = await db
    .select()
    .from(handoffs)
    .where(
      and(eq(handoffs.conversationId, conversation.id), inArray(handoffs.status, ['queued', 'assigned'])),
    );
  // At most one open handoff, and mode and status agree.
  expect(open.length).toBeLessThanOrEqual(1);
  const [handoff] = open;
  if (conversation.mode === 'bot') expect(handoff).toBeUndefined();
  if (conversation.mode === 'queued')
    expect(handoff).toMatchObject({ status: 'queued', id: conversation.handoffId });
  if (conversation.mode === 'agent')
    expect(handoff).toMatchObject({ status: 'assigned', id: conversation.handoffId });
  // No bot message sent while a person had the conversation.
  expect(transport.violations).toEqual([]);
  // Every customer message is answered by the bot or kept on a handoff.
  const inbound = await db.select().from(messages).where(eq(messages.direction, 'in'));
  const jobs = await db.select().from(outbox).where(eq(outbox.kind, 'send'));
  const answeredTurns = new Set(jobs.map((job) => (job.payload as { turn?: number }).turn));
  for (const message of inbound) {
    expect(message.status).toBe('done');
    expect(message.handoffId !== null || answeredTurns.has(message.turn ?? -1)).toBe(true);
  }
}

describe('handoff lifecycle invariants (property-based)', () => {
  it('hold after every step of random customer, agent, timer and fault sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 12 }), async (events) => {
        const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
        const transport = new CheckingTransport();
        const harness = await createHarness({ clock, transport, env: { OUTBOX_BASE_DELAY_MS: '1' } });
        transport.db = harness.db;
        const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: clock.now() });
        const agent = (method: string, path: string, body?: unknown) =>
          harness.app.request(path, {
            method,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
        const openHandoff = async () => (await harness.db.select().from(conversations))[0]?.handoffId;
        let lastId: string | undefined;
        let n = 0;
        try {
          for (const step of events) {
            clock.advance(30_000);
            if (step.kind === 'text') {
              lastId = `wamid.p.${++n}`;
              await harness.post({ waId: WA_ID, text: step.text, id: lastId });
            } else if (step.kind === 'button') {
              lastId = `wamid.p.${++n}`;
              await harness.post({ waId: WA_ID, button: step.id, id: lastId });
            } else if (step.kind === 'duplicate' && lastId) {
              await harness.post({ waId: WA_ID, text: 'redelivered', id: lastId });
            } else if (step.kind === 'faultOn' || step.kind === 'faultOff') {
              transport.failing = step.kind === 'faultOn';
            } else if (step.kind === 'idle') {
              clock.advance(25 * 3_600_000);
              await runHandoffTimers(
                timerContext(harness.config, harness.db, silentLogger, harness.baton.agentDeps.events),
                clock.now(),
              );
            } else if (step.kind === 'takeover') {
              const [conversation] = await harness.db.select().from(conversations);
              if (conversation) await agent('POST', `/api/conversations/${conversation.id}/takeover`, {});
            } else {
              const id = await openHandoff();
              if (id) {
                const path = `/api/handoffs/${id}/${step.kind === 'note' ? 'notes' : step.kind}`;
                const body =
                  step.kind === 'reply'
                    ? { text: step.text }
                    : step.kind === 'note'
                      ? { text: 'n' }
                      : step.kind === 'transfer'
                        ? { queue: step.queue }
                        : undefined;
                const response = await agent('POST', path, body);
                expect(response.status).toBeLessThan(500);
              }
            }
            await harness.baton.settled();
            await checkInvariants(harness, transport);
          }
        } finally {
          harness.close();
        }
      }),
      {
        numRuns: 25,
        // Sequences known to break naive implementations run first, every time.
        examples: [
          [
            [
              { kind: 'faultOn' },
              { kind: 'text', text: 'how long does shipping take?' },
              { kind: 'text', text: 'agent please' },
              { kind: 'faultOff' },
            ],
          ],
          [
            [
              { kind: 'text', text: 'hi' },
              { kind: 'duplicate' },
              { kind: 'takeover' },
              { kind: 'text', text: 'hello?' },
              { kind: 'resolve' },
              { kind: 'button', id: 'csat_4' },
              { kind: 'text', text: 'thanks' },
            ],
          ],
          [
            [
              { kind: 'text', text: 'agent please' },
              { kind: 'claim' },
              { kind: 'idle' },
              { kind: 'text', text: 'blorp zint' },
              { kind: 'transfer', queue: 'billing' },
            ],
          ],
          [
            [
              { kind: 'text', text: 'agent please' },
              { kind: 'reply', text: 'Hello from the team' },
              { kind: 'release' },
              { kind: 'text', text: 'hello?' },
              { kind: 'claim' },
              { kind: 'resolve' },
            ],
          ],
        ],
      },
    );
  }, 120_000);
});
