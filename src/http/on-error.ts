import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.js';
import { BatonError } from './errors.js';

/** The one place errors become HTTP answers: `{code, message, requestId}`, never a stack. */
export function onError(error: Error, c: Context<AppEnv>) {
  const requestId = c.var.requestId;
  if (error instanceof BatonError) {
    return c.json({ code: error.code, message: error.message, requestId }, error.status);
  }
  if (error instanceof HTTPException) {
    return c.json({ code: 'http_error', message: error.message, requestId }, error.status);
  }
  c.var.logger?.error('unhandled error', { error });
  return c.json({ code: 'internal', message: 'internal error', requestId }, 500);
}
