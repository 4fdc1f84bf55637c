import { describe, expect, it } from 'vitest';
import { KnowledgeFileError, parseKnowledgeDocument } from '../../src/knowledge/document.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

const page = `---
id: cancellation
title: Cancelling an order
keywords: [cancel, cancellation]
---

## Before shipping
<!-- keywords: not shipped yet, still preparing -->
Use the Cancel button in My Orders.

## After shipping
<!-- keywords: already shipped, out for delivery،  dispatched -->
Refuse it at the door, or return it.
<!-- note for editors: check with logistics -->

## Empty
<!-- keywords: nothing to show -->
`;

describe('parseKnowledgeDocument', () => {
  const doc = parseKnowledgeDocument(page, 'en', 'en/cancellation.md');

  it('reads the page keywords from the front matter and each section its own from a comment', () => {
    expect(doc.keywords).toEqual(['cancel', 'cancellation']);
    expect(doc.sections.map((section) => section.keywords)).toEqual([
      ['not shipped yet', 'still preparing'],
      ['already shipped', 'out for delivery', 'dispatched'],
    ]);
  });

  it('shows the customer no comment, and drops a section with nothing else in it', () => {
    expect(doc.sections.map((section) => section.text)).toEqual([
      'Use the Cancel button in My Orders.',
      'Refuse it at the door, or return it.',
    ]);
  });

  it('lets a section keyword choose its section, and only its section', () => {
    const base = new KnowledgeBase([doc]);
    expect(base.search("it's out for delivery, what now?", 'en')[0]?.heading).toBe('After shipping');
    expect(base.search("it's still preparing, what now?", 'en')[0]?.heading).toBe('Before shipping');
  });

  it('names the file of a page without sections', () => {
    expect(() =>
      parseKnowledgeDocument('---\nid: x\ntitle: X\n---\n## Only\n<!-- a -->\n', 'en', 'en/x.md'),
    ).toThrow('en/x.md: no "## " sections');
  });

  it('says in one line which file is wrong and why, for the start to print without a stack trace', () => {
    const broken = (source: string) => () => parseKnowledgeDocument(source, 'en', 'en/gifts.md');
    expect(broken('no front matter')).toThrow(KnowledgeFileError);
    expect(broken('---\nid: gifts\ntitle: Gifts\nkeywords: [gift\n---\n## A\ntext\n')).toThrow(
      /^en\/gifts\.md: the front matter is not YAML \([^\n]*\)$/,
    );
    expect(broken('---\ntitle: Gifts\n---\n## A\ntext\n')).toThrow(/^en\/gifts\.md: [^\n]*id/);
  });
});
