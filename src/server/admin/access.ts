import "server-only";
import { env } from "@/env";
import { getCurrentUser } from "@/server/auth/current-user";
import type { CurrentUser } from "@/server/auth/session";

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
