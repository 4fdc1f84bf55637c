import { afterAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS, startModelServer } from '../../bench/lib/model-server.js';
import { createBaton } from '../../src/baton.js';
import { loadConfig } from '../../src/config/config.js';
import { LlmMeter } from '../../src/llm/meter.js';
import { createLogger } from '../../src/log/logger.js';
import { SandboxTransport } from '../../src/sandbox/transport.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { systemClock } from '../../src/util/clock.js';
import { wireAdapters } from '../../src/wiring.js';
import { repoKnowledge } from '../support/harness.js';
import { deliveryBody, ONE_REPLY_TEXTS, pool, postWebhook, rng } from './support.js';

const SECRET = 'reliability-llm-secret';
const CONVERSATIONS = 500;
const TURNS = 2;
const TIMEOUT_MS = 1_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('LLM faults at random in 500 conversations', () => {
  it('answers every customer turn within the configured timeout plus 2 s, and counts the faults in /metrics', async () => {
    const model = await startModelServer({
      faults: { rate: 0.3, random: rng(42), hangMs: TIMEOUT_MS * 3 },
      countTokens: false,
    });
    cleanups.push(() => model.close());
    const { db, close } = openLibsql(':memory:');
    cleanups.push(close);
    await migrateLibsql(db);
    const meter = new LlmMeter();
    const transport = new SandboxTransport();
    const { options } = wireAdapters({
      config: loadConfig({
        NODE_ENV: 'test',
        WHATSAPP_APP_SECRET: SECRET,
        LLM_BASE_URL: model.baseURL,
        OPENAI_API_KEY: 'reliability',
        LLM_MODEL: 'gpt-4o-mini',
        LLM_TIMEOUT_MS: String(TIMEOUT_MS),
        CONVERSATION_SETTLE_MS: '0',
        WORKER_CONCURRENCY: '16',
        OUTBOX_POLL_MS: '50',
      }),
      db,
      clock: systemClock,
      logger: createLogger({ level: 'error', write: () => {} }),
      knowledge: await repoKnowledge(),
      version: 'test',
      transport,
      meter,
    });
    const baton = createBaton(options);
    await baton.start();
    cleanups.push(() => baton.stop());

    // Each POST waits for the reply sent to its customer; conversations run 16 at a time, as many
    // as the worker handles at once, so the time measured is the turn's, not a queue's.
    const waiting = new Map<string, () => void>();
    transport.onSend((send) => {
      const waId = send.to.waId ?? '';
      waiting.get(waId)?.();
      waiting.delete(waId);
    });
    const latencies: number[] = [];
    const unanswered: string[] = [];
    await pool(
      Array.from({ length: CONVERSATIONS }, (_, c) => c),
      16,
      async (c) => {
        const waId = `9665${String(50_000_000 + c).slice(-8)}`;
        for (let t = 0; t < TURNS; t++) {
          const body = deliveryBody({
            waId,
            wamid: `wamid.llm.${c}.${t}`,
            text: ONE_REPLY_TEXTS[(c + t) % ONE_REPLY_TEXTS.length] ?? 'hello',
            timestamp: Math.floor(Date.now() / 1000),
          });
          const answered = new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), TIMEOUT_MS + 10_000);
            waiting.set(waId, () => {
              clearTimeout(timer);
              resolve(true);
            });
          });
          const started = performance.now();
          const response = await postWebhook(baton.app, body, SECRET);
          expect(response.status).toBe(200);
          if (await answered) latencies.push(performance.now() - started);
          else unanswered.push(`${waId} turn ${t + 1}`);
        }
      },
    );

    expect(unanswered).toEqual([]);
    expect(latencies).toHaveLength(CONVERSATIONS * TURNS);
    const slowest = Math.max(...latencies);
    console.info(
      `llm faults: ${JSON.stringify(model.injected)} injected in ${model.counters.calls} calls; ` +
        `slowest turn ${Math.round(slowest)} ms (bound ${TIMEOUT_MS + 2_000} ms)`,
    );
    expect(slowest).toBeLessThanOrEqual(TIMEOUT_MS + 2_000);

    // Every fault kind was injected, and /metrics counts what the meter counted.
    for (const kind of FAULT_KINDS) expect(model.injected[kind] ?? 0).toBeGreaterThan(0);
    const snapshot = meter.snapshot();
    expect(snapshot.faults).toBeGreaterThan(0);
    const metrics = await (await baton.app.request('/metrics')).text();
    let counted = 0;
    for (const [kind, n] of Object.entries(snapshot.faultsByKind)) {
      expect(metrics).toContain(`baton_llm_faults_total{kind="${kind}"} ${n}`);
      counted += n ?? 0;
    }
    expect(counted).toBe(snapshot.faults);
    for (const kind of ['timeout', 'rate_limited', 'server_error', 'malformed', 'schema_violation']) {
      expect(snapshot.faultsByKind).toHaveProperty(kind);
    }
  });
});
