import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type Language, languageSchema } from '../llm/classification.js';

const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
  title: z.string().min(1),
  keywords: z.array(z.string()).default([]),
});

export interface KnowledgeSection {
  heading: string;
  text: string;
}

export interface KnowledgeDocument {
  id: string;
  title: string;
  keywords: string[];
  language: Language;
  sections: KnowledgeSection[];
}

/** A knowledge file: YAML front matter (id, title, keywords), then `## heading` sections. */
export function parseKnowledgeDocument(source: string, language: Language, name: string): KnowledgeDocument {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (match === null) throw new Error(`${name}: missing front matter`);
  const meta = frontMatterSchema.safeParse(parseYaml(match[1] ?? ''));
  if (!meta.success) throw new Error(`${name}: ${z.prettifyError(meta.error)}`);
  const sections = (match[2] ?? '')
    .split(/^## /m)
    .slice(1)
    .map((block) => {
      const [heading = '', ...body] = block.split('\n');
      return { heading: heading.trim(), text: body.join('\n').trim() };
    })
    .filter((section) => section.text !== '');
  if (sections.length === 0) throw new Error(`${name}: no "## " sections`);
  return { ...meta.data, language: languageSchema.parse(language), sections };
}
