import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../deps.js';
import type { AppEnv } from './context.js';
import { BatonError } from './errors.js';

/**
 * Refuses a body over `maxSize(c)` bytes with 413, before it is read. A declared length is checked
 * from the header alone: Hono's middleware would first turn Node's request into a web `Request`
 * with a body stream, which costs more than the rest of a webhook together. A body without a
 * length (chunked) goes through Hono's middleware, which counts while it reads.
 */
export function limitBody(what: string, maxSize: (deps: Deps) => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const max = maxSize(c.var.deps);
    const tooLarge = () => {
      throw new BatonError('payload_too_large', `${what} body too large (over ${max} bytes)`);
    };
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      const bytes = Number(declared);
      if (!Number.isSafeInteger(bytes) || bytes < 0)
        throw new BatonError('bad_request', 'invalid content-length');
      if (bytes > max) tooLarge();
      return next();
    }
    return bodyLimit({ maxSize: max, onError: tooLarge })(c, next);
  };
}

/**
 * The agent API and the sandbox take small JSON bodies: a reply is at most WhatsApp's 4,096
 * characters. Without a limit, one unauthenticated request to sign in could fill the memory, since
 * a body is read before the token in it is checked.
 */
export const API_BODY_LIMIT_BYTES = 64 * 1024;

export const apiBodyLimit = limitBody('request', () => API_BODY_LIMIT_BYTES);
