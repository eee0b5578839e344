import "server-only";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import { assertTokenMayWrite, userFromBearer, type TokenUser } from "@/server/tokens/api-tokens";

/**
 * The reader an account endpoint of the API answers for: a personal access token only, never the
 * session cookie, so no other site can make a signed-in browser call it (no CSRF). A write needs a
 * read-and-write token.
 */
export async function requireTokenUser(db: Db, request: Request, access: "read" | "write"): Promise<TokenUser> {
  const token = await userFromBearer(db, request);
  if (!token) throw new AppError("UNAUTHORIZED", "Send a personal access token as `Authorization: Bearer dp_…` (make one on /me#tokens).");
  if (access === "write") assertTokenMayWrite(token);
  return token;
}
