import { asc } from 'drizzle-orm';
import type { Packet } from '../../../src/handoff/packet.js';
import {
  type SinkSettings,
  type SinkSettingsInput,
  sinkSettingsSchema,
} from '../../../src/handoff/sinks/config.js';
import {
  type SinkHandlerOptions,
  sinkHandlers,
  sinkOutboxRows,
} from '../../../src/handoff/sinks/handlers.js';
import { silentLogger } from '../../../src/log/logger.js';
import { OutboxDispatcher } from '../../../src/outbox/dispatcher.js';
import type { Db } from '../../../src/store/db.js';
import { openLibsql } from '../../../src/store/libsql.js';
import { migrateLibsql } from '../../../src/store/migrate.js';
import { outbox } from '../../../src/store/schema/index.js';
import { FixedClock } from '../../../src/util/clock.js';
import { type FakeReceivers, startFakeReceivers } from '../../support/fake-receivers.js';

export const SECRETS = {
  webhook: 'whsec_TOPSECRET_0123456789',
  zendeskToken: 'zdtok_TOPSECRET_abcdef',
  teamsSig: 'TEAMSSIG_TOPSECRET_42',
};

/** Settings for every sink, pointed at the fake receivers. */
export function allSinks(receivers: FakeReceivers, overrides: Partial<SinkSettingsInput> = {}): SinkSettings {
  return sinkSettingsSchema.parse({
    publicBaseUrl: 'https://baton.example',
    timeoutMs: 300,
    slack: { webhookUrl: receivers.urls.slack },
    webhook: { url: receivers.urls.hook, secret: SECRETS.webhook },
    zendesk: { baseUrl: receivers.zendeskBaseUrl, email: 'bot@acme.example', apiToken: SECRETS.zendeskToken },
    teams: { webhookUrl: `${receivers.urls.teams}?api-version=1&sig=${SECRETS.teamsSig}` },
    ...overrides,
  });
}

export interface SinkHarness {
  db: Db;
  clock: FixedClock;
  receivers: FakeReceivers;
  dispatcher: OutboxDispatcher;
  rows(): Promise<(typeof outbox.$inferSelect)[]>;
  enqueue(packet: Packet): Promise<void>;
  /** Kicks the dispatcher, moving the clock to each retry, until no row is pending. */
  settle(maxPasses?: number): Promise<(typeof outbox.$inferSelect)[]>;
  close(): Promise<void>;
}

export async function sinkHarness(
  configure: (receivers: FakeReceivers) => SinkSettings = (r) => allSinks(r),
  options: { maxAttempts?: number; onGiveUp?: SinkHandlerOptions['onGiveUp'] } = {},
): Promise<SinkHarness> {
  const receivers = await startFakeReceivers();
  const settings = configure(receivers);
  const opened = openLibsql(':memory:');
  await migrateLibsql(opened.db);
  const { db } = opened;
  const clock = new FixedClock(Date.parse('2026-03-02T07:16:00.000Z'));
  const dispatcher = new OutboxDispatcher({
    db,
    clock,
    logger: silentLogger,
    handlers: sinkHandlers(settings, options.onGiveUp ? { onGiveUp: options.onGiveUp } : {}),
    maxAttempts: options.maxAttempts ?? 4,
    baseDelayMs: 1_000,
    pollMs: 60_000,
    leaseMs: 60_000,
  });
  const rows = () => db.select().from(outbox).orderBy(asc(outbox.id));
  return {
    db,
    clock,
    receivers,
    dispatcher,
    rows,
    async enqueue(packet) {
      await db.insert(outbox).values(sinkOutboxRows(packet, settings, clock.now()));
    },
    async settle(maxPasses = 20) {
      for (let pass = 0; pass < maxPasses; pass++) {
        await dispatcher.kick();
        const pending = (await rows()).filter((row) => row.status === 'pending');
        if (pending.length === 0) break;
        clock.set(Math.max(clock.now(), Math.min(...pending.map((row) => row.nextAttemptAt))));
      }
      return rows();
    },
    async close() {
      dispatcher.stop();
      await dispatcher.idle();
      opened.close();
      await receivers.close();
    },
  };
}
