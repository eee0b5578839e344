import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { ApiTokenScope } from "@/generated/prisma/client";
import { API_TOKEN_PATTERN, API_TOKEN_PREFIX, API_TOKEN_SHOWN_LENGTH, type ApiTokenInput } from "@/lib/api-token";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { enforceRateLimit, type RateLimitRule } from "@/server/http/rate-limit";

// Personal access tokens: made on /me, shown once, stored as a SHA-256 (a token is 256 random
// bits, so a fast hash is enough: there is nothing to guess), revoked at once. Only the API's
// route handlers call `userFromBearer`; pages and server actions read the session cookie alone, so
// a token never signs anyone in to the site.

/** A reader keeps a handful of tokens; more is a leak waiting to happen. */
export const MAX_TOKENS_PER_USER = 20;
/** Each token's own budget, apart from the anonymous API limits. */
export const API_TOKEN_RATE_LIMIT: RateLimitRule = { limit: 600, windowMs: 60_000 };
/** lastUsedAt is written at most this often, so a busy script does not write on every call. */
const LAST_USED_PRECISION_MS = 60_000;

export interface ApiTokenSummary {
  id: string;
  name: string;
  scope: ApiTokenScope;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const summarySelect = { id: true, name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** Makes a token; its text is returned this once and never again. */
export async function createApiToken(db: Db, userId: string, input: ApiTokenInput): Promise<{ token: string; summary: ApiTokenSummary }> {
  if ((await db.apiToken.count({ where: { userId, revokedAt: null } })) >= MAX_TOKENS_PER_USER)
    throw new AppError("CONFLICT", `You have ${MAX_TOKENS_PER_USER} tokens: revoke one you no longer use first.`);
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const summary = await db.apiToken.create({
    data: { userId, name: input.name, scope: input.scope, tokenHash: hashOf(token), prefix: token.slice(0, API_TOKEN_SHOWN_LENGTH) },
    select: summarySelect,
  });
  return { token, summary };
}

/** The reader's live tokens, newest first. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenSummary[]> {
  return db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: MAX_TOKENS_PER_USER,
    select: summarySelect,
  });
}

/** Revokes one of the reader's tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string, now: Date): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}

export interface TokenUser {
  user: CurrentUser;
  tokenId: string;
  scope: ApiTokenScope;
}

/**
 * The account behind `Authorization: Bearer <token>`, or null when the request has no bearer
 * token. A token that is malformed, unknown, revoked, or whose account is suspended is a 401 that
 * says which, so a script's author can tell; each token then spends its own rate limit.
 */
export async function userFromBearer(db: Db, request: Request, now: Date = new Date()): Promise<TokenUser | null> {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match || !API_TOKEN_PATTERN.test(match[1]!))
    throw new AppError("UNAUTHORIZED", "Send a personal access token as `Authorization: Bearer dp_…` (make one on /me).");
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashOf(match[1]!) },
    select: {
      id: true,
      scope: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, handle: true, bannedAt: true } },
    },
  });
  if (!row) throw new AppError("UNAUTHORIZED", "This token is not known here: it may have been mistyped, or made on another instance.");
  if (row.revokedAt) throw new AppError("UNAUTHORIZED", "This token was revoked. Make a new one on /me.");
  if (row.user.bannedAt) throw new AppError("UNAUTHORIZED", "This account is suspended by the moderators, so its tokens do not work.");
  await enforceRateLimit(
    db,
    `api-token:${row.id}`,
    API_TOKEN_RATE_LIMIT,
    (wait) => `This token made too many requests; try again in ${wait}.`,
    now,
  );
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS)
    await db.apiToken.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastUsedAt: now } });
  const { bannedAt: _bannedAt, ...user } = row.user;
  return { user: { ...user, banned: false, density: null }, tokenId: row.id, scope: row.scope };
}

/** Refuses a read-only token on a write (403), naming what the token may do. */
export function assertTokenMayWrite(token: TokenUser): void {
  if (token.scope !== "WRITE")
    throw new AppError("FORBIDDEN", "This token is read-only: make a read-and-write token on /me to vote, save or change collections.");
}
