import { pageTerms } from './analyze.js';
import type { KnowledgeDocument } from './document.js';

/**
 * How well a search term tells the pages of one language apart, from how many of them use it;
 * pages rather than sections, because a page's keywords repeat in every one of its sections.
 * A term on n of N pages could point to n − 1 wrong ones and weighs 1 − (n − 1) / N: "order", on
 * nearly every page, says little. A term on one page weighs 1, and so does a term on none
 * ("London"): it is the part of the question the knowledge base cannot answer, so a section that
 * matches only the other words does not cover the question.
 */
export class TermWeights {
  private readonly pagesWith = new Map<string, number>();
  private readonly pages: number;

  constructor(documents: readonly KnowledgeDocument[]) {
    this.pages = documents.length;
    for (const doc of documents) {
      const text = [
        doc.title,
        doc.keywords.join(' , '),
        ...doc.sections.flatMap((s) => [s.heading, s.keywords.join(' , '), s.text]),
      ];
      for (const term of new Set(pageTerms(text.join('\n')))) {
        this.pagesWith.set(term, (this.pagesWith.get(term) ?? 0) + 1);
      }
    }
  }

  isKnown(term: string): boolean {
    return this.pagesWith.has(term);
  }

  weight(term: string): number {
    const others = Math.max((this.pagesWith.get(term) ?? 0) - 1, 0);
    return 1 - others / this.pages;
  }

  /**
   * On half of the pages or more, a term is as likely on a wrong page as on the right one (its
   * Robertson–Spärck Jones weight is not positive): matching it is no evidence for a section.
   */
  isDistinctive(term: string): boolean {
    return (this.pagesWith.get(term) ?? 0) < this.pages / 2;
  }
}
