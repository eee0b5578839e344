import "server-only";
import { AppError } from "@/lib/errors";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse, filteredSpec } from "@/server/feeds/respond";
import { decodeSegment, filterOrThrow, handleErrors } from "@/server/http/errors";
import { getCachedOrganizationPapers } from "@/server/papers/cache";

/** GET /orgs/<name>/feed.xml|json: an organization's newest papers (filtered as the list is: cat, not, code, min). */
export function createOrganizationPapersFeedHandler(format: FeedFormat) {
  return handleErrors(async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
    const name = decodeSegment((await params).name, "name");
    const filter = filterOrThrow(request);
    const page = name.length <= 200 ? await getCachedOrganizationPapers(name, null, filter) : null;
    if (!page) throw new AppError("NOT_FOUND", "No such organization on this instance");
    const { organization, papers } = page;
    const spec = {
      title: `${organization.fullName} · Daily Papers`,
      description: `Papers from ${organization.fullName}`,
      pagePath: `/orgs/${encodeURIComponent(organization.name)}`,
    };
    return feedResponse(request, format, filteredSpec(spec, filter), papers);
  });
}
