import { z } from 'zod';
import { type Order, type Orders, orderSchema, phoneDigits } from './order.js';

/**
 * A shop's own order API: `GET {baseUrl}/orders/{id}` answering an Order as JSON, 404 when it
 * does not exist, and `GET {baseUrl}/orders?phone={digits}` answering the orders placed with that
 * number as a JSON array (404 or an empty array when there are none, or the API cannot search by
 * phone). Answers are validated; anything else is an error the caller logs, never shown raw to a
 * customer.
 */
export class HttpOrders implements Orders {
  constructor(
    private readonly options: { baseUrl: string; token?: string; timeoutMs: number; fetch?: typeof fetch },
  ) {}

  async find(orderId: string): Promise<Order | undefined> {
    const body = await this.get(`orders/${encodeURIComponent(orderId)}`);
    return body === undefined ? undefined : orderSchema.parse(body);
  }

  async forPhone(phone: string): Promise<Order[]> {
    const digits = phoneDigits(phone);
    if (digits === '') return [];
    const body = await this.get(`orders?phone=${encodeURIComponent(digits)}`);
    if (body === undefined) return [];
    // Only ever the number's own orders, whatever the API sent.
    return z
      .array(orderSchema)
      .parse(body)
      .filter((order) => phoneDigits(order.phone) === digits);
  }

  /** The JSON body, or undefined for a 404. */
  private async get(path: string): Promise<unknown> {
    const url = new URL(path, this.options.baseUrl.replace(/\/?$/, '/'));
    const response = await (this.options.fetch ?? fetch)(url, {
      headers: {
        accept: 'application/json',
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      },
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`order API answered ${response.status}`);
    return response.json();
  }
}
