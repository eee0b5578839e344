import type { FieldErrors } from "@/lib/form-errors";

/** The one error vocabulary: code -> HTTP status is decided here and nowhere else. */
export const APP_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A link that was valid once and has expired. */
  GONE: 410,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  /** The database is saturated (no free connection, a transaction could not start): retry shortly. */
  BUSY: 503,
  /** The database cannot be reached (restarting, failing over) or the server is overloaded: retry shortly. */
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export interface AppErrorDetails {
  /** The request parameter at fault, for 400s. */
  param?: string;
  /** For RATE_LIMITED: when the client may try again. */
  retryAfterSeconds?: number;
  /** For a form's BAD_REQUEST: the problem of each field, shown next to it. */
  fields?: FieldErrors;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
