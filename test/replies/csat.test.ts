import { describe, expect, it } from 'vitest';
import { csatScoreOf, csatWithComment } from '../../src/replies/csat.js';

describe('csatScoreOf', () => {
  it.each([
    ['5', 5],
    ['٥', 5],
    ['4.', 4],
    ['5 stars, thanks!', 5],
    ["I'd give it a 4", 4],
    ['4/5', 4],
    ['4 out of 5', 4],
    ['٤ من ٥', 4],
    ['⭐⭐⭐⭐', 4],
    ['5⭐', 5],
    ['three', 3],
    ['خمسة', 5],
    // the list's own labels
    ['Excellent service, thank you', 5],
    ['very good', 4],
    ['ممتاز', 5],
    ['ممتاز 5', 5],
    ['جيد جداً', 4],
    // the list's rows and the question say them of المساعدة (feminine)
    ['جيدة جداً', 4],
    ['مقبولة', 2],
    ['جيدة', 3],
    ['ضعيف', 1],
    ['سيء', 1],
    ['٥ ⭐️ يعطيكم العافية', 5],
    ['ممتاز والله', 5],
    ['ميه ميه', 5],
    ['مية مية', 5],
  ])('%j is %i', (text, score) => {
    expect(csatScoreOf({ text })).toBe(score);
  });

  it('reads a list reply by its row id', () => {
    expect(csatScoreOf({ buttonId: 'csat_2', text: '2 — Fair' })).toBe(2);
  });

  it.each([
    'meh',
    'ok',
    'the agent was slow',
    'can I return 2 items?',
    'where is order 3?',
    '3 or 4',
    '12',
    '0',
    'ممتاز بس ابي اسأل عن الضمان',
    'not great',
  ])('%j is not a rating', (text) => {
    expect(csatScoreOf({ text })).toBeUndefined();
  });
});

describe('csatWithComment', () => {
  it.each([
    ['3/5, took too long', 3, 'took too long'],
    ['5 stars! Layla was great', 5, 'Layla was great'],
    ['٢ من ٥ ما حلوا مشكلتي', 2, 'ما حلوا مشكلتي'],
    ['4 out of 5 - fast but rude', 4, 'fast but rude'],
    // as written: the Arabic comma and question mark, the Arabic digits
    ['٢ من ٥، طلبي ٣ ايام متأخر؟', 2, 'طلبي ٣ ايام متأخر؟'],
  ])('%j is %i with its reason', (text, score, comment) => {
    expect(csatWithComment(text)).toEqual({ score, comment });
  });

  it.each([
    '3 items were missing',
    'can I return 2 items?',
    '12/5 was the delivery date',
    'the agent was slow',
    '3 out of 5 items are missing from my order',
    '5/5/2026 is when I ordered',
    '1 من 5 القطع وصلت، الباقي وين؟',
  ])('%j is no rating', (text) => {
    expect(csatWithComment(text)).toBeUndefined();
  });
});
