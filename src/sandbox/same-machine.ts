import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/context.js';
import { BatonError } from '../http/errors.js';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
/** An address typed as numbers ("192.168.1.20", "[fe80::1]"): no DNS name that could be rebound. */
const IP_LITERAL = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

function hostName(host: string): string {
  return host.toLowerCase().replace(/:\d+$/, '');
}

/** The host an `Origin` names; none for one that is no URL ("garbage"), which no browser sends. */
function originHost(origin: string): string | undefined {
  try {
    return hostName(new URL(origin).host);
  } catch {
    return undefined;
  }
}

/**
 * The sandbox API reads and sends any conversation without a credential, so a web page the
 * person using it visits must not reach it:
 * - a page on another site cannot post to it, as a form can send a body as `text/plain` without
 *   asking first: a body must be `application/json`, and an `Origin` must be this host;
 * - a page whose DNS name was rebound to this machine's address sends its own name as `Host`:
 *   only a loopback name, an address in numbers, or `PUBLIC_BASE_URL`'s host is answered.
 */
export const sameMachineOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const host = hostName(c.req.header('host') ?? new URL(c.req.url).host);
  const publicBase = c.var.deps.config.PUBLIC_BASE_URL;
  const allowed =
    LOOPBACK_NAMES.has(host) ||
    IP_LITERAL.test(host) ||
    (publicBase !== undefined && hostName(new URL(publicBase).host) === host);
  if (!allowed) throw new BatonError('forbidden', `the sandbox API answers on localhost, not on ${host}`);
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== 'null' && originHost(origin) !== host) {
    throw new BatonError('forbidden', 'the sandbox API answers its own page, not another site');
  }
  if (c.req.method === 'POST' && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new BatonError('unsupported_media', 'send the message as application/json');
  }
  return next();
};
