import "server-only";
import { NO_FILTER, type ListFilter } from "@/lib/list-filter";
import type { ForYouReason } from "@/lib/recs/reason";
import { papersFromFollowedCollections } from "@/server/collections/followed-papers";
import type { Db } from "@/server/db";
import { getForYouPapers } from "@/server/follows/follows";
import type { PaperDto } from "@/server/papers/dto";
import { getTrendingPapers } from "@/server/papers/feed";
import { FOR_YOU_DAYS, rankForReader } from "@/server/recs/for-you";
import { getReaderModel } from "@/server/recs/reader-model";
import { getReadState } from "@/server/triage/read-state";

// The one for-you every surface shows (the page, the private feed, the digest): learned from the
// reader's saves and upvotes once there are enough of them, and until then what they follow,
// topped up with the week's trending papers in their categories, so it is never blank.

/** The starter feed is topped up with trending papers to at least this many. */
const STARTER_MIN = 20;
/** Papers from followed collections at the top of for-you, at most. */
const FROM_COLLECTIONS = 10;

export interface ReaderForYou {
  mode: "learned" | "starter";
  /** The days ranked (7, or 30 when the week was too thin for the model). */
  days: number;
  items: { paper: PaperDto; reason: ForYouReason }[];
  /** Saved and upvoted papers the model learns from (MIN_POSITIVES needed). */
  positives: number;
  /** Learning is paused on /me. */
  paused: boolean;
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
  return [...new Set(categories)].slice(0, 5).sort();
}

async function starterForYou(db: Db, userId: string, now: Date, filter: ListFilter): Promise<ReaderForYou["items"]> {
  const followed = await getForYouPapers(db, userId, now, filter);
  const items: ReaderForYou["items"] = followed.map(({ paper, reason }) => ({
    paper,
    reason: { kind: "follow", followKind: reason.kind, value: reason.value },
  }));
  if (items.length < STARTER_MIN) {
    const categories = filter.include.length > 0 ? [] : await readerCategories(db, userId);
    const trendingIn = async (include: string[]) => (await getTrendingPapers(db, now, {}, { filter: { ...filter, include } })).papers;
    // The reader's categories first; when they are too quiet this week, the whole feed's trending.
    let trending = categories.length > 0 ? await trendingIn(categories) : [];
    let reasonCategories = categories;
    if (trending.length < STARTER_MIN) {
      trending = await trendingIn(filter.include);
      reasonCategories = filter.include;
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
      items.push({ paper, reason: { kind: "trending", categories: reasonCategories } });
    }
  }
  return items;
}

/** Papers added this week to collections the reader follows: first, each saying which collection. */
async function fromFollowedCollections(db: Db, userId: string, now: Date, filter: ListFilter): Promise<ReaderForYou["items"]> {
  const added = await papersFromFollowedCollections(db, userId, {
    since: new Date(now.getTime() - FOR_YOU_DAYS * 86_400_000),
    until: now,
    limit: FROM_COLLECTIONS,
    filter,
  });
  return added.map(({ paper, collection }) => ({ paper, reason: { kind: "collection", ...collection } }));
}

function withCollectionsFirst(first: ReaderForYou["items"], rest: ReaderForYou["items"]): ReaderForYou["items"] {
  const shown = new Set(first.map((item) => item.paper.id));
  return [...first, ...rest.filter((item) => !shown.has(item.paper.id))];
}

export async function getReaderForYou(db: Db, userId: string, now: Date, filter: ListFilter = NO_FILTER): Promise<ReaderForYou> {
  const [state, collected] = await Promise.all([getReaderModel(db, userId, now), fromFollowedCollections(db, userId, now, filter)]);
  const common = { positives: state.positives.length, paused: state.paused };
  if (!state.model) {
    return {
      mode: "starter",
      days: FOR_YOU_DAYS,
      items: withCollectionsFirst(collected, await starterForYou(db, userId, now, filter)),
      ...common,
    };
  }
  const learned = await rankForReader(db, userId, { ...state, model: state.model }, now, filter);
  const items = learned.items.map(({ paper, reason }) => ({ paper, reason }));
  return { mode: "learned", days: learned.days, items: withCollectionsFirst(collected, items), ...common };
}
