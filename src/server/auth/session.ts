import "server-only";
import { densitySchema, type Density } from "@/lib/density";
import { AppError } from "@/lib/errors";
import { SESSION_COOKIE_NAMES } from "@/lib/session-cookies";
import type { Db } from "@/server/db";

export interface CurrentUser {
  id: string;
  email: string | null;
  name: string | null;
  /** The public handle, once chosen on /me. */
  handle: string | null;
  /** Suspended by a moderator: may read, may not vote, comment or submit. */
  banned: boolean;
  /** The list density chosen while signed in, applied in every browser; null until chosen. */
  density: Density | null;
}

/** Refuses a suspended account's votes, comments and submissions (403). */
export function assertMayContribute(user: CurrentUser): void {
  if (user.banned)
    throw new AppError("FORBIDDEN", "This account is suspended by the moderators: it can read, but not vote, comment or submit.");
}

/** The signed-in user for a session token, or null when the session is unknown or expired. */
export async function findSessionUser(db: Db, sessionToken: string | undefined, now: Date = new Date()): Promise<CurrentUser | null> {
  if (!sessionToken) return null;
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, email: true, name: true, handle: true, bannedAt: true, density: true } } },
  });
  if (!session || session.expires <= now) return null;
  const { bannedAt, density, ...user } = session.user;
  return { ...user, banned: bannedAt !== null, density: densitySchema.nullable().catch(null).parse(density) };
}

export function sessionTokenFromCookies(read: (name: string) => string | undefined): string | undefined {
  for (const name of SESSION_COOKIE_NAMES) {
    const value = read(name);
    if (value) return value;
  }
  return undefined;
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    try {
      if (name && !cookies.has(name)) cookies.set(name, decodeURIComponent(value));
    } catch {
      // A malformed cookie is simply ignored, like browsers ignore what they cannot parse.
    }
  }
  return cookies;
}

/** Route handlers authenticate from the request itself, so they can be exercised with a plain Request. */
export async function userFromRequest(db: Db, request: Request): Promise<CurrentUser | null> {
  const cookies = parseCookieHeader(request.headers.get("cookie"));
  return findSessionUser(
    db,
    sessionTokenFromCookies((name) => cookies.get(name)),
  );
}
