import type { Order } from './order.js';

/** Seeded into the built-in table so a new user can try order tracking in the simulator. */
export const demoOrders: readonly Order[] = [
  {
    id: 'A1001',
    phone: '966500000001',
    status: 'shipped',
    carrier: 'SMSA',
    trackingUrl: 'https://track.example/SMSA/A1001',
    eta: '2026-11-27',
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
    eta: '2026-11-25',
    items: [{ name: 'Volta Book 14 laptop', qty: 1 }],
    total: 3899,
    currency: 'SAR',
  },
];
