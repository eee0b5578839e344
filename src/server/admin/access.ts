import "server-only";
import { env } from "@/env";
import { getCurrentUser } from "@/server/auth/current-user";
import { findSessionUser, type CurrentUser } from "@/server/auth/session";
import { db } from "@/server/db";

export function isAdminEmail(email: string | null | undefined, admins: readonly string[] = env.ADMIN_EMAILS): boolean {
  return !!email && admins.includes(email.toLowerCase());
}

/**
 * The signed-in operator, or null for everyone else. Every admin page, action and route asks
 * this itself; to anyone else the console does not exist (404), so it reveals nothing.
 */
export async function getAdmin(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user && isAdminEmail(user.email) ? user : null;
}

/**
 * For the proxy, which sends everyone else's page loads of the console to the server-rendered 404
 * page (a page's own `notFound()` arrives as an empty shell); not a security boundary: the page
 * and the action check `getAdmin()` themselves.
 */
export async function isAdminSession(sessionToken: string | undefined): Promise<boolean> {
  return isAdminEmail((await findSessionUser(db, sessionToken))?.email);
}
