import "server-only";
import { queryObject, searchParamsSchema } from "@/lib/api-params";
import { AppError } from "@/lib/errors";
import { TRENDING_DAYS } from "@/lib/ranking";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse } from "@/server/feeds/respond";
import { decodeSegment, handleErrors, parseOrThrow } from "@/server/http/errors";
import { getCachedOrganizationPapers, getCachedRecentPapers, getCachedSearch, getCachedTrendingPapers } from "@/server/papers/cache";
import { normalizeQuery } from "@/server/papers/search";

// Route handlers for every feed, one factory per feed so the .xml and .json routes stay one line.

export const latestPapersFeed = (format: FeedFormat) =>
  handleErrors(async (request: Request) =>
    feedResponse(
      request,
      format,
      { title: "Daily Papers", description: "Papers of the latest feed days", pagePath: "/" },
      await getCachedRecentPapers(),
    ),
  );

export const trendingPapersFeed = (format: FeedFormat) =>
  handleErrors(async (request: Request) => {
    const { papers } = await getCachedTrendingPapers(null);
    const spec = {
      title: "Trending papers · Daily Papers",
      description: `The most upvoted papers of the last ${TRENDING_DAYS} days, with time decay`,
      pagePath: "/papers/trending",
    };
    return feedResponse(request, format, spec, papers);
  });

export const organizationPapersFeed = (format: FeedFormat) =>
  handleErrors(async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
    const name = decodeSegment((await params).name, "name");
    const page = name.length <= 200 ? await getCachedOrganizationPapers(name, null) : null;
    if (!page) throw new AppError("NOT_FOUND", "No such organization on this instance");
    const { organization, papers } = page;
    const spec = {
      title: `${organization.fullName} · Daily Papers`,
      description: `Papers from ${organization.fullName}`,
      pagePath: `/orgs/${encodeURIComponent(organization.name)}`,
    };
    return feedResponse(request, format, spec, papers);
  });

export const searchResultsFeed = (format: FeedFormat) =>
  handleErrors(async (request: Request) => {
    const { q } = parseOrThrow(searchParamsSchema.pick({ q: true }), queryObject(request.url));
    const query = normalizeQuery(q);
    const { hits } = await getCachedSearch(query);
    const spec = {
      title: `“${query}” · Daily Papers`,
      description: `Papers matching “${query}”`,
      pagePath: `/papers?q=${encodeURIComponent(query)}`,
    };
    return feedResponse(
      request,
      format,
      spec,
      hits.map((hit) => hit.paper),
    );
  });
