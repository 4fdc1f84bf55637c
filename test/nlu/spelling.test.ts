import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  REAL_WORDS_FILE,
  readDictionary,
  renderRealWords,
  wordsTakenForTypos,
} from '../../src/cli/generate-real-words.js';
import { prepare } from '../../src/nlu/phrases.js';
import { createSpelling, withinOneEdit } from '../../src/nlu/spelling.js';
import { SPELLING } from '../../src/nlu/vocabulary.js';
import { classify, topicsOf } from './classify-helper.js';

describe('withinOneEdit', () => {
  it.each([
    ['refund', 'refund', true],
    ['refnd', 'refund', true], // a letter dropped
    ['refuund', 'refund', true], // a letter added
    ['refumd', 'refund', true], // a letter changed
    ['reufnd', 'refund', true], // two letters swapped
    ['rfeund', 'refund', true],
    ['refudn', 'refund', true], // swapped at the end
    ['erfund', 'refund', true], // swapped at the start
    ['rfund', 'refunds', false], // two edits
    ['refnud', 'refund', true],
    ['refunds', 'refund', true],
    ['efun', 'refund', false],
    ['reunfd', 'refund', false], // not adjacent
    ['abcdef', 'abcxyz', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('createSpelling', () => {
  const spelling = createSpelling(
    {
      words: ['refund', 'cancel', 'claim', 'agent', 'complaint', 'complaints', 'طلبي'],
      stems: ['reimburs', 'freez'],
    },
    new Set(['cancer', 'client']),
  );

  const arabic = createSpelling({ words: ['موظف'], stems: ['مكسور'] }, new Set());

  it('corrects a word one edit from exactly one lexicon word', () => {
    expect(spelling.correct('reufnd')).toBe('refund');
    expect(spelling.correct('cancle')).toBe('cancel');
    expect(spelling.correct('claum')).toBe('claim');
    expect(spelling.correct('agnet')).toBe('agent');
  });

  it('corrects the stem part of a longer word to the stem', () => {
    expect(spelling.correct('reinbursement')).toBe('reimburs');
    expect(spelling.correct('reimbusement')).toBe('reimburs');
  });

  it('leaves a word that matches as typed, or that is a real word', () => {
    expect(spelling.correct('refund')).toBeUndefined();
    expect(spelling.correct('reimbursed')).toBeUndefined();
    expect(spelling.correct('cancer')).toBeUndefined();
    expect(spelling.correct('client')).toBeUndefined();
  });

  it('reads four letters only as a five-letter word with one dropped', () => {
    expect(spelling.correct('clim')).toBe('claim');
    expect(spelling.correct('agnt')).toBe('agent');
    // changed, not dropped; and three letters
    expect(spelling.correct('agex')).toBeUndefined();
    expect(spelling.correct('agt')).toBeUndefined();
  });

  it('leaves short words and words with digits alone, and Arabic but for letters that sound alike', () => {
    expect(spelling.correct('cla')).toBeUndefined();
    expect(spelling.correct('refund2')).toBeUndefined();
    expect(spelling.correct('طلبى')).toBeUndefined();
    expect(arabic.correct('موضف')).toBe('موظف');
    expect(arabic.correct('الموضف')).toBe('الموظف');
    expect(arabic.correct('مكصور')).toBe('مكسور');
    // one letter apart, but not by sound; and a word the lexicon has as typed
    expect(arabic.correct('موقف')).toBeUndefined();
    expect(arabic.correct('موظف')).toBeUndefined();
    expect(arabic.correct('ض'.repeat(5000))).toBeUndefined();
  });

  it('does not guess between two lexicon words', () => {
    // one letter from both "complaint" and "complaints"
    expect(spelling.correct('complaintz')).toBeUndefined();
  });

  it('reads a stem only when the typed letters end as the stem does', () => {
    // "freem" is one letter from `freez*`, but a stem's last letter stands for the whole word
    expect(spelling.correct('freemium')).toBeUndefined();
    expect(spelling.correct('freezing')).toBeUndefined();
    expect(spelling.correct('frezing')).toBe('freez');
  });
});

describe('the classifier with typos', () => {
  it('keeps both the typed word and its correction as forms, quoting what was typed', () => {
    const [token] = prepare('reufnd', SPELLING).tokens;
    expect(token?.forms).toEqual(['reufnd', 'refund']);
    expect(classify('I want a reufnd for A1001').sensitiveTopics[0]?.evidence).toBe('reufnd');
  });

  it.each([
    ['i want a reufnd for order A1001', 'refund'],
    ['I am still waiting for a restitutin of 299 dollars', 'refund'],
    ['need to cancle purchase 732201349959', 'cancellation'],
    ['I can no longer affrd purchase 370795561790', 'cancellation'],
  ])('hears the topic in %j', (text, topic) => {
    expect(topicsOf(text)).toContain(topic);
  });

  it.each(['I want to speek to a represntative', 'can I talk to an agnet', 'ابي اكلم موضف'])(
    'hears a request for a person in %j',
    (text) => {
      expect(classify(text).humanRequest.requested).toBe(true);
    },
  );

  it.each([
    // real words near lexicon words: "cancer" is not "cancel", "debate" not "rebate"
    'my mother has cancer so I cannot pick up order A1001 myself',
    'we had a debate about which colour to order',
  ])('reads no topic into %j', (text) => {
    expect(topicsOf(text)).toEqual([]);
  });

  it('the real-word list is up to date with the lexicon (run npm run nlu:real-words)', async () => {
    const words = wordsTakenForTypos(await readDictionary());
    expect(words).toContain('cancer');
    expect(words).toContain('debate');
    expect(await readFile(REAL_WORDS_FILE, 'utf8')).toBe(renderRealWords(words));
  });
});
