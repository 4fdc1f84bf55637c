import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/nlu/phrases.js';
import { keepsWhatWasToBeCancelled, withdrawsRequest } from '../../src/nlu/withdrawal.js';

describe('withdrawsRequest', () => {
  it.each([
    'never mind, I found it',
    'no need for an agent anymore',
    "I don't need help anymore",
    'cancel my request please',
    'problem solved, thanks',
    'figured it out',
    'خلاص ما احتاج',
    'خلاص انحلت',
    'لا تحولني',
    'ما ابي موظف خلاص',
    'لا ما ابي موظف خلاص',
    'forget it',
    'nvm sorted it',
    'خلاص مشكور ما احتاج',
    'انسى الموضوع',
    "cancel that, I don't need an agent",
    'لا خلاص مو لازم',
    'خلاص مش محتاج، اتحلت',
    'اتحلت الحمدلله',
    "it's fine now thanks",
    'all good now',
    'خلاص زبطت',
    'خلاص لقيت الحل، مشكورين',
  ])('%j takes the request back', (text) => {
    expect(withdrawsRequest(prepare(text))).toBe(true);
  });

  it.each([
    'cancel my order',
    'الغي الطلب',
    'I still need an agent',
    'I found my order number: A1001',
    'it is not solved',
    'my problem is not fixed',
    'is it fixed?',
    'I just found out the parcel is at the neighbours',
    'انسى الطلب',
    'I need an agent now',
    'مش محتاج الشاحن ابي ارجعه',
    'I changed my mind about the colour, can I exchange it?',
    'is it ok now to pay by card?',
    "it's not fine now",
  ])('%j does not', (text) => {
    expect(withdrawsRequest(prepare(text))).toBe(false);
  });

  it.each([
    ["actually don't cancel it, I'll keep it", true],
    ['please do not cancel my order', true],
    ['I want to keep the order', true],
    ['لا خلاص لا تلغونه، بخليه', true],
    ['ما ابي الغي الطلب', true],
    ['cancel it please', false],
    ['الغوا الطلب', false],
    ["I really don't want to keep it", false],
    ["I can't keep it, it's the wrong size", false],
    ['please keep it quick, how long until someone replies?', false],
    ["you can keep it, I don't want it", false],
    ["don't cancel my other orders, just 1002", false],
    ["don't cancel the order though, only the subscription", false],
    ['ما ابي احتفظ فيه', false],
    ['خلوه عندكم، ما ابيه', false],
    ['خلوه يتكنسل بسرعة', false],
    ['بخليه عندكم، ما ابيه', false],
    ['اذا وصل بستلمه وبرجعه، الغوه احسن', false],
    ['will keep the receipt, when do I get my refund?', false],
    ['لا تلغونه، بس متى يوصل؟', true],
    ['ok keep it, but how long until it ships?', true],
    ['لا خلاص مش عايز الغيه', true],
    ['ما بدي الغيه', true],
    ["don't cancel it, when will it arrive?", true],
    ["don't cancel it, actually I don't want it", false],
    ["don't cancel, I changed my mind", true],
    ["wait no, keep it, i'll wait for them", true],
    ['تراجعت، خلوه يوصل عادي', true],
    ['no need, keep it', true],
    ["I don't want to cancel it anymore", true],
    ['خلاص خلوه', true],
    ['خليه زي ما هو', true],
    ['متلغوش، هستلمه', true],
    ["don't cancel the earbuds, cancel the laptop", false],
    ["I don't want to cancel the laptop, just the earbuds", false],
  ])('%j keeps what was to be cancelled: %s', (text, keeps) => {
    expect(keepsWhatWasToBeCancelled(prepare(text))).toBe(keeps);
  });
});
