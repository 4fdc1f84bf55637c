import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  KNOWLEDGE_BUNDLE_FILE,
  readKnowledgeFiles,
  renderKnowledgeBundle,
} from '../../src/cli/bundle-knowledge.js';
import { knowledgeBundle } from '../../src/generated/knowledge.js';
import { bundledKnowledge } from '../../src/worker/knowledge.js';
import { repoKnowledge } from '../support/harness.js';

describe('the knowledge bundle Workers load (no file system there)', () => {
  it('is up to date with knowledge/ (run npm run knowledge:bundle)', async () => {
    const files = await readKnowledgeFiles();
    expect(knowledgeBundle).toEqual(files);
    expect(await readFile(KNOWLEDGE_BUNDLE_FILE, 'utf8')).toBe(renderKnowledgeBundle(files));
  });

  it('parses to the same documents Node reads from the directory', async () => {
    expect(bundledKnowledge()).toEqual(await repoKnowledge());
  });

  it('refuses a document whose id does not match its key', () => {
    const source = '---\nid: returns\ntitle: Returns\n---\n## Window\nThirty days.\n';
    expect(() => bundledKnowledge({ 'en/refunds': source })).toThrow(/must match the file name/);
  });
});
