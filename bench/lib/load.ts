import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
  non2xx: number;
  timeouts: number;
}

/**
 * Signed webhook POSTs from autocannon: `connections` kept busy for `seconds`, each request a new
 * body from `next` (unique wamid, its own signature). Bounded in time; stops by itself.
 */
export async function webhookLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  next: () => { body: string; signature: string };
}): Promise<LoadResult> {
  const result = await autocannon({
    url: `${options.url}/webhooks/whatsapp`,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { body, signature } = options.next();
          return {
            ...request,
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
          };
        },
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}
