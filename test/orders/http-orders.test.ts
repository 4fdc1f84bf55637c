import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { HttpOrders } from '../../src/orders/http-orders.js';
import type { Order } from '../../src/orders/order.js';

const sara: Order = { id: 'A1001', phone: '+966 50 000 0001', status: 'shipped', carrier: 'SMSA' };
const saraToo: Order = { id: 'A1002', phone: '966500000001', status: 'processing' };
const omar: Order = { id: 'B2001', phone: '966500000002', status: 'delivered' };
const layla: Order = { id: 'C3001', phone: '966500000003', status: 'shipped', eta: '2026-11-27' };

/** A shop's order API as the README documents it, answering from a fixed list. */
let server: Server;
let baseUrl: string;
const seen: { url: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    seen.push({
      url: url.pathname + url.search,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    });
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/api/orders' && url.searchParams.get('phone') === '966500000001') {
      // a careless API that also sends someone else's order: Baton must drop it
      return json(200, [sara, saraToo, omar]);
    }
    if (url.pathname === '/api/orders' && url.searchParams.get('phone') === '966500000003') {
      // one order of the list is no Order: the others still stand
      return json(200, [
        { ...layla, createdAt: '2026-11-20T10:00:00Z' },
        { id: 'C3002', phone: '966500000003' },
      ]);
    }
    if (url.pathname === '/api/orders') return json(404, { error: 'none' });
    if (url.pathname === '/api/orders/C3001') {
      // an API with fields of its own and an ETA with a time
      return json(200, {
        ...layla,
        eta: '2026-11-27T18:00:00+03:00',
        customerName: 'Layla',
        createdAt: '2026-11-20',
      });
    }
    const order = [sara, saraToo, omar].find((candidate) => url.pathname === `/api/orders/${candidate.id}`);
    if (order) return json(200, order);
    if (url.pathname === '/api/orders/BROKEN') return json(200, { id: 'BROKEN' });
    if (url.pathname === '/api/orders/DOWN') return json(503, { error: 'maintenance' });
    return json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => server.close());

const client = () => new HttpOrders({ baseUrl, token: 'shop-token', timeoutMs: 2_000 });

describe('HttpOrders', () => {
  it('finds an order by id, with the bearer token', async () => {
    expect(await client().find('A1001')).toEqual(sara);
    expect(seen.at(-1)).toEqual({ url: '/api/orders/A1001', authorization: 'Bearer shop-token' });
  });

  it('reads a 404 as no such order, and anything else unexpected as an error', async () => {
    expect(await client().find('Z9999')).toBeUndefined();
    await expect(client().find('DOWN')).rejects.toThrow('order API answered 503');
    await expect(client().find('BROKEN')).rejects.toThrow();
  });

  it("lists a phone number's orders, and only that number's, however the API wrote the phone", async () => {
    expect(await client().forPhone('+966500000001')).toEqual([sara, saraToo]);
    expect(seen.at(-1)?.url).toBe('/api/orders?phone=966500000001');
  });

  it('ignores the fields it does not read and takes the date of an ETA given with a time', async () => {
    expect(await client().find('C3001')).toEqual(layla);
  });

  it('leaves out of a list an order it cannot read, with a log line, and keeps the others', async () => {
    const warnings: unknown[] = [];
    const logger = { ...silentLogger, warn: (...line: unknown[]) => warnings.push(line) };
    const orders = new HttpOrders({ baseUrl, timeoutMs: 2_000, logger });
    expect(await orders.forPhone('966500000003')).toEqual([layla]);
    expect(JSON.stringify(warnings)).toContain('status');
  });

  it('reads a 404 as no orders: an API that cannot search by phone', async () => {
    expect(await client().forPhone('966500000009')).toEqual([]);
  });
});
