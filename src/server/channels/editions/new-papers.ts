import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { clip } from "@/lib/channels/message";
import { describeFilter, isFiltered, NO_FILTER, withFilter } from "@/lib/list-filter";
import { countOf } from "@/lib/plural";
import { channelPaper, type EditionSource } from "@/server/channels/editions/due-edition";
import { queryRows } from "@/server/db";
import { parseStoredFilter } from "@/server/filters/default-filter";
import { paperSelect, toPaperDto } from "@/server/papers/dto";
import { filterCondition } from "@/server/papers/list-condition";

// NEW_PAPERS: papers added to the instance (Paper.createdAt, so whatever import brought them) that
// match the subscription's topic and filter, posted an hour's worth at a time. Each UTC hour is an
// edition, `new-papers:<subscription>:<hour>`, built from the rows of that hour alone, so every
// run that finds it due builds the same post. An hour is due WINDOW_GRACE_MS after it ends, which
// leaves time for an import's transaction that began inside it to commit. `postedThrough` moves
// past an hour once its edition is settled, so the next run starts where this one stopped.

const HOUR_MS = 3_600_000;
const WINDOW_GRACE_MS = 10 * 60_000;
/** Hours one run may catch up on per subscription (a day of downtime). */
const HOURS_PER_RUN = 24;
/** Older hours than this are skipped rather than posted late: a week-old "new paper" is not news. */
const MAX_LATENESS_MS = 2 * 24 * HOUR_MS;

const floorHour = (time: number) => Math.floor(time / HOUR_MS) * HOUR_MS;

const paperId = z.object({ id: z.string(), total: z.coerce.number() });

export const newPaperEditions: EditionSource = async function* (subscription, { db, now, siteUrl, settled }) {
  const filter = parseStoredFilter(subscription.filter) ?? NO_FILTER;
  let from = (subscription.postedThrough ?? subscription.createdAt).getTime();
  if (from < now.getTime() - MAX_LATENESS_MS) from = floorHour(now.getTime() - MAX_LATENESS_MS);
  for (let hour = 0; hour < HOURS_PER_RUN; hour += 1) {
    const until = floorHour(from) + HOUR_MS;
    if (until + WINDOW_GRACE_MS > now.getTime()) return;
    const edition = `new-papers:${subscription.id}:${new Date(floorHour(from)).toISOString()}`;
    const windowStart = from;
    const settle = async () => {
      // Conditional: of two runs settling the same hour, the cursor moves once.
      await db.channelSubscription.updateMany({
        where: { id: subscription.id, OR: [{ postedThrough: null }, { postedThrough: { lte: new Date(windowStart) } }] },
        data: { postedThrough: new Date(until) },
      });
    };
    from = until;
    if (await settled(edition)) {
      await settle();
      continue;
    }
    // Raw: the topic is a full-text query on the search vector, as a followed topic is.
    const rows = await queryRows(
      db,
      paperId,
      Prisma.sql`
        SELECT p.id, count(*) OVER () AS total FROM "Paper" p
        WHERE p."createdAt" >= ${new Date(windowStart)} AND p."createdAt" < ${new Date(until)} AND p."hiddenAt" IS NULL
          AND ${filterCondition(filter)}
          ${subscription.topic ? Prisma.sql`AND p."searchVector" @@ websearch_to_tsquery('english', ${subscription.topic})` : Prisma.empty}
        ORDER BY p."upstreamUpvotes" + p."localUpvotes" DESC, p.id
        LIMIT ${subscription.topN}`,
    );
    if (rows.length === 0) {
      yield { edition, post: null, settle };
      continue;
    }
    const papers = await db.paper.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: paperSelect });
    const byId = new Map(papers.map((paper) => [paper.id, toPaperDto(paper)]));
    const total = rows[0]!.total;
    const what = [subscription.topic ? `“${clip(subscription.topic, 80)}”` : null, isFiltered(filter) ? describeFilter(filter) : null]
      .filter(Boolean)
      .join(", ");
    yield {
      edition,
      post: {
        heading: `${countOf(total, "new paper", "new papers")}${what ? ` on ${what}` : ""}${total > rows.length ? `, the top ${rows.length}` : ""}`,
        url: `${siteUrl}${withFilter("/papers", filter, { q: subscription.topic })}`,
        papers: rows.flatMap((row) => {
          const paper = byId.get(row.id);
          return paper ? [channelPaper(paper, siteUrl)] : [];
        }),
      },
      settle,
    };
  }
};
