import type { TranscriptLine } from '../port.js';

/** A knowledge section as the model sees it. */
export interface Excerpt {
  docId: string;
  title: string;
  heading: string;
  text: string;
}

/** Bounds what one excerpt adds to a prompt; a knowledge section is a paragraph or two. */
const EXCERPT_MAX = 700;
const LINE_MAX = 300;

export const clip = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};

/**
 * Customer text goes inside `<customer_message>` or `<transcript>` tags, so it must not be able to
 * close them: a message that writes the tag itself would otherwise step outside the data block.
 */
export function quoteCustomer(text: string): string {
  return text.replace(/<\/?\s*(customer_message|transcript)\s*>/gi, '');
}

export function excerptsBlock(excerpts: readonly Excerpt[]): string {
  if (excerpts.length === 0) return '(none)';
  return excerpts
    .map(
      (excerpt) =>
        `[${excerpt.docId}] ${excerpt.title} — ${excerpt.heading}: ${clip(excerpt.text, EXCERPT_MAX)}`,
    )
    .join('\n');
}

export function transcriptBlock(lines: readonly TranscriptLine[]): string {
  if (lines.length === 0) return '(none)';
  return lines.map((line) => `${line.from}: ${quoteCustomer(clip(line.text, LINE_MAX))}`).join('\n');
}
