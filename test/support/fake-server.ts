import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/**
 * Starts a Hono app on a free loopback port; the test stops it. Closing drops open connections
 * too: a request the client abandoned on a timeout would otherwise keep the server open until the
 * keep-alive timer ends.
 */
export async function startServer(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            (server as Server).closeAllConnections();
          }),
      });
    });
  });
}
