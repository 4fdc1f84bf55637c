import { describe, expect, it } from 'vitest';
import { compile, compileAll, findAll, findFirst, prepare } from '../../src/nlu/phrases.js';

function first(text: string, ...phrases: string[]) {
  return findFirst(prepare(text), compileAll(phrases));
}

describe('phrase matching', () => {
  it('matches whole words, never part of one', () => {
    expect(first('is the warranty useful?', 'useless')).toBeUndefined();
    expect(first('your service is useless', 'useless')?.evidence).toBe('useless');
  });

  it('matches alternatives and stems', () => {
    expect(first('I got refunded twice', 'refund*')?.evidence).toBe('refunded');
    expect(first('please cancel it', 'cancel|terminate')?.evidence).toBe('cancel');
  });

  it('skips up to two words with .. and up to four with ...', () => {
    expect(first('talk to a real person', 'talk to .. person')?.evidence).toBe('talk to a real person');
    expect(first('talk to a very real live person', 'talk to .. person')).toBeUndefined();
    expect(first('talk to a very real live person', 'talk to ... person')).toBeDefined();
  });

  it('quotes the customer’s own spelling as evidence', () => {
    expect(first('خدمتكم سيّئة جداً', 'سيئه')?.evidence).toBe('سيّئة');
    expect(first("I CAN'T LOG IN", 'cant log')?.evidence).toBe("CAN'T LOG");
  });

  it('lets Arabic words carry the proclitics customers attach', () => {
    expect(first('حولني لخدمة العملاء', 'خدمه عملاء')?.evidence).toBe('لخدمة العملاء');
    expect(first('ابي اكلم الموظف', 'موظف')?.evidence).toBe('الموظف');
    expect(first('وبالطلب', 'طلب')?.evidence).toBe('وبالطلب');
    // …but لما is "when", not ل + ما ("not")
    expect(first('ادفع لما يوصل', 'ما يوصل')).toBeUndefined();
    expect(first('ولما يوصل', 'لما يوصل')?.evidence).toBe('ولما يوصل');
  });

  it('finds every match in text order', () => {
    const matches = findAll(prepare('still waiting, still nothing'), compileAll(['still']));
    expect(matches.map((match) => match.start)).toEqual([0, 2]);
  });

  it('rejects entries that cannot match a token', () => {
    expect(() => compile('.. agent')).toThrow();
    expect(() => compile('ر.س')).toThrow();
  });
});
