import type { Order } from './order.js';

const DAY_MS = 86_400_000;

/** The calendar day `days` after `now`, as an order's `eta` says it. */
function dayAfter(now: number, days: number): string {
  return new Date(now + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Seeded into the built-in table so a new user can try order tracking in the simulator. The
 * delivery dates are counted from `now` (each start seeds them again): fixed dates would make the
 * first answer a new user sees "running late, I am sorry".
 */
export const demoOrders = (now: number): Order[] => [
  {
    id: 'A1001',
    phone: '966500000001',
    status: 'shipped',
    carrier: 'SMSA',
    trackingUrl: 'https://track.example/SMSA/A1001',
    eta: dayAfter(now, 2),
    items: [{ name: 'Volta X2 wireless earbuds', qty: 1 }],
    total: 349,
    currency: 'SAR',
  },
  {
    id: 'A1002',
    phone: '966500000001',
    status: 'processing',
    items: [{ name: 'USB-C charger 65W', qty: 2 }],
    total: 178,
    currency: 'SAR',
  },
  {
    id: 'A2001',
    phone: '966500000002',
    status: 'out_for_delivery',
    carrier: 'Aramex',
    trackingUrl: 'https://track.example/ARAMEX/A2001',
    eta: dayAfter(now, 0),
    items: [{ name: 'Volta Book 14 laptop', qty: 1 }],
    total: 3899,
    currency: 'SAR',
  },
];
