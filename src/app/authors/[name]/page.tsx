import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FilterBar } from "@/components/filter-bar";
import { FilterErrorNotice, NoMatches } from "@/components/filter-notices";
import { FollowButtons } from "@/components/follow-buttons";
import { ListPager } from "@/components/list-pager";
import { PaperList } from "@/components/paper-list";
import { AUTHOR_NAME_MAX } from "@/lib/author-name";
import { describeFilter, isFiltered, listFilterOf, NO_FILTER, withFilter, type ListFilter } from "@/lib/list-filter";
import { countOf } from "@/lib/plural";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { decodePathSegment } from "@/lib/url-path";
import { getCurrentUser } from "@/server/auth/current-user";
import { getAuthorIdentity } from "@/server/authors/authorship";
import { db } from "@/server/db";
import { getViewerFollow } from "@/server/follows/follows";
import { getCachedAuthorPapers } from "@/server/papers/cache";
import { cursorParam } from "@/server/papers/list-pages";

type Params = Promise<{ name: string }>;

async function authorFor(params: Params, cursor: string | null = null, filter: ListFilter = NO_FILTER) {
  const name = decodePathSegment((await params).name);
  return name && name.length <= AUTHOR_NAME_MAX ? getCachedAuthorPapers(name, cursor, filter) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await authorFor(params);
  return { title: page ? page.author : "Author not found" };
}

export default async function AuthorPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const query = await searchParams;
  const { filter, error } = listFilterOf(query);
  const page = await authorFor(params, cursorParam(firstParam(query.cursor)), filter);
  if (!page) notFound();
  const path = `/authors/${encodeURIComponent(page.author)}`;
  const viewer = await getCurrentUser();
  const [following, identity] = await Promise.all([getViewerFollow(viewer?.id, "AUTHOR", page.author), getAuthorIdentity(db, page.author)]);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{page.author}</h1>
          <p data-testid="author-summary" className="text-sm text-gray-500 dark:text-gray-400">
            {countOf(page.totalPapers, "paper", "papers")} here, {countOf(page.totalUpvotes, "upvote", "upvotes")} in all; newest first
            {isFiltered(filter) && `. Showing the ${countOf(page.total, "paper", "papers")} ${describeFilter(filter)}`}
          </p>
          {(identity.handles.length > 0 || identity.hfUsers.length > 0) && (
            <p data-testid="author-identity" className="mt-1 text-sm text-gray-700 dark:text-gray-300">
              Verified author:{" "}
              {identity.handles.map((handle, index) => (
                <span key={handle}>
                  {index > 0 && ", "}
                  <Link
                    href={`/users/${encodeURIComponent(handle)}`}
                    className="font-medium text-indigo-700 underline dark:text-indigo-300"
                  >
                    {handle}
                  </Link>{" "}
                  here
                </span>
              ))}
              {identity.handles.length > 0 && identity.hfUsers.length > 0 && "; "}
              {identity.hfUsers.map((hfUser, index) => (
                <span key={hfUser}>
                  {index > 0 && ", "}
                  <a href={`https://huggingface.co/${encodeURIComponent(hfUser)}`} rel="noopener noreferrer" className="underline">
                    @{hfUser}
                  </a>{" "}
                  on Hugging Face
                </span>
              ))}
              . A name can be shared by several people: this says who claimed papers listed here.
            </p>
          )}
        </div>
        <FollowButtons kind="AUTHOR" value={page.author} current={following} signedIn={viewer !== null} />
      </header>
      <FilterBar filter={filter} path={path} signedIn={viewer !== null} />
      {error && <FilterErrorNotice error={error} />}
      {page.papers.length === 0 && isFiltered(filter) && <NoMatches filter={filter} clearHref={path} />}
      <PaperList papers={page.papers} startAt={page.offset + 1} />
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
