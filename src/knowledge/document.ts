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
  /** What the customer is shown: the section's Markdown without its HTML comments. */
  text: string;
  /** Words customers use for this section alone, from a `<!-- keywords: … -->` comment in it. */
  keywords: string[];
}

export interface KnowledgeDocument {
  id: string;
  title: string;
  /** Words customers use for the page as a whole; they weigh the same on each of its sections. */
  keywords: string[];
  language: Language;
  sections: KnowledgeSection[];
}

// An HTML comment is invisible where Markdown is rendered, so its author never meant a customer to
// read it.
const HTML_COMMENT = /<!--([\s\S]*?)-->/g;
const KEYWORDS_COMMENT = /^\s*keywords:([\s\S]*)$/i;

function parseSection(block: string): KnowledgeSection {
  const [heading = '', ...body] = block.split('\n');
  const markdown = body.join('\n');
  const keywords = [...markdown.matchAll(HTML_COMMENT)].flatMap(([, comment = '']) =>
    (KEYWORDS_COMMENT.exec(comment)?.[1] ?? '')
      .split(/[,،]/)
      .map((keyword) => keyword.trim())
      .filter((keyword) => keyword !== ''),
  );
  const text = markdown
    .replace(HTML_COMMENT, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { heading: heading.trim(), text, keywords };
}

/** A knowledge file that cannot be read: said in one line naming the file, never a stack trace. */
export class KnowledgeFileError extends Error {
  override name = 'KnowledgeFileError';
}

/** The front matter's YAML, or the parser's first line of complaint. */
function frontMatter(yaml: string, name: string): unknown {
  try {
    return parseYaml(yaml);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new KnowledgeFileError(`${name}: the front matter is not YAML (${reason})`);
  }
}

/**
 * A knowledge file: YAML front matter (id, title, keywords), then `## heading` sections, each of
 * which may name its own keywords in a `<!-- keywords: a, b -->` comment.
 */
export function parseKnowledgeDocument(source: string, language: Language, name: string): KnowledgeDocument {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (match === null) throw new KnowledgeFileError(`${name}: missing front matter`);
  const meta = frontMatterSchema.safeParse(frontMatter(match[1] ?? '', name));
  if (!meta.success) {
    throw new KnowledgeFileError(`${name}: ${z.prettifyError(meta.error).replaceAll('\n', ' ')}`);
  }
  const sections = (match[2] ?? '')
    .split(/^## /m)
    .slice(1)
    .map(parseSection)
    .filter((section) => section.text !== '');
  if (sections.length === 0) throw new KnowledgeFileError(`${name}: no "## " sections`);
  return { ...meta.data, language: languageSchema.parse(language), sections };
}
