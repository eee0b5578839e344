import "server-only";
import { categorySchema } from "@/lib/arxiv-taxonomy";
import { AppError } from "@/lib/errors";
import { isFiltered, type ListFilter } from "@/lib/list-filter";
import { keywordSchema, scopeBasePath, scopeTitle, type PaperScope } from "@/lib/paper-scope";
import type { FeedFormat } from "@/server/feeds/render";
import { feedResponse, filteredSpec } from "@/server/feeds/respond";
import { decodeSegment, filterOrThrow, handleErrors } from "@/server/http/errors";
import type { PaperDto } from "@/server/papers/dto";

type ScopeKind = PaperScope["kind"];

/** The route's dynamic segment and what it must be, per scope. */
const SEGMENTS = {
  category: { param: "cat", schema: categorySchema },
  keyword: { param: "keyword", schema: keywordSchema },
} as const satisfies Record<ScopeKind, unknown>;

/**
 * GET /papers/category/<cat>/feed.xml|json and /papers/keyword/<keyword>/feed.xml|json: the
 * category's or keyword's papers of its latest feed days, as /papers/feed.xml has the whole feed's
 * (and filtered as lists are: cat, not, code, min).
 * An unknown category, or a keyword no paper has, is a 404 naming the parameter. `recentPapers` is
 * the cached query in the app (getCachedScopedRecentPapers), the database's in tests.
 */
export function createScopedPapersFeedHandler(
  kind: ScopeKind,
  format: FeedFormat,
  recentPapers: (scope: PaperScope, filter: ListFilter) => Promise<PaperDto[]>,
) {
  const { param, schema } = SEGMENTS[kind];
  return handleErrors(async (request: Request, { params }: { params: Promise<Record<string, string>> }) => {
    const value = decodeSegment((await params)[param] ?? "", param);
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new AppError("NOT_FOUND", `${param}: ${parsed.error.issues[0]?.message ?? "is not known here"}`, { param });
    const scope: PaperScope = { kind, value };
    const filter = filterOrThrow(request);
    const papers = await recentPapers(scope, filter);
    // A filter may leave nothing of a keyword that exists; unfiltered, no papers means no such keyword.
    if (kind === "keyword" && papers.length === 0 && !isFiltered(filter))
      throw new AppError("NOT_FOUND", `${param}: no paper here has this keyword`, { param });
    const title = scopeTitle(scope);
    const spec = { title: `${title} · Daily Papers`, description: `${title}: papers of the latest days`, pagePath: scopeBasePath(scope) };
    return feedResponse(request, format, filteredSpec(spec, filter), papers);
  });
}
