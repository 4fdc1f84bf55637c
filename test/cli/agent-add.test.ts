import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentName } from '../../src/inbox/agents.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { runCli } from '../support/cli.js';
import { temporaryDirectory } from '../support/temporary-directory.js';

async function emptyDatabase(): Promise<string> {
  const url = `file:${join(temporaryDirectory('baton-agents-'), 'baton.db')}`;
  const { db, close } = openLibsql(url);
  await migrateLibsql(db, { file: true });
  close();
  return url;
}

const cli = (script: string, args: string[], url = 'file::memory:') => runCli(script, args, url);

describe('npm run agent:add', () => {
  it('refuses a second agent of the same name, and * beside other queues', async () => {
    const url = await emptyDatabase();
    expect(cli('agent-add.ts', ['--name', 'Layla', '--queues', 'orders'], url).status).toBe(0);
    const namesake = cli('agent-add.ts', ['--name', 'layla', '--queues', 'billing'], url);
    expect(namesake.status).toBe(2);
    expect(namesake.stderr).toMatch(/^database: .+\nan agent named "Layla" exists \(agent_/);
    const mixed = cli('agent-add.ts', ['--name', 'Omar', '--queues', '*,orders'], url);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/^\* is every queue: give it alone/);
    // customers read "<name> from our team has joined": no blank name, and no direction override
    const blank = cli('agent-add.ts', ['--name', '   ', '--queues', 'orders'], url);
    expect(blank.status).toBe(2);
    expect(blank.stderr).toMatch(/^a name is required/);
    const turned = cli('agent-add.ts', ['--name', '  Zed\u202e  Ali ', '--queues', 'orders'], url);
    expect(turned.stdout).toMatch(/^Agent Zed Ali \(agent_/);
  }, 60_000);
});

describe('agentName', () => {
  it('keeps a name as customers read it, without direction marks or control characters', () => {
    expect(agentName(' Layla  ')).toBe('Layla');
    expect(agentName('ليلى\u061c\u200f')).toBe('ليلى');
    expect(agentName('Omar\u0007\nK.')).toBe('Omar K.');
    expect(() => agentName('\u202e ')).toThrow(/a name is required/);
    expect(() => agentName('x'.repeat(61))).toThrow(/at most 60 characters/);
  });
});

describe('the generators', () => {
  it('say what they write on --help and refuse other arguments, writing nothing', () => {
    for (const script of ['bundle-knowledge.ts', 'bundle-prompts.ts', 'generate-real-words.ts']) {
      const help = cli(script, ['--help']);
      expect([script, help.status, help.stdout]).toEqual([
        script,
        0,
        expect.stringMatching(/^usage: npm run /),
      ]);
      const wrong = cli(script, ['--out', 'x']);
      expect([script, wrong.status, wrong.stdout]).toEqual([script, 2, '']);
    }
  }, 60_000);
});

describe('the database the tools work on', () => {
  it('is named on stderr; only agent:add creates one, and none works on :memory:', async () => {
    const wrong = join(temporaryDirectory('baton-tools-'), 'wrong.db');
    const list = cli('agents.ts', ['list'], `file:${wrong}`);
    expect(list.status).toBe(1);
    expect(list.stderr).toContain(`DATABASE_URL: no database at ${wrong}`);
    expect(existsSync(wrong)).toBe(false);
    const erase = cli('customer-erase.ts', ['--id', '966500000001'], `file:${wrong}`);
    expect(erase.status).toBe(1);
    expect(erase.stdout).not.toMatch(/nothing to erase/);
    const memory = cli('agent-add.ts', ['--name', 'Zed', '--queues', 'orders'], ':memory:');
    expect(memory.status).toBe(1);
    expect(memory.stdout).not.toMatch(/Token/);
    const url = await emptyDatabase();
    const listed = cli('agents.ts', ['list'], url);
    expect(listed.status).toBe(0);
    expect(listed.stderr).toContain(`database: ${url.slice(5)}`);
  }, 60_000);
});

describe('npm run db:backup', () => {
  it('copies the live database into one new file that holds every commit, and never overwrites one', async () => {
    const url = await emptyDatabase();
    expect(cli('agent-add.ts', ['--name', 'Layla', '--queues', 'orders'], url).status).toBe(0);
    // into a folder that does not exist yet
    const out = join(temporaryDirectory('baton-backup-'), 'backups', 'copy.db');
    const backup = cli('backup.ts', ['--out', out], url);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up to /);
    const listed = cli('agents.ts', ['list'], `file:${out}`);
    expect(listed.stdout).toMatch(/ Layla {2}queues: orders /);
    expect(cli('backup.ts', ['--out', out], url).status).toBe(2);
    const remote = cli('backup.ts', ['--out', `${out}.2`], 'libsql://baton.turso.io');
    expect(remote.stderr).toMatch(/keeps its own backups/);
  }, 60_000);
});
