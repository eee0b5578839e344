import "server-only";
import { fromIsoDate } from "@/lib/dates";
import type { DigestPeriod } from "@/lib/digest-period";
import { rankByTrending } from "@/lib/ranking";
import type { Db } from "@/server/db";
import type { DigestPaper } from "@/server/digest/email";

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
  return ranked.map((paper) => ({
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authorCount: paper.authors.length,
    organization: paper.organization?.fullName ?? null,
    upvotes: paper.upvotes,
  }));
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
