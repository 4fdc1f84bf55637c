import { describe, expect, it } from 'vitest';
import type { KnowledgeDocument } from '../../src/knowledge/document.js';
import { TermWeights } from '../../src/knowledge/term-weights.js';

const page = (id: string, text: string): KnowledgeDocument => ({
  id,
  title: id,
  keywords: [],
  language: 'en',
  sections: [{ heading: 'About', text, keywords: [] }],
});

const weights = new TermWeights([
  page('cancellation', 'Cancel your order before it ships.'),
  page('returns', 'Return your order within 14 days.'),
  page('payments', 'Pay for your order with mada.'),
  page('warranty', 'Repairs are free.'),
]);

describe('TermWeights', () => {
  it('weighs a word most pages use less than a word one page uses', () => {
    expect(weights.weight('order')).toBeLessThan(weights.weight('cancel'));
    expect(weights.weight('cancel')).toBe(1);
  });

  it('weighs a word no page uses in full: it is what the pages cannot answer', () => {
    expect(weights.isKnown('london')).toBe(false);
    expect(weights.weight('london')).toBe(1);
  });

  it('counts a page once however often it uses a word', () => {
    const repeated = new TermWeights([page('a', 'order order order'), page('b', 'cancel')]);
    expect(repeated.weight('order')).toBe(1);
  });

  it('calls a word distinctive only when fewer than half of the pages use it', () => {
    expect(weights.isDistinctive('cancel')).toBe(true);
    expect(weights.isDistinctive('order')).toBe(false);
  });
});
