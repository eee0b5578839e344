import "server-only";
import { NO_FILTER, type ListFilter } from "@/lib/list-filter";
import type { ForYouReason } from "@/lib/recs/reason";
import type { Db } from "@/server/db";
import { getForYouPapers } from "@/server/follows/follows";
import type { PaperDto } from "@/server/papers/dto";
import { getTrendingPapers } from "@/server/papers/feed";
import { FOR_YOU_DAYS, getLearnedForYou } from "@/server/recs/for-you";
import { getReadState } from "@/server/triage/read-state";

// The one for-you every surface shows (the page, the private feed, the digest): learned from the
// reader's saves and upvotes once there are enough of them, and until then what they follow,
// topped up with the week's trending papers in their categories, so it is never blank.

/** The starter feed is topped up with trending papers to at least this many. */
const STARTER_MIN = 20;

export interface ReaderForYou {
  mode: "learned" | "starter";
  /** The days ranked (7, or 30 when the week was too thin for the model). */
  days: number;
  items: { paper: PaperDto; reason: ForYouReason }[];
}

/** Categories of the reader: the ones they follow, then the primary ones of what they saved. */
async function readerCategories(db: Db, userId: string): Promise<string[]> {
  const [follows, saved] = await Promise.all([
    db.follow.findMany({ where: { userId, kind: "CATEGORY", muted: false }, select: { value: true }, take: 20 }),
    db.savedPaper.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { paper: { select: { categories: true } } },
    }),
  ]);
  const categories = [...follows.map((follow) => follow.value), ...saved.flatMap((row) => row.paper.categories.slice(0, 1))];
  return [...new Set(categories)].slice(0, 5);
}

async function starterForYou(db: Db, userId: string, now: Date, filter: ListFilter): Promise<ReaderForYou> {
  const followed = await getForYouPapers(db, userId, now, filter);
  const items: ReaderForYou["items"] = followed.map(({ paper, reason }) => ({
    paper,
    reason: { kind: "follow", followKind: reason.kind, value: reason.value },
  }));
  if (items.length < STARTER_MIN) {
    const categories = filter.include.length > 0 ? [] : await readerCategories(db, userId);
    let trending = (
      await getTrendingPapers(db, now, {}, { filter: { ...filter, include: categories.length > 0 ? categories : filter.include } })
    ).papers;
    // Categories too quiet this week: the whole feed's trending instead.
    if (trending.length < STARTER_MIN && categories.length > 0) {
      trending = (await getTrendingPapers(db, now, {}, { filter })).papers;
      categories.length = 0;
    }
    const shown = new Set(items.map((item) => item.paper.id));
    const { hidden } = await getReadState(
      db,
      userId,
      trending.map((paper) => paper.id),
    );
    for (const paper of trending) {
      if (items.length >= STARTER_MIN) break;
      if (shown.has(paper.id) || hidden.has(paper.id)) continue;
      items.push({ paper, reason: { kind: "trending", categories } });
    }
  }
  return { mode: "starter", days: FOR_YOU_DAYS, items };
}

export async function getReaderForYou(db: Db, userId: string, now: Date, filter: ListFilter = NO_FILTER): Promise<ReaderForYou> {
  const learned = await getLearnedForYou(db, userId, now, filter);
  if (!learned) return starterForYou(db, userId, now, filter);
  return { mode: "learned", days: learned.days, items: learned.items.map(({ paper, reason }) => ({ paper, reason })) };
}
