import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NOT_FOUND_TITLES } from "@/components/not-found-titles";
import { PeriodView } from "@/components/period-view";
import { scopeMetadata } from "@/components/scope-header";
import { TrendingView } from "@/components/trending-view";
import { toIsoDate } from "@/lib/dates";
import { parseScope, scopeBasePath, type PaperScope } from "@/lib/paper-scope";
import { parsePeriod, periodLabel, type PeriodKind } from "@/lib/periods";
import type { SearchParams } from "@/lib/search-params";
import { decodePathSegment } from "@/lib/url-path";
import { getCachedScopedLatestFeedDate } from "@/server/papers/cache";

// The page modules under /papers/category/[cat] and /papers/keyword/[keyword]: the main feed's
// views (latest day, day, week, month, trending) for one category, archive or keyword.

type ScopeKind = PaperScope["kind"];
type Params = Promise<Record<string, string>>;
interface PageProps {
  params: Params;
  searchParams: SearchParams;
}

/** The folder name of each scope's dynamic segment. */
const SEGMENT: Record<ScopeKind, string> = { category: "cat", keyword: "keyword" };

async function scopeFrom(kind: ScopeKind, params: Params): Promise<PaperScope | null> {
  const text = decodePathSegment((await params)[SEGMENT[kind]] ?? "");
  return text === null ? null : parseScope(kind, text);
}

/** `/papers/category/[cat]`: the latest day with papers in the category (today's, empty, when it has none yet). */
export function scopedLatestPage(kind: ScopeKind) {
  return {
    async generateMetadata({ params }: { params: Params }): Promise<Metadata> {
      const scope = await scopeFrom(kind, params);
      return scope ? scopeMetadata(scope, null) : { title: NOT_FOUND_TITLES[kind] };
    },
    async Page({ params, searchParams }: PageProps) {
      const scope = await scopeFrom(kind, params);
      if (!scope) notFound();
      const latest = (await getCachedScopedLatestFeedDate(scope)) ?? toIsoDate(new Date());
      return <PeriodView kind="date" periodKey={latest} searchParams={searchParams} scope={scope} listPath={scopeBasePath(scope)} />;
    },
  };
}

/** `/papers/category/[cat]/date/[date]`, `.../week/[week]`, `.../month/[month]`. */
export function scopedPeriodPage(kind: ScopeKind, periodKind: PeriodKind) {
  return {
    async generateMetadata({ params }: { params: Params }): Promise<Metadata> {
      const scope = await scopeFrom(kind, params);
      const period = parsePeriod(periodKind, (await params)[periodKind] ?? "");
      if (!scope) return { title: NOT_FOUND_TITLES[kind] };
      return period ? scopeMetadata(scope, periodLabel(period)) : { title: NOT_FOUND_TITLES[periodKind] };
    },
    async Page({ params, searchParams }: PageProps) {
      const scope = await scopeFrom(kind, params);
      if (!scope) notFound();
      return <PeriodView kind={periodKind} periodKey={(await params)[periodKind] ?? ""} searchParams={searchParams} scope={scope} />;
    },
  };
}

/** `/papers/category/[cat]/trending`. */
export function scopedTrendingPage(kind: ScopeKind) {
  return {
    async generateMetadata({ params }: { params: Params }): Promise<Metadata> {
      const scope = await scopeFrom(kind, params);
      return scope ? scopeMetadata(scope, "Trending") : { title: NOT_FOUND_TITLES[kind] };
    },
    async Page({ params, searchParams }: PageProps) {
      const scope = await scopeFrom(kind, params);
      if (!scope) notFound();
      return <TrendingView searchParams={searchParams} scope={scope} />;
    },
  };
}
