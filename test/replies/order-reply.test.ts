import { describe, expect, it } from 'vitest';
import { orderListReply, orderReply } from '../../src/replies/order-reply.js';

describe('orderReply', () => {
  const order = {
    id: 'A1001',
    status: 'shipped',
    items: [{ name: 'Volta X2 earbuds', qty: 1 }],
    total: 1349,
    currency: 'SAR',
    eta: '2026-12-06',
    carrier: 'SMSA',
  };

  it('shows the status, items, total, ETA and carrier in the customer’s language', () => {
    expect(orderReply({ found: true, order }, 'A1001', 'en', '2026-12-04')).toBe(
      [
        'Order A1001: shipped.',
        'Items: 1 × Volta X2 earbuds.',
        'Total: 1,349 SAR.',
        'Expected delivery: Sunday 6 December.',
        'Carrier: SMSA.',
      ].join('\n'),
    );
    const arabic = orderReply({ found: true, order }, 'A1001', 'ar', '2026-12-04');
    expect(arabic).toContain('الإجمالي: 1,349 ريال.');
    expect(arabic).toContain('الأحد، 6 ديسمبر');
    // a date the order system did not write as YYYY-MM-DD is shown as it came
    expect(
      orderReply({ found: true, order: { ...order, eta: 'next week' } }, 'A1001', 'en', '2026-12-04'),
    ).toContain('Expected delivery: next week.');
  });

  it('says, asked when, that an order being prepared without an ETA has no date yet', () => {
    const preparing = { id: '1002', status: 'processing' };
    const asked = { brief: true, carrier: false, when: true };
    expect(orderReply({ found: true, order: preparing }, '1002', 'en', '2026-12-04', asked)).toBe(
      'Order 1002: being prepared (processing).\nIt has not shipped yet, so it does not have a delivery date.',
    );
    // one with a date says the date; a shipped one without a date is not said to be unshipped
    const dated = { ...preparing, eta: '2026-12-06' };
    expect(orderReply({ found: true, order: dated }, '1002', 'en', '2026-12-04', asked)).not.toMatch(
      /not shipped/,
    );
    const shipped = { ...preparing, status: 'shipped' };
    expect(orderReply({ found: true, order: shipped }, '1002', 'en', '2026-12-04', asked)).not.toMatch(
      /not shipped/,
    );
  });

  it('says an order past its ETA is late', () => {
    expect(orderReply({ found: true, order }, 'A1001', 'en', '2026-12-07')).toContain('is running late');
  });

  it('reads not found and not yours the same', () => {
    expect(orderReply({ found: false, reason: 'not_found' }, 'A9', 'en', '2026-12-04')).toMatch(
      /could not find an order A9/,
    );
  });
});

describe('orderListReply', () => {
  it('gives each order a line, late ones marked', () => {
    const orders = [
      { id: 'A1001', status: 'shipped', eta: '2026-11-20' },
      { id: 'A1002', status: 'delivered', eta: '2026-11-20' },
    ];
    expect(orderListReply(orders, 'ar', '2026-12-04')).toBe(
      [
        'هذه الطلبات المسجلة على رقم الواتساب هذا:',
        '• A1001 — تم الشحن، متأخر',
        '• A1002 — تم التوصيل',
        'أرسل لي رقم الطلب اللي تبي تعرف عنه أكثر.',
      ].join('\n'),
    );
  });
});
