import type { Metadata } from "next";
import Link from "next/link";
import { ActiveThreadList } from "@/components/discussions/active-thread-list";
import { buttonClasses } from "@/components/ui/button";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { db } from "@/server/db";
import { listActiveThreads, threadsCursorSchema } from "@/server/discussions/active-threads";

export const metadata: Metadata = {
  title: "Discussions",
  description: "Where readers are talking: papers by their latest comment.",
  alternates: {
    canonical: "/discussions",
    types: {
      "application/rss+xml": [{ url: "/discussions/feed.xml", title: "Newest comments (RSS)" }],
      "application/feed+json": [{ url: "/discussions/feed.json", title: "Newest comments (JSON Feed)" }],
    },
  },
};

const linkClass = "font-medium text-indigo-700 hover:underline dark:text-indigo-300";

export default async function DiscussionsPage({ searchParams }: { searchParams: SearchParams }) {
  // A `before` that is not ours starts from the newest, as a list's unknown cursor does.
  const before = threadsCursorSchema.safeParse(firstParam((await searchParams).before));
  const { threads, next } = await listActiveThreads(db, before.success ? before.data : null);
  return (
    <div className="flex flex-col gap-6">
      <header className="max-w-2xl">
        <h1 className="text-2xl font-bold">Discussions</h1>
        <p className="mt-1 text-gray-600 dark:text-gray-400">
          Papers by their latest comment, newest first. Follow the newest comments in a feed reader:{" "}
          <a href="/discussions/feed.xml" className={linkClass}>
            RSS
          </a>{" "}
          or{" "}
          <a href="/discussions/feed.json" className={linkClass}>
            JSON Feed
          </a>
          .
        </p>
      </header>

      {threads.length > 0 ? (
        <ActiveThreadList threads={threads} />
      ) : next ? (
        <p className="text-gray-600 dark:text-gray-400">These comments are all on papers listed before; the discussions go on below.</p>
      ) : (
        <section className="rounded-xl border border-dashed border-gray-300 px-6 py-12 text-center dark:border-gray-700">
          <h2 className="text-lg font-semibold">{before.success ? "No older discussions" : "No discussions yet"}</h2>
          <p className="mt-1 text-gray-600 dark:text-gray-400">
            {before.success ? "Every paper with comments is on the pages before this one." : "Nobody has commented on a paper here yet."}{" "}
            <Link href={before.success ? "/discussions" : "/"} className={linkClass}>
              {before.success ? "Back to the newest" : "Find a paper to discuss"}
            </Link>
          </p>
        </section>
      )}

      {(before.success || next) && (
        <nav aria-label="More discussions" className="flex flex-wrap gap-2 text-sm">
          {before.success && (
            <Link href="/discussions" className={buttonClasses({ tone: "secondary", size: "sm" })}>
              Newest
            </Link>
          )}
          {next && (
            <Link
              href={`/discussions?before=${encodeURIComponent(next)}`}
              rel="next"
              data-testid="older-discussions"
              className={buttonClasses({ tone: "secondary", size: "sm" })}
            >
              Older discussions
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
