import "server-only";
import { toIsoDate } from "@/lib/dates";
import { describeFilter, isFiltered, NO_FILTER, withFilter } from "@/lib/list-filter";
import { formatDay, parsePeriod } from "@/lib/periods";
import { channelPaper, type EditionSource } from "@/server/channels/editions/due-edition";
import { parseStoredFilter } from "@/server/filters/default-filter";
import { getLatestFeedDate, getPeriodFeed } from "@/server/papers/feed";

/**
 * DAILY_TOP: once the subscription's UTC hour has come, the newest feed day's top papers (of its
 * filter), as the edition `daily-top:<subscription>:<day>`.
 */
export const dailyTopEditions: EditionSource = async function* (subscription, { db, now, siteUrl, settled }) {
  if (now.getUTCHours() < subscription.hourUtc) return;
  const filter = parseStoredFilter(subscription.filter) ?? NO_FILTER;
  const day = await getLatestFeedDate(db, { filter }, toIsoDate(now));
  if (!day) return;
  const edition = `daily-top:${subscription.id}:${day}`;
  if (await settled(edition)) return;
  const page = await getPeriodFeed(db, parsePeriod("date", day)!, "trending", now, { limit: subscription.topN }, { filter });
  yield {
    edition,
    post: {
      heading: `Top ${page.papers.length} papers of ${formatDay(day)}${isFiltered(filter) ? `, ${describeFilter(filter)}` : ""}`,
      url: `${siteUrl}${withFilter(`/papers/date/${day}`, filter)}`,
      papers: page.papers.map((paper) => channelPaper(paper, siteUrl)),
    },
  };
};
