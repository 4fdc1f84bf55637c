import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'window_closed'
  | 'gone'
  | 'unsupported_media'
  | 'bad_gateway'
  | 'disabled'
  | 'internal';

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  window_closed: 422,
  gone: 410,
  unsupported_media: 415,
  bad_gateway: 502,
  disabled: 404,
  internal: 500,
};

/** The one error family of the core; `onError` maps it to `{code, message, requestId}`. */
export class BatonError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'BatonError';
    this.status = statusOf[code];
  }
}
