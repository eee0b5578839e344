import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { ErrorBody } from "@/lib/api-responses";
import { AppError, isAppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/form-errors";
import { parseListFilter, type ListFilter } from "@/lib/list-filter";
import { decodePathSegment } from "@/lib/url-path";

// The shape is the schema /api/openapi.json publishes for every error.
export type { ErrorBody };

// Prisma's codes for a saturated database: no pooled connection in time, a transaction that could
// not start in time, a write conflict or deadlock. The request changed nothing and may be retried.
const OVERLOAD_CODES = new Set(["P2024", "P2028", "P2034"]);

function asOverload(error: unknown): AppError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || !OVERLOAD_CODES.has(error.code)) return null;
  return new AppError("BUSY", "The site is very busy and did not apply your request. Please try again in a moment.", {
    retryAfterSeconds: 1,
  });
}

// The database is down or restarting: Prisma's codes for an unreachable server or a closed
// connection, the driver's socket errors, and PostgreSQL's shutdown and start-up states.
const UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "ECONNREFUSED", "ECONNRESET", "57P01", "57P02", "57P03"]);

function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && UNREACHABLE_CODES.has(code)) return true;
  if (/Connection terminated|DatabaseNotReachable|ConnectionClosed/.test(error.message)) return true;
  return isDatabaseUnreachable(error.cause, depth + 1);
}

function asUnavailable(error: unknown): AppError | null {
  if (!isDatabaseUnreachable(error)) return null;
  return new AppError("UNAVAILABLE", "The site cannot reach its database for a moment. Please try again in a few seconds.", {
    retryAfterSeconds: 5,
  });
}

/** Maps any thrown value to a JSON error response; unexpected errors never leak details. */
export function errorResponse(thrown: unknown): NextResponse<ErrorBody> {
  const error = asOverload(thrown) ?? asUnavailable(thrown) ?? thrown;
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    if (error.details.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.details.retryAfterSeconds);
    return NextResponse.json<ErrorBody>(
      { error: { code: error.code, message: error.message, ...(error.details.param ? { param: error.details.param } : {}) } },
      { status: error.status, headers },
    );
  }
  console.error(error);
  return NextResponse.json<ErrorBody>(
    { error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

/** Decodes a URL path segment, or throws a 400 naming the parameter for a malformed or unusable one. */
export function decodeSegment(segment: string, param: string): string {
  const text = decodePathSegment(segment);
  if (text === null) throw new AppError("BAD_REQUEST", `${param}: is not a valid URL segment`, { param });
  return text;
}

/** Parses with zod or throws a 400 naming the first offending parameter. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue?.path.map(String).join(".") || undefined;
  const message = issue ? `${param ? `${param}: ` : ""}${issue.message}` : "Invalid request";
  throw new AppError("BAD_REQUEST", message, { param });
}

/** Parses a form's fields with zod, or throws a 400 carrying every field's first problem (`details.fields`). */
export function parseFormOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrorsOf(result.error);
  const message = Object.keys(fields).length > 1 ? "Some fields need another look." : (Object.values(fields)[0] ?? "Invalid form");
  throw new AppError("BAD_REQUEST", message, { param: Object.keys(fields)[0], fields });
}

/** The list filter a request's query asks for (src/lib/list-filter.ts), or a 400 naming the parameter at fault. */
export function filterOrThrow(request: Request): ListFilter {
  const result = parseListFilter(new URL(request.url).searchParams);
  if (result.ok) return result.filter;
  throw new AppError("BAD_REQUEST", result.error.message, { param: result.error.param });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every failure becomes a clean JSON error. */
export function handleErrors<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
