import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db";

/** A new secret for the reader's private feed; the previous link stops working at once. */
export async function rotateForYouFeedToken(db: Db, userId: string): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.user.update({ where: { id: userId }, data: { forYouFeedToken: token } });
  return token;
}

export async function revokeForYouFeedToken(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { forYouFeedToken: null } });
}
