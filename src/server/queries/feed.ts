import "server-only";
import type { Db } from "@/server/db";
import { paperCardSelect, toPaperCardDto, type PaperCardDto } from "./paper-dto";

export interface FeedDay {
  date: string;
  papers: PaperCardDto[];
}

/** The most recent feed day that has papers, most upvoted first; null when there are none. */
export async function getLatestFeedDay(db: Db): Promise<FeedDay | null> {
  const latest = await db.paper.findFirst({ select: { feedDate: true }, orderBy: { feedDate: "desc" } });
  if (!latest) return null;
  const rows = await db.paper.findMany({
    where: { feedDate: latest.feedDate },
    select: paperCardSelect,
    orderBy: [{ upstreamUpvotes: "desc" }, { id: "asc" }],
  });
  const papers = rows.map(toPaperCardDto).sort((a, b) => b.upvotes - a.upvotes);
  return { date: latest.feedDate.toISOString().slice(0, 10), papers };
}
