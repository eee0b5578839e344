import "server-only";
import { revalidatePath, revalidateTag, updateTag } from "next/cache";
import { Prisma } from "@/generated/prisma/client";
import { PAPERS_CHANGED_CHANNEL } from "@/server/changes/listener";

// The one way to say "pages changed". Paper data (votes, imports, submissions, comments,
// moderation) shows on every instance, so its change is announced with a NOTIFY that every
// process hears on its one LISTEN connection (listener.ts) and passes to all of its caches: the
// cached paper queries (papers/cache.ts) and the anonymous page cache (src/edge). A reader's own
// pages show only to them, on the instance answering them, so they are refreshed here and now.

/** Tag on every cached paper query. */
export const PAPERS_TAG = "papers";

type Notifier = Pick<Prisma.TransactionClient, "$executeRaw">;

type PapersPart =
  /** Announce it with this client: a transaction announces on commit, never on rollback. */
  | { papers: "changed"; db: Notifier }
  /** The write's own statement sent the notice already (see `papersChangedNotice`). */
  | { papers: "announced" }
  | { papers?: undefined };

export type PagesChange = PapersPart & {
  /**
   * Where the caller runs. A server action makes the actor's own next render read the change
   * (updateTag, allowed only there); a route handler expires this instance's cached queries; a job
   * (the CLI, a transaction) only announces, and this process hears its own notice like the others.
   */
  from: "action" | "route" | "job";
  /** Pages only the acting reader sees (/me, their library, for-you), from an action or a route. */
  readerPages?: readonly string[];
};

export async function pagesChanged(change: PagesChange): Promise<void> {
  // Raw: Prisma has no NOTIFY.
  if (change.papers === "changed") await change.db.$executeRaw`SELECT pg_notify(${PAPERS_CHANGED_CHANNEL}, '')`;
  if (change.papers && change.from === "action") updateTag(PAPERS_TAG);
  if (change.papers && change.from === "route") revalidateTag(PAPERS_TAG, { expire: 0 });
  for (const path of change.readerPages ?? []) revalidatePath(path);
}

/**
 * The same notice as a CTE of a writing statement (`WITH … , <this> SELECT …`), sent on commit only
 * when `changedRows` holds a row: a vote is then one round trip. Exposes `notified` to the query.
 */
export function papersChangedNotice(changedRows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`notified AS (SELECT pg_notify(${PAPERS_CHANGED_CHANNEL}, '') FROM ${changedRows} LIMIT 1)`;
}
