import { join } from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationWorker } from '../../src/conversation/worker.js';
import { OfflineLlm } from '../../src/llm/offline/offline-llm.js';
import { silentLogger } from '../../src/log/logger.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { conversations, messages } from '../../src/store/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { metaJson, signedRequest, textEnvelope } from '../support/meta.js';
import { temporaryDirectory } from '../support/temporary-directory.js';
import { waitFor } from '../support/wait-for.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
async function harnessWith(options: Parameters<typeof createHarness>[0]): Promise<Harness> {
  const harness = await createHarness(options);
  cleanups.push(() => harness.close());
  return harness;
}

function shuffle<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('conversation worker', () => {
  it('handles 50 shuffled deliveries over 5 conversations in per-conversation timestamp order', async () => {
    // A long settle wait keeps the worker out of the way until every delivery is stored, so the
    // test does not depend on how fast this machine ingests; flush() then starts the drains.
    const harness = await harnessWith({ env: { CONVERSATION_SETTLE_MS: '60000' } });
    const base = Math.floor(Date.now() / 1000);
    const deliveries = Array.from({ length: 50 }, (_, i) => ({
      waId: `9665000003${String(i % 5).padStart(2, '0')}`,
      id: `wamid.order.${i}`,
      // A question the bot answers every time: ten turns it could not handle would end in a handoff.
      text: `how long does shipping take? (question ${Math.floor(i / 5)})`,
      timestamp: base + Math.floor(i / 5),
    }));
    for (const delivery of shuffle(deliveries)) {
      const response = await harness.app.fetch(
        await signedRequest(metaJson(textEnvelope([delivery])), undefined),
      );
      expect(response.status).toBe(200);
    }
    harness.baton.worker.flush();
    await harness.baton.settled();
    const inbound = await harness.db
      .select()
      .from(messages)
      .where(eq(messages.direction, 'in'))
      .orderBy(asc(messages.conversationId), asc(messages.sentAt));
    expect(inbound).toHaveLength(50);
    const byConversation = new Map<string, typeof inbound>();
    for (const row of inbound)
      byConversation.set(row.conversationId, [...(byConversation.get(row.conversationId) ?? []), row]);
    expect(byConversation.size).toBe(5);
    for (const rows of byConversation.values()) {
      expect(rows.map((row) => row.status)).toEqual(Array(10).fill('done'));
      expect(rows.map((row) => row.turn)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    const replies = await harness.db.select().from(messages).where(eq(messages.direction, 'out'));
    expect(replies).toHaveLength(50);
  });

  it('picks up messages stored before a crash when it starts again on the same database', async () => {
    const file = join(temporaryDirectory('baton-'), 'crash.db');
    const first = openLibsql(`file:${file}`);
    await migrateLibsql(first.db, { file: true });
    // The first process stores the message and dies before its worker ran (a long settle window).
    const crashed = await harnessWith({ db: first.db, env: { CONVERSATION_SETTLE_MS: '600000' } });
    const body = metaJson(
      textEnvelope([
        { waId: '966500000401', id: 'wamid.crash', text: 'hello', timestamp: Math.floor(Date.now() / 1000) },
      ]),
    );
    expect((await crashed.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
    crashed.baton.stop();

    const second = openLibsql(`file:${file}`);
    cleanups.push(
      () => second.close(),
      () => first.close(),
    );
    const restarted = await harnessWith({ db: second.db });
    await restarted.baton.settled();
    const rows = await second.db
      .select()
      .from(messages)
      .where(and(eq(messages.direction, 'in'), eq(messages.externalId, 'wamid.crash')));
    expect(rows.map((row) => row.status)).toEqual(['done']);
    const replies = await restarted.replies('966500000401');
    expect(replies).toHaveLength(1);
  });
});

describe('turn numbers', () => {
  it('are taken by handled messages only: a turn that fails is kept as failed and takes no number', async () => {
    class FailsOnExplode extends OfflineLlm {
      override async classify(input: Parameters<OfflineLlm['classify']>[0]) {
        if (input.text === 'explode') throw new Error('classifier exploded');
        return super.classify(input);
      }
    }
    const harness = await harnessWith({ llm: new FailsOnExplode() });
    for (const text of ['hello', 'explode', 'do you deliver to Jeddah?']) {
      await harness.post({ waId: '966500000404', text });
    }
    const inbound = await harness.db
      .select({ text: messages.text, turn: messages.turn, status: messages.status, error: messages.error })
      .from(messages)
      .where(eq(messages.direction, 'in'))
      .orderBy(asc(messages.sentAt), asc(messages.createdAt));
    expect(inbound.map((m) => [m.text, m.turn, m.status])).toEqual([
      ['hello', 1, 'done'],
      ['explode', null, 'failed'],
      ['do you deliver to Jeddah?', 2, 'done'],
    ]);
    expect(inbound[1]?.error).toMatch(/classifier exploded/);
    const [conversation] = await harness.db.select({ turn: conversations.turn }).from(conversations);
    expect(conversation?.turn).toBe(2);
    // The failed turn sent nothing; the other two were answered.
    expect(await harness.replies('966500000404')).toHaveLength(2);
  });
});

describe('a conversation whose processing keeps failing', () => {
  it('is retried with backoff, then its head message is set aside and the ones behind it go on', async () => {
    const calls: string[] = [];
    const deadLettered: { error: string; attempts: number }[] = [];
    let poisoned = true;
    const worker = new ConversationWorker({
      drain: async (conversationId) => {
        calls.push(conversationId);
        if (poisoned) throw new Error('database is locked');
      },
      logger: silentLogger,
      settleMs: 0,
      concurrency: 4,
      maxAttempts: 3,
      baseDelayMs: 10,
      deadLetter: async (_conversationId, error, attempts) => {
        deadLettered.push({ error, attempts });
        poisoned = false;
      },
    });
    worker.enqueue('conv_a');
    await waitFor(async () => calls.length === 4);
    // Three failed drains, the dead letter after the third, then one more drain for the rest.
    expect(deadLettered).toEqual([{ error: 'Error: database is locked', attempts: 3 }]);
    await worker.idle();
    expect(calls).toEqual(['conv_a', 'conv_a', 'conv_a', 'conv_a']);
    worker.stop();
  });

  it('end to end: the message is marked failed with the error where agents see it, unanswered, and the next one is handled', async () => {
    const harness = await harnessWith({ env: { OUTBOX_MAX_ATTEMPTS: '2', OUTBOX_BASE_DELAY_MS: '5' } });
    const waId = '966500000405';
    await harness.post({ waId, text: 'hello' });
    // The store starts refusing the write that closes a turn (its replies go to the outbox).
    await harness.db.run(
      sql`CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
    );
    const deliver = async (id: string, text: string) => {
      const body = metaJson(textEnvelope([{ waId, id, text, timestamp: Math.floor(Date.now() / 1000) }]));
      expect((await harness.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
    };
    await deliver('wamid.poison', 'are you there?');
    const stored = async (externalId: string) => {
      const [row] = await harness.db
        .select({ status: messages.status, error: messages.error, turn: messages.turn })
        .from(messages)
        .where(eq(messages.externalId, externalId));
      return row;
    };
    await waitFor(async () => (await stored('wamid.poison'))?.status === 'failed');
    expect((await stored('wamid.poison'))?.error).toMatch(/^processing failed 2 times: .*disk I\/O error/);
    expect(await harness.replies(waId)).toHaveLength(1);

    await harness.db.run(sql`DROP TRIGGER refuse_outbox`);
    await deliver('wamid.after', 'do you deliver to Jeddah?');
    await waitFor(async () => (await stored('wamid.after'))?.status === 'done');
    expect((await stored('wamid.after'))?.turn).toBe(2);
    await waitFor(async () => (await harness.replies(waId)).length === 2);
  });
});
