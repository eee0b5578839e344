import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FilterBar } from "@/components/filter-bar";
import { FilterErrorNotice, NoMatches } from "@/components/filter-notices";
import { FollowButtons } from "@/components/follow-buttons";
import { ListPager } from "@/components/list-pager";
import { OrgAvatar } from "@/components/org-badge";
import { PaperList } from "@/components/paper-list";
import { describeFilter, isFiltered, listFilterOf, NO_FILTER, withFilter, type ListFilter } from "@/lib/list-filter";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { decodePathSegment } from "@/lib/url-path";
import { getCurrentUser } from "@/server/auth/current-user";
import { getViewerFollow } from "@/server/follows/follows";
import { getCachedOrganizationPapers } from "@/server/papers/cache";
import { cursorParam } from "@/server/papers/list-pages";

type Params = Promise<{ name: string }>;

async function organizationFor(params: Params, cursor: string | null = null, filter: ListFilter = NO_FILTER) {
  const name = decodePathSegment((await params).name);
  return name && name.length <= 200 ? getCachedOrganizationPapers(name, cursor, filter) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await organizationFor(params);
  if (!page) return { title: "Organization not found" };
  const feed = `/orgs/${encodeURIComponent(page.organization.name)}/feed`;
  return {
    title: page.organization.fullName,
    alternates: { types: { "application/rss+xml": `${feed}.xml`, "application/feed+json": `${feed}.json` } },
  };
}

export default async function OrganizationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const query = await searchParams;
  const { filter, error } = listFilterOf(query);
  const page = await organizationFor(params, cursorParam(firstParam(query.cursor)), filter);
  if (!page) notFound();
  const path = `/orgs/${encodeURIComponent(page.organization.name)}`;
  const viewer = await getCurrentUser();
  const following = await getViewerFollow(viewer?.id, "ORGANIZATION", page.organization.name);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-center gap-3">
        <OrgAvatar organization={page.organization} sizeClass="size-12" />
        <div>
          <h1 className="text-2xl font-bold">{page.organization.fullName}</h1>
          <p className="text-sm text-gray-500 dark:text-gray-400">
            {page.total === 1 ? "1 paper" : `${page.total.toLocaleString("en-US")} papers`}
            {isFiltered(filter) && ` ${describeFilter(filter)}`}, newest first
          </p>
        </div>
        <div className="ml-auto">
          <FollowButtons kind="ORGANIZATION" value={page.organization.name} current={following} signedIn={viewer !== null} canMute />
        </div>
      </header>
      <FilterBar filter={filter} path={path} signedIn={viewer !== null} />
      {error && <FilterErrorNotice error={error} />}
      {page.papers.length === 0 && isFiltered(filter) && <NoMatches filter={filter} clearHref={path} />}
      <PaperList papers={page.papers} startAt={page.offset + 1} context={{ organization: page.organization.name }} />
      <ListPager
        offset={page.offset}
        count={page.papers.length}
        total={page.total}
        nextHref={page.nextCursor && withFilter(path, filter, { cursor: page.nextCursor })}
        firstHref={withFilter(path, filter)}
      />
    </div>
  );
}
