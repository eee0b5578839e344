import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { findSessionUser, sessionTokenFromCookies, type CurrentUser } from "@/server/auth/session";
import { db } from "@/server/db";

/** The signed-in user of the current page or server action, or null; looked up once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  return findSessionUser(
    db,
    sessionTokenFromCookies((name) => jar.get(name)?.value),
  );
});
