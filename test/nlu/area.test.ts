import { describe, expect, it } from 'vitest';
import { classify } from './classify-helper.js';

describe('area', () => {
  it.each([
    // billing: money
    ['I want a refund', 'billing'],
    ['I was double charged', 'billing'],
    ['my invoice is wrong', 'billing'],
    ['cancel my subscription', 'billing'],
    ['أريد إلغاء اشتراكي', 'billing'],
    ['what payment methods do you accept?', 'billing'],
    ['my card payment keeps failing', 'billing'],
    ['انخصم مني مرتين', 'billing'],
    // orders: delivery, items, order changes and cancellations, tracking
    ['where is my order', 'orders'],
    ['please cancel my order', 'orders'],
    ['ابي الغي الطلب', 'orders'],
    ['the screen arrived cracked', 'orders'],
    ['you sent the wrong colour', 'orders'],
    ['I need to change the delivery address', 'orders'],
    ['do you deliver to Jeddah?', 'orders'],
    ['وين طلبي', 'orders'],
    ['وصلني المنتج مكسور', 'orders'],
    // technical: app, website, login, account
    ['the app crashes when I pay', 'technical'],
    ["I can't log in even after resetting", 'technical'],
    ['how do I reset my password', 'technical'],
    ['the app needs an update', 'technical'],
    // "any update?" chases the order; it is no app update
    ['any update?', 'orders'],
    ['how do I change my email address?', 'technical'],
    ['الموقع يطلع لي خطأ', 'technical'],
    // general: the rest
    ['is customer service open on Friday?', 'general'],
    ['I want to talk to a human', 'general'],
    ['hi', 'general'],
    ['your service is useless', 'general'],
    ['can you match the price at extra?', 'general'],
    ['we need 40 laptops for our office, can we get a bulk discount?', 'general'],
    ['I HAVE BEEN WAITING 3 DAYS FOR AN ANSWER TO MY EMAIL!!!', 'general'],
  ])('%j is about %s', (text, area) => {
    expect(classify(text).area).toBe(area);
  });

  it('routes a subscription cancellation to billing and an order cancellation to orders', () => {
    expect(classify('I want to cancel my membership').area).toBe('billing');
    expect(classify('I want to cancel order A1001').area).toBe('orders');
  });
});
