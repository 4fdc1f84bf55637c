import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

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

/**
 * A request that failed its schema, in words an agent or an integrator can act on: "text: a reply
 * is at most 4096 characters", not a tree of every alternative. Of a union's alternatives, the one
 * that came closest (fewest problems) is the one the caller meant.
 */
export function invalidInput(error: z.ZodError): BatonError {
  const describe = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): string[] =>
    issues.flatMap((issue) => {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
        return describe(closest, path);
      }
      const where = path.map(String).join('.');
      return [where ? `${where}: ${issue.message}` : issue.message];
    });
  return new BatonError('bad_request', describe(error.issues, []).join('; '));
}
