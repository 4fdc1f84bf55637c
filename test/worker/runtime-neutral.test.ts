import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../src');

/** Source without comments, so a comment that names `process.env` is not mistaken for a use. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Every module the Worker entry reaches through relative imports, with its code. */
function workerModules(entry = join(src, 'worker.ts')): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = code(readFileSync(file, 'utf8'));
    seen.set(file, text);
    for (const match of text.matchAll(/(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/g)) {
      const specifier = match[1] ?? '';
      if (specifier.endsWith('.json')) continue;
      const base = resolve(dirname(file), specifier.replace(/\.js$/, ''));
      const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f));
      if (target === undefined) throw new Error(`${file}: cannot resolve ${specifier}`);
      visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe('the Worker entry point', () => {
  const modules = workerModules();
  const relative = (file: string) => file.slice(src.length + 1);

  it('reaches the shared app, the agent and the Workers adapters', () => {
    const files = [...modules.keys()].map(relative);
    expect(files).toEqual(
      expect.arrayContaining(['app.ts', 'wiring.ts', 'agent/checkpointer.ts', 'worker/d1.ts']),
    );
  });

  it('imports no Node built-in, no libSQL driver and none of the Node-only modules', () => {
    // Type-only imports are erased from the bundle (store/db.ts names libSQL's database type);
    // libSQL's web client (HTTP, for Turso) is allowed, its Node driver and migrator are not.
    const runtimeImport =
      /^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+'(node:[^']+|@libsql\/client|drizzle-orm\/libsql|drizzle-orm\/libsql\/migrator|fs|path|crypto|process)'/m;
    const offending = [...modules].flatMap(([file, text]) =>
      runtimeImport.test(text) ? [relative(file)] : [],
    );
    expect(offending).toEqual([]);
    const files = [...modules.keys()].map(relative);
    for (const nodeOnly of ['server.ts', 'knowledge/load-fs.ts', 'store/migrate.ts', 'store/libsql.ts']) {
      expect(files).not.toContain(nodeOnly);
    }
  });

  it('never reads process.env: configuration comes from the bindings', () => {
    const offending = [...modules].flatMap(([file, text]) =>
      /\bprocess\.env\b/.test(text) ? [relative(file)] : [],
    );
    expect(offending).toEqual([]);
  });
});
