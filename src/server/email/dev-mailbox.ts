import "server-only";
import type { Db } from "@/server/db";

/** The newest messages kept by the dev mailbox mailer, newest first. */
export function listDevMailMessages(db: Db, limit = 50) {
  return db.devMailMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, to: true, from: true, subject: true, html: true, text: true, createdAt: true },
  });
}
