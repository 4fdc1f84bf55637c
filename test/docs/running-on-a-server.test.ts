import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { envSchema, loadConfig } from '../../src/config/config.js';
import { openApiDocument } from '../../src/inbox/api/openapi.js';

/** The README's "Running on a server" section: commands and settings an operator copies as written. */
function section(): string {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('\n## Running on a server (Node)\n');
  if (start === -1) throw new Error('the "Running on a server" section is missing from the README');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe('the README on running Baton on a server', () => {
  const text = section();

  it('names only npm scripts that exist, and the node command the start script runs', () => {
    const scripts: Record<string, string> = packageJson.scripts;
    const named = [...text.matchAll(/npm run ([a-z:-]+)/g)].map(([, name]) => name ?? '');
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect([name, scripts[name]]).toEqual([name, expect.any(String)]);
    const startCommand = scripts.start?.replace(/^exec /, '');
    expect(startCommand).toBe('node build/server.js');
    expect(scripts.prestart).toBe('npm run -s build');
    expect(text).toContain(`ExecStart=/usr/bin/npm start`);
    expect(text).toContain(`/usr/bin/${startCommand}`);
  });

  it('names only variables Baton reads', () => {
    const variables = new Set([...text.matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g)].map(([name]) => name));
    expect(variables.size).toBeGreaterThan(0);
    for (const name of variables) expect([name, name in envSchema.shape]).toEqual([name, true]);
  });

  it("keeps nginx's body limit at Baton's default webhook limit, and names the live event stream's route", () => {
    const limit = /client_max_body_size (\d+)m;/.exec(text)?.[1];
    expect(Number(limit) * 1024 * 1024).toBe(loadConfig({}).WEBHOOK_BODY_LIMIT_BYTES);
    expect(text).toContain(`(${loadConfig({}).WEBHOOK_BODY_LIMIT_BYTES} by default)`);
    expect(text).toContain('GET /api/events');
    expect(Object.keys(openApiDocument('test').paths)).toContain('/api/events');
  });
});
