import { z } from 'zod';
import type { Logger } from '../log/logger.js';
import { type Order, type Orders, orderSchema, phoneDigits } from './order.js';

/**
 * An order as a shop's API may send it: the fields Baton reads, checked; any others the API keeps
 * (`createdAt`, `customerName`…) ignored; an ETA given as a date and time read as its date.
 */
const apiOrderSchema = z.object({
  ...orderSchema.shape,
  eta: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, 'a date, YYYY-MM-DD')
    .transform((eta) => eta.slice(0, 10))
    .optional(),
  items: z.array(z.object({ name: z.string(), qty: z.number().int().positive() })).optional(),
});

/**
 * A shop's own order API: `GET {baseUrl}/orders/{id}` answering an Order as JSON, 404 when it
 * does not exist, and `GET {baseUrl}/orders?phone={digits}` answering the orders placed with that
 * number as a JSON array (404 or an empty array when there are none, or the API cannot search by
 * phone). Answers are validated; anything else is an error the caller logs, never shown raw to a
 * customer. In a list, an order that is no Order is left out with a log line; the others stand.
 */
export class HttpOrders implements Orders {
  constructor(
    private readonly options: {
      baseUrl: string;
      token?: string;
      timeoutMs: number;
      fetch?: typeof fetch;
      logger?: Logger;
    },
  ) {}

  async find(orderId: string): Promise<Order | undefined> {
    const body = await this.get(`orders/${encodeURIComponent(orderId)}`);
    return body === undefined ? undefined : apiOrderSchema.parse(body);
  }

  async forPhone(phone: string): Promise<Order[]> {
    const digits = phoneDigits(phone);
    if (digits === '') return [];
    const body = await this.get(`orders?phone=${encodeURIComponent(digits)}`);
    if (body === undefined) return [];
    const orders = z
      .array(z.unknown())
      .parse(body)
      .flatMap((entry, at) => {
        const order = apiOrderSchema.safeParse(entry);
        if (order.success) return [order.data];
        this.options.logger?.warn('order API sent an order Baton cannot read: left out', {
          at,
          issues: order.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
        });
        return [];
      });
    // Only ever the number's own orders, whatever the API sent.
    return orders.filter((order) => phoneDigits(order.phone) === digits);
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
