import { knowledgeBundle } from '../generated/knowledge.js';
import { type KnowledgeDocument, parseKnowledgeDocument } from '../knowledge/document.js';
import { languageSchema } from '../llm/classification.js';

/**
 * The knowledge base from the bundle (`npm run knowledge:bundle`), parsed and checked exactly as
 * `loadKnowledgeFromDirectory` does on Node; Workers have no file system to read it from.
 */
export function bundledKnowledge(
  bundle: Readonly<Record<string, string>> = knowledgeBundle,
): KnowledgeDocument[] {
  return Object.entries(bundle).map(([key, source]) => {
    const [language = '', name = ''] = key.split('/');
    const document = parseKnowledgeDocument(source, languageSchema.parse(language), `${key}.md`);
    if (document.id !== name) throw new Error(`${key}.md: id "${document.id}" must match the file name`);
    return document;
  });
}
