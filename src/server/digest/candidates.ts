import "server-only";
import { collectionReason } from "@/lib/collections/collection-form";
import { fromIsoDate } from "@/lib/dates";
import type { DigestPeriod } from "@/lib/digest-period";
import { rankByTrending } from "@/lib/ranking";
import { reasonText } from "@/lib/recs/reason";
import { papersFromFollowedCollections } from "@/server/collections/followed-papers";
import type { Db } from "@/server/db";
import type { DigestContentPapers, DigestPaper } from "@/server/digest/email";
import { FOLLOWED_SECTION_SIZE, loadFollowedPapers, pickUnmutedUnsentPapers } from "@/server/digest/personal";
import type { ClaimedDelivery } from "@/server/digest/queue";
import { rankPeriodForReader } from "@/server/recs/for-you";
import { getReaderModel } from "@/server/recs/reader-model";

/** Papers from followed collections a personal digest adds to its second section, at most. */
const FROM_COLLECTIONS = 3;

/** A paper as a digest lists it. */
function digestPaperOf(paper: {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  organization: { fullName: string } | null;
  upvotes: number;
}): DigestPaper {
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authorCount: paper.authors.length,
    organization: paper.organization?.fullName ?? null,
    upvotes: paper.upvotes,
  };
}

/** Every paper added in the period, best first by the site's trending score as of `rankedAt`. */
export async function loadDigestCandidates(db: Db, period: DigestPeriod): Promise<DigestPaper[]> {
  const rows = await db.paper.findMany({
    where: { feedDate: { gte: fromIsoDate(period.firstDay), lte: fromIsoDate(period.lastDay) }, hiddenAt: null },
    select: {
      id: true,
      title: true,
      abstract: true,
      authors: true,
      feedDate: true,
      submittedAt: true,
      upstreamUpvotes: true,
      localUpvotes: true,
      organization: { select: { fullName: true } },
    },
  });
  const ranked = rankByTrending(
    rows.map((row) => ({ ...row, upvotes: row.upstreamUpvotes + row.localUpvotes, addedAt: row.submittedAt ?? row.feedDate })),
    period.rankedAt,
  );
  return ranked.map(digestPaperOf);
}

/** The top `size` candidates this subscriber has not been sent before (empty: nothing new). */
export function pickUnsentPapers(candidates: DigestPaper[], alreadySent: ReadonlySet<string>, size: number): DigestPaper[] {
  const picked: DigestPaper[] = [];
  for (const paper of candidates) {
    if (picked.length === size) break;
    if (!alreadySent.has(paper.id)) picked.push(paper);
  }
  return picked;
}

/**
 * What one subscriber gets: the top unsent trending papers and, for a signed-in reader who chose
 * it, a second section: For you's learned ranking of the period once the reader has a model, else
 * their follows; a personal digest leaves out what the reader muted in both (and what they hid in For you's). Neither section repeats a paper sent to this subscriber before, nor the other section's.
 */
export async function selectDigestPapers(
  db: Db,
  delivery: Pick<ClaimedDelivery, "subscriberId" | "content" | "userId">,
  options: { period: DigestPeriod; candidates: DigestPaper[]; alreadySent: ReadonlySet<string>; size: number },
): Promise<DigestContentPapers> {
  const { period, candidates, alreadySent, size } = options;
  if (delivery.content !== "TRENDING_AND_FOLLOWS" || !delivery.userId) {
    return { trending: pickUnsentPapers(candidates, alreadySent, size), followed: [] };
  }
  const trending = await pickUnmutedUnsentPapers(db, delivery.userId, candidates, alreadySent, size);
  const exclude = trending.map((paper) => paper.id);
  // A reader with a model gets For you's ranking of the period; until then, their follows.
  const state = await getReaderModel(db, delivery.userId, period.rankedAt);
  if (state.model) {
    const items = await rankPeriodForReader(db, delivery.userId, { ...state, model: state.model }, period, {
      subscriberId: delivery.subscriberId,
      exclude,
      limit: FOLLOWED_SECTION_SIZE,
    });
    const followed = items.map(({ paper, reason }) => ({ ...digestPaperOf(paper), reason: reasonText(reason) }));
    return {
      trending,
      followed: await withCollectionPapers(db, { subscriberId: delivery.subscriberId, userId: delivery.userId }, period, exclude, followed),
      followedHeading: "For you",
    };
  }
  const followed = await loadFollowedPapers(db, { userId: delivery.userId, subscriberId: delivery.subscriberId, period, exclude });
  return {
    trending,
    followed: await withCollectionPapers(db, { subscriberId: delivery.subscriberId, userId: delivery.userId }, period, exclude, followed),
  };
}

/** The followed section, then up to FROM_COLLECTIONS papers added in the period to collections the reader follows. */
async function withCollectionPapers(
  db: Db,
  delivery: { subscriberId: string; userId: string },
  period: DigestPeriod,
  exclude: string[],
  followed: DigestContentPapers["followed"],
): Promise<DigestContentPapers["followed"]> {
  const added = await papersFromFollowedCollections(db, delivery.userId, {
    since: new Date(`${period.firstDay}T00:00:00Z`),
    until: period.rankedAt,
    limit: FROM_COLLECTIONS,
    exclude: [...exclude, ...followed.map((paper) => paper.id)],
    sentTo: delivery.subscriberId,
  });
  return [...followed, ...added.map(({ paper, collection }) => ({ ...digestPaperOf(paper), reason: collectionReason(collection) }))];
}
