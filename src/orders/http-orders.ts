import { type Order, type Orders, orderSchema } from './order.js';

/**
 * A shop's own order API: `GET {baseUrl}/orders/{id}` answering an Order as JSON, 404 when it
 * does not exist. The answer is validated; anything else is treated as "not found" and logged
 * by the caller, never shown raw to a customer.
 */
export class HttpOrders implements Orders {
  constructor(
    private readonly options: { baseUrl: string; token?: string; timeoutMs: number; fetch?: typeof fetch },
  ) {}

  async find(orderId: string): Promise<Order | undefined> {
    const url = new URL(`orders/${encodeURIComponent(orderId)}`, this.options.baseUrl.replace(/\/?$/, '/'));
    const response = await (this.options.fetch ?? fetch)(url, {
      headers: {
        accept: 'application/json',
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      },
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`order API answered ${response.status}`);
    return orderSchema.parse(await response.json());
  }
}
