import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { conversations, customers, messages } from '../../src/store/schema/index.js';
import { runCli } from '../support/cli.js';
import { temporaryDirectory } from '../support/temporary-directory.js';

/** A database file with two customers, one message each. */
async function seeded() {
  const url = `file:${join(temporaryDirectory('baton-erase-'), 'baton.db')}`;
  const { db, close } = openLibsql(url);
  onTestFinished(close);
  await migrateLibsql(db, { file: true });
  for (const waId of ['966500000991', '966500000992']) {
    await db.insert(customers).values({ id: waId, waId, createdAt: 1, updatedAt: 1 });
    await db.insert(conversations).values({
      id: `conv_${waId}`,
      customerId: waId,
      channel: 'whatsapp',
      lastMessageAt: 1,
      createdAt: 1,
      updatedAt: 1,
    });
    await db.insert(messages).values({
      id: `msg_${waId}`,
      conversationId: `conv_${waId}`,
      direction: 'in',
      author: 'customer',
      type: 'text',
      text: 'my address is 12 King Fahd Road',
      status: 'received',
      sentAt: 1,
      createdAt: 1,
      updatedAt: 1,
    });
  }
  const left = async () => (await db.select({ id: customers.id }).from(customers)).map((row) => row.id);
  return { url, db, left };
}

function erase(url: string, ...args: string[]): string {
  const run = runCli('customer-erase.ts', args, url);
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe('npm run customer:erase', () => {
  it('shows what it would erase, erases it with --yes, and leaves the other customers', async () => {
    const { url, left } = await seeded();
    // written the ways people write a phone number
    expect(erase(url, '--id', '+966 50-000 0991')).toMatch(
      /^Would erase customer 966500000991: 1 conversation\(s\), 1 message\(s\), 0 handoff\(s\) with 0 note\(s\), 0 outbox row\(s\)\. Run again with --yes/,
    );
    expect(await left()).toEqual(['966500000991', '966500000992']);
    expect(erase(url, '--id', '00966500000991', '--yes')).toMatch(
      /^Erased customer 966500000991: 1 conversation/,
    );
    expect(await left()).toEqual(['966500000992']);
    expect(erase(url, '--id', '966500000991')).toMatch(/^No customer 966500000991 here.*country code first/);
  }, 60_000);

  it('writes the same erase as a SQL script, for D1', async () => {
    const { url, db, left } = await seeded();
    const script = erase(url, '--id', '966500000992', '--sql');
    expect(script).not.toMatch(/\?/);
    const client = createClient({ url });
    await client.executeMultiple(script);
    client.close();
    expect(await left()).toEqual(['966500000991']);
    expect(await db.select().from(messages)).toHaveLength(1);
  }, 60_000);

  it('refuses an id that is not a phone number or a user id, and --yes with --sql', () => {
    expect(() => erase('file::memory:', '--id', "1' or '1'='1")).toThrow(/not a phone number/);
    expect(() => erase('file::memory:', '--id', '966500000992', '--sql', '--yes')).toThrow(
      /--sql only prints the deletes .* so --yes does not go with it/,
    );
  });
});
