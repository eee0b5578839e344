import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db";

/** A user with a live database session; `cookie` is what a signed-in browser sends. */
export async function createSignedInUser(db: Db, email: string) {
  const user = await db.user.create({ data: { email, emailVerified: new Date() } });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  return { user, sessionToken, cookie: `next-auth.session-token=${sessionToken}` };
}

export async function createPaper(db: Db, id: string, upstreamUpvotes = 0) {
  return db.paper.create({
    data: {
      id,
      title: `Paper ${id}`,
      abstract: "An abstract.",
      authors: ["A. Author"],
      publishedAt: new Date("2026-11-01T00:00:00Z"),
      feedDate: new Date("2026-11-02T00:00:00Z"),
      source: "ARXIV",
      upstreamUpvotes,
    },
  });
}

/** A confirmed daily-digest subscriber, stored as given (no address validation: tests plant bad rows too). */
export async function createConfirmedSubscriber(db: Db, email: string, confirmedAt = new Date("2026-06-01T00:00:00Z")) {
  return db.subscriber.create({
    data: { email, status: "CONFIRMED", cadence: "DAILY", manageToken: randomBytes(32).toString("base64url"), confirmedAt },
  });
}
