import type { Metadata } from "next";
import Link from "next/link";
import { PublicLogList } from "@/components/moderation/public-log-list";
import { buttonClasses } from "@/components/ui/button";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { db } from "@/server/db";
import { getPublicModerationLog, logCursorSchema } from "@/server/moderation/public-log";

export const metadata: Metadata = {
  title: "Moderation log",
  description: "Every moderator action on this site: what was done, to what, and why.",
  alternates: { canonical: "/moderation" },
};

export default async function ModerationLogPage({ searchParams }: { searchParams: SearchParams }) {
  // A `before` that is not ours starts from the newest.
  const before = logCursorSchema.safeParse(firstParam((await searchParams).before));
  const { entries, next } = await getPublicModerationLog(db, before.success ? before.data : null);
  return (
    <div className="flex flex-col gap-6">
      <header className="max-w-2xl">
        <h1 className="text-2xl font-bold">Moderation log</h1>
        <p className="mt-1 text-gray-600 dark:text-gray-400">
          Every action the moderators take here, newest first: what they hid, unhid, banned or dismissed, and why. Moderators are named by a
          stable pseudonym, accounts by their public name; a reason a moderator marked private reads “(private)”.
        </p>
      </header>

      {entries.length > 0 ? (
        <PublicLogList entries={entries} />
      ) : (
        <p className="rounded-xl border border-dashed border-gray-300 px-6 py-12 text-center text-gray-600 dark:border-gray-700 dark:text-gray-400">
          {before.success ? "No older actions." : "No moderator has acted yet."}
        </p>
      )}

      {(before.success || next) && (
        <nav aria-label="More of the log" className="flex flex-wrap gap-2 text-sm">
          {before.success && (
            <Link href="/moderation" className={buttonClasses({ tone: "secondary", size: "sm" })}>
              Newest
            </Link>
          )}
          {next && (
            <Link href={`/moderation?before=${next}`} rel="next" className={buttonClasses({ tone: "secondary", size: "sm" })}>
              Older actions
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
