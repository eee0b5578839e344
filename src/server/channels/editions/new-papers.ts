import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { clip } from "@/lib/channels/message";
import { describeFilter, isFiltered, NO_FILTER, withFilter } from "@/lib/list-filter";
import { countOf } from "@/lib/plural";
import { channelPaper, type EditionSource } from "@/server/channels/editions/due-edition";
import { hourlyEditions } from "@/server/channels/editions/hourly";
import { queryRows } from "@/server/db";
import { parseStoredFilter } from "@/server/filters/default-filter";
import { paperSelect, toPaperDto } from "@/server/papers/dto";
import { filterCondition } from "@/server/papers/list-condition";

// NEW_PAPERS: papers added to the instance (Paper.createdAt, so whatever import brought them) that
// match the subscription's topic and filter, an hour's worth a post (hourly editions).

const paperId = z.object({ id: z.string(), total: z.coerce.number() });

export const newPaperEditions: EditionSource = (subscription, context) =>
  hourlyEditions(subscription, context, "new-papers", async (from, until) => {
    const { db, siteUrl } = context;
    const filter = parseStoredFilter(subscription.filter) ?? NO_FILTER;
    // Raw: the topic is a full-text query on the search vector, as a followed topic is; the hour
    // is read through the (createdAt, id) index.
    const rows = await queryRows(
      db,
      paperId,
      Prisma.sql`
        SELECT p.id, count(*) OVER () AS total FROM "Paper" p
        WHERE p."createdAt" >= ${from} AND p."createdAt" < ${until} AND p."hiddenAt" IS NULL
          AND ${filterCondition(filter)}
          ${subscription.topic ? Prisma.sql`AND p."searchVector" @@ websearch_to_tsquery('english', ${subscription.topic})` : Prisma.empty}
        ORDER BY p."upstreamUpvotes" + p."localUpvotes" DESC, p.id
        LIMIT ${subscription.topN}`,
    );
    if (rows.length === 0) return null;
    const papers = await db.paper.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: paperSelect });
    const byId = new Map(papers.map((paper) => [paper.id, toPaperDto(paper)]));
    const total = rows[0]!.total;
    const what = [subscription.topic ? `“${clip(subscription.topic, 80)}”` : null, isFiltered(filter) ? describeFilter(filter) : null]
      .filter(Boolean)
      .join(", ");
    return {
      heading: `${countOf(total, "new paper", "new papers")}${what ? ` on ${what}` : ""}${total > rows.length ? `, the top ${rows.length}` : ""}`,
      url: `${siteUrl}${withFilter("/papers", filter, { q: subscription.topic })}`,
      papers: rows.flatMap((row) => {
        const paper = byId.get(row.id);
        return paper ? [channelPaper(paper, siteUrl)] : [];
      }),
    };
  });
