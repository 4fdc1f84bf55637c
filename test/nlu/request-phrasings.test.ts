import { describe, expect, it } from 'vitest';
import { extractOrderIds } from '../../src/nlu/entities.js';
import { classify, topicsOf } from './classify-helper.js';

/**
 * General ways customers ask for something a person must handle, found missing on the public
 * Bitext set: lodging a complaint, sign-up errors, going after a refund, no longer wanting an order.
 * Each family sits beside the policy questions it must not swallow.
 */

describe('formal complaints need a person', () => {
  it.each([
    ["I'd like to lodge a complaint", 'lodge a complaint'],
    ['help me file a claim against your company', 'claim against'],
    ['how do I make a formal complaint?', 'make a formal complaint'],
    ['I want to complain about the courier', 'want to complain'],
    ['I have a complaint about my last delivery', 'complaint'],
    ['أبي أقدم شكوى', 'أقدم شكوى'],
    ['كيف أرفع شكوى؟', 'أرفع شكوى'],
    ['أبي أعرف كيف أقدم شكوى', 'أقدم شكوى'],
    ['أرغب في تقديم شكوى ضد الشركة', 'تقديم شكوى'],
    ['ابغى اشتكي على التأخير', 'ابغى اشتكي'],
    ['عندي شكوى على المندوب', 'شكوى على'],
  ])('%j (evidence %j)', (text, evidence) => {
    const result = classify(text);
    expect(result.needsPerson).toMatchObject({ needed: true, evidence });
    expect(result.intent).toBe('complaint');
  });

  it('routes a complaint with nothing more specific to the general queue', () => {
    expect(classify('help me file a claim against your company').area).toBe('general');
    expect(classify('أبي أقدم شكوى').area).toBe('general');
  });

  it.each([
    "what's your complaints email?",
    'where can I find the complaints form?',
    'وش رقم الشكاوي؟',
    'I want to file a warranty claim',
    'I need to make an insurance claim for my phone',
    'how do i claim warranty? my speaker stopped charging after 5 months',
    "I'm not filing a complaint, just asking",
    'no complaints, great service',
  ])('%j is no complaint to take on', (text) => {
    expect(classify(text).needsPerson).toEqual({ needed: false });
  });
});

describe('sign-up and sign-in errors are malfunctions', () => {
  it.each([
    ["there's an error every time I sign up", 'error every time I sign up'],
    ['I keep getting problems signing in', 'problems signing in'],
    ['reporting an issue with registrations', 'issue with registrations'],
    ['فيه خطأ في التسجيل', 'خطأ في التسجيل'],
    ['عندي مشكلة في إنشاء الحساب', 'مشكلة في إنشاء الحساب'],
  ])('%j (evidence %j)', (text, evidence) => {
    const result = classify(text);
    expect(result.needsPerson).toMatchObject({ needed: true, evidence });
    expect(result.area).toBe('technical');
  });

  it.each(['how do I sign up?', 'what if I have a problem signing up?', 'كيف أسجل حساب جديد؟'])(
    '%j asks how, nothing is broken',
    (text) => {
      expect(classify(text).needsPerson).toEqual({ needed: false });
    },
  );
});

describe('going after a refund is a refund request', () => {
  it.each([
    ['how do I get a refund?', 'get a refund'],
    ['how can I get my money back?', 'get my money back'],
    ['what do I need to do to obtain a reimbursement?', 'obtain a reimbursement'],
    ['where do I ask for a rebate?', 'ask for a rebate'],
    ['any update on my refund?', 'update on my refund'],
    ["what's the status of my reimbursement?", 'status of my reimbursement'],
    ['كيف أسترجع فلوسي؟', 'أسترجع فلوسي'],
    ['كيف أقدر أرجع فلوسي؟', 'أرجع فلوسي'],
    ['كيف احصل على استرداد المبلغ؟', 'احصل على استرداد'],
    ['وش صار على استرداد فلوسي؟', 'صار على استرداد'],
    ['ما هي حالة استرداد المبلغ؟', 'حالة استرداد'],
  ])('%j (evidence %j)', (text, evidence) => {
    const result = classify(text);
    expect(result.sensitiveTopics).toContainEqual({ topic: 'refund', evidence });
    expect(result.area).toBe('billing');
  });

  it.each([
    'what is your refund policy?',
    'can I get a refund?',
    'will I get a refund if I cancel?',
    'do I get a refund if it arrives late?',
    'how long does it take to get a refund?',
    'in which cases can I ask for a refund?',
    'ما هي سياسة الاسترداد؟',
    'هل أقدر أسترد المبلغ؟',
    'كم يوم ياخذ استرداد المبلغ؟',
    'لو رجعت المنتج أسترد فلوسي؟',
  ])('%j asks whether, when or on what terms: no refund request', (text) => {
    expect(topicsOf(text)).toEqual([]);
  });
});

describe('no longer wanting an order is a cancellation', () => {
  it.each([
    ['I no longer need my order', 'no longer need my order'],
    ["I can't afford the subscription anymore", "can't afford the subscription"],
    ["I don't want the order anymore", "don't want the order anymore"],
    ['ما عاد أبي الطلب', 'ما عاد أبي الطلب'],
    ['لم أعد بحاجة إلى الطلب', 'لم أعد بحاجة إلى الطلب'],
    ['الاشتراك ما عاد أحتاجه', 'الاشتراك ما عاد'],
  ])('%j (evidence %j)', (text, evidence) => {
    expect(classify(text).sensitiveTopics).toContainEqual({ topic: 'cancellation', evidence });
  });

  it.each([
    "I don't want it anymore, can I return it?",
    'what happens if I no longer need my order?',
    'هل يمكن إلغاء الطلب قبل شحنه؟',
  ])('%j is a question, not a cancellation', (text) => {
    expect(topicsOf(text)).toEqual([]);
  });
});

describe('order changes and the order they name', () => {
  it('hears adding an item to an order', () => {
    expect(classify('can you help me adding another item to my order A1001').needsPerson).toEqual({
      needed: true,
      evidence: 'adding another item to my order',
      kind: 'order_change',
    });
  });

  it('keeps an order number after a word that merely contains a phone or card cue', () => {
    expect(extractOrderIds('I have a question about cancelling order 370795561790')).toEqual([
      '370795561790',
    ]);
    expect(extractOrderIds('my Ramadan order 370795561790 is late')).toEqual(['370795561790']);
    expect(extractOrderIds('my cell is 370795561790')).toEqual([]);
  });
});
