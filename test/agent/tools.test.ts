import { describe, expect, it } from 'vitest';
import { createAgentTools } from '../../src/agent/tools.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Order, Orders } from '../../src/orders/order.js';

const phone = '966500000801';
const laptop: Order = { id: 'A3001', phone, status: 'shipped' };

function toolsOver(orders: Orders) {
  return createAgentTools(
    {
      knowledge: new KnowledgeBase([]),
      orders,
      knowledgeMinScore: 1,
      knowledgeMinCoverage: 0.5,
      logger: silentLogger,
    },
    { waId: phone },
  );
}

describe("the customer's orders, within one turn's tools", () => {
  it('are read from the order system once, however often the turn asks', async () => {
    let reads = 0;
    const tools = toolsOver({
      find: async () => undefined,
      forPhone: async () => {
        reads++;
        return [laptop];
      },
    });
    const [first, second] = await Promise.all([tools.customerOrders(), tools.customerOrders()]);
    const third = await tools.customerOrders();
    expect(reads).toBe(1);
    for (const result of [first, second, third]) expect(result).toMatchObject({ found: true });
  });

  it('are read again after a read that failed', async () => {
    let reads = 0;
    const tools = toolsOver({
      find: async () => undefined,
      forPhone: async () => {
        reads++;
        if (reads === 1) throw new Error('order system down');
        return [laptop];
      },
    });
    expect(await tools.customerOrders()).toEqual({ found: false, reason: 'unavailable' });
    expect(await tools.customerOrders()).toMatchObject({ found: true, orders: [{ id: 'A3001' }] });
    expect(reads).toBe(2);
  });
});
