import { describe, expect, it } from 'vitest';
import { demoOrders } from '../../src/orders/demo-orders.js';

describe('the demo orders', () => {
  it('are due from the day they are seeded, so the first answer a new user sees is not "running late"', () => {
    const now = Date.parse('2027-03-10T09:00:00Z');
    const due = demoOrders(now).flatMap((order) => (order.eta === undefined ? [] : [order.eta]));
    expect(due).toEqual(['2027-03-12', '2027-03-10']);
  });
});
