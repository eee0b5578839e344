import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { NotificationKind } from "@/lib/notifications";
import { queryRows, type Db } from "@/server/db";

/** The account's token for the one-click unsubscribe links of comment emails, made on first need. */
export async function unsubscribeToken(db: Db, userId: string): Promise<string> {
  // Raw: set-if-missing and read back in one statement, so concurrent emails agree on one token.
  const [row] = await queryRows(
    db,
    z.object({ token: z.string() }),
    Prisma.sql`UPDATE "User" SET "notificationToken" = coalesce("notificationToken", ${randomBytes(24).toString("base64url")})
               WHERE "id" = ${userId} RETURNING "notificationToken" AS "token"`,
  );
  if (!row) throw new Error(`No user ${userId} to make an unsubscribe token for`);
  return row.token;
}

/** One-click unsubscribe from one kind of comment email; true when the token named an account. */
export async function stopNotifications(db: Db, token: string, kind: NotificationKind): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { notificationToken: token },
    data: kind === "reply" ? { replyNotifications: false } : { authorNotifications: false },
  });
  return count > 0;
}
