import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { refusalMarks } from '../../src/outbox/refusal-marks.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { listRefusals } from '../../src/store/repos/channel-refusals.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function database() {
  const { db, close } = openLibsql(':memory:');
  cleanups.push(close);
  await migrateLibsql(db);
  const lines: string[] = [];
  return { db, lines, logger: createLogger({ level: 'info', write: (line) => lines.push(line) }) };
}

const refusal = { channel: 'twilio', code: 20003, action: 'check TWILIO_AUTH_TOKEN' };

describe('channel refusal marks', () => {
  it('keep when the refusals began, and are cleared by the next successful send after a restart too', async () => {
    const { db, logger } = await database();
    const first = refusalMarks(db, logger);
    await first.refused({ ...refusal, at: 1_000 });
    await first.refused({ ...refusal, at: 2_000 });
    expect(await listRefusals(db)).toEqual([{ ...refusal, since: 1_000, lastAt: 2_000 }]);

    // a new process reads the marks from the database
    const restarted = refusalMarks(db, logger);
    await restarted.sent('whatsapp');
    expect(await listRefusals(db)).toHaveLength(1);
    await restarted.sent('twilio');
    expect(await listRefusals(db)).toEqual([]);
  });

  it('never throw, since the send they follow has happened: a database error is logged', async () => {
    const { db, logger, lines } = await database();
    await db.run(sql`DROP TABLE channel_refusals`);
    const marks = refusalMarks(db, logger);
    await expect(marks.sent('whatsapp')).resolves.toBeUndefined();
    await expect(marks.refused({ ...refusal, at: 1_000 })).resolves.toBeUndefined();
    expect(lines.filter((line) => line.includes('"level":"error"'))).toHaveLength(2);
  });
});
