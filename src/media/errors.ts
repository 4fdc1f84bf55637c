/**
 * What can go wrong between a customer's voice note or photo and its text. Messages name what
 * happened and never carry a token, an auth header or a signed media URL: they end up in logs.
 */
export type MediaErrorCode =
  | 'too_large'
  | 'unsupported_type'
  | 'download_failed'
  | 'expired'
  | 'checksum'
  /** A download or model call that did not finish within its deadline. */
  | 'timeout';

export class MediaError extends Error {
  override readonly name = 'MediaError';
  readonly code: MediaErrorCode;
  /** Worth one more attempt: a 5xx, a 429, a dropped connection, a timeout, a stale media URL. */
  readonly retryable: boolean;
  readonly status: number | undefined;

  constructor(
    code: MediaErrorCode,
    message: string,
    options: { retryable?: boolean; status?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.status = options.status;
  }
}

/** HTTP statuses where the same request may well succeed a moment later. */
export const transientStatus = (status: number): boolean => status === 429 || status >= 500;
