import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../llm/classification.js';
import { type KnowledgeDocument, KnowledgeFileError, parseKnowledgeDocument } from './document.js';

/** Node only: reads `knowledge/<lang>/*.md` for the entry points, the CLI tools and tests. */
export async function loadKnowledgeFromDirectory(root: string): Promise<KnowledgeDocument[]> {
  const documents: KnowledgeDocument[] = [];
  for (const language of ['en', 'ar'] as const satisfies Language[]) {
    const dir = join(root, language);
    const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
    for (const name of names) {
      const document = parseKnowledgeDocument(
        await readFile(join(dir, name), 'utf8'),
        language,
        `${language}/${name}`,
      );
      if (`${document.id}.md` !== name)
        throw new KnowledgeFileError(`${language}/${name}: id "${document.id}" must match the file name`);
      documents.push(document);
    }
  }
  return documents;
}
