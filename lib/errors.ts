/**
 * The one error type the app throws on purpose. Each code maps to one HTTP status in
 * `httpStatus`, so routes, the CLI and jobs report the same failure the same way.
 */
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  /** The request is well-formed but clashes with what exists (a list name taken). */
  | "conflict"
  /** Too many mutations in the rate-limit window. */
  | "rate_limited"
  /** The body is larger than the configured limit: refused before parsing. */
  | "payload_too_large"
  /** The document is none of the formats we read: nothing was written. */
  | "unsupported_format"
  /** The document is of a known format but cannot be parsed: nothing was written. */
  | "parse_error"
  /** Fetching a feed URL failed (DNS, refused, HTTP error). */
  | "upstream_error"
  | "internal";

const statusByCode: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_format: 415,
  parse_error: 422,
  upstream_error: 502,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get httpStatus(): number {
    return statusByCode[this.code];
  }
}
