import "server-only";
import { z } from "zod";
import { DAY_MARKDOWN_PAPERS, dayMarkdown } from "@/lib/agents/day-markdown";
import { toIsoDate } from "@/lib/dates";
import { parsePeriod, periodPath } from "@/lib/periods";
import { handleMarkdownErrors, markdownResponse } from "@/server/agents/respond";
import type { Db } from "@/server/db";
import { decodeSegment, parseOrThrow } from "@/server/http/errors";
import { getPeriodFeed } from "@/server/papers/feed";

const paramsSchema = z.object({
  date: z.string().refine((key) => parsePeriod("date", key) !== null, "must be a real date in the form YYYY-MM-DD"),
});

/**
 * GET /papers/date/<YYYY-MM-DD>.md (the proxy rewrites it to /md/papers/date/<date>): the day's
 * first papers in trending order as Markdown, with the nearest days that have papers; a day
 * without papers is a 200 that says so.
 */
export function createDayMarkdownHandler({ db, siteUrl }: { db: Db; siteUrl: string }) {
  return handleMarkdownErrors(siteUrl, async (request: Request, { params }: { params: Promise<{ date: string }> }) => {
    const { date } = parseOrThrow(paramsSchema, { date: decodeSegment((await params).date, "date") });
    const period = parsePeriod("date", date)!;
    const now = new Date();
    // The same frozen order as the day's page and the API's first page (no filter).
    const feed = await getPeriodFeed(db, period, "trending", now, { offset: 0, limit: DAY_MARKDOWN_PAPERS });
    const markdown = dayMarkdown(
      {
        day: period.key,
        papers: feed.papers,
        total: feed.total,
        previous: feed.previous?.key ?? null,
        next: feed.next?.key ?? null,
        today: toIsoDate(now),
      },
      siteUrl,
    );
    return markdownResponse(request, markdown, `${siteUrl}${periodPath(period)}`);
  });
}
