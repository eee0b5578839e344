import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthorClaimsPanel } from "@/components/admin/author-claims-panel";
import { ChannelsPanel } from "@/components/admin/channels-panel";
import { DigestEditions } from "@/components/admin/digest-editions";
import { ModerationPanel } from "@/components/admin/moderation-panel";
import { ReportFloodList } from "@/components/admin/report-flood-list";
import { SyncNowForm } from "@/components/admin/sync-now-form";
import { SyncRunsTable } from "@/components/admin/sync-runs-table";
import { env } from "@/env";
import { MODERATION_LABELS, type ModerationKindName } from "@/lib/moderation";
import { formatDay } from "@/lib/periods";
import { countOf } from "@/lib/plural";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { getAdmin } from "@/server/admin/access";
import { getAdminOverview, STALE_FEED_DAYS } from "@/server/admin/overview";
import { listPendingClaims } from "@/server/authors/author-claims";
import { listChannels } from "@/server/channels/channels";
import { listSubscriptions } from "@/server/channels/subscriptions";
import { db } from "@/server/db";
import { getModerationQueue } from "@/server/moderation/queue";
import { getReportFlood } from "@/server/moderation/report-flood";
import { CATEGORY_REQUESTS_PER_RUN, IDS_PER_REQUEST } from "@/server/sync/enrich-categories";

export const metadata: Metadata = { title: "Operator console", robots: { index: false } };

const sectionClass = "rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900";

const SYNC_MESSAGES: Record<string, { text: string; tone: string }> = {
  done: { text: "Sync finished.", tone: "text-green-700 dark:text-green-400" },
  failed: { text: "Sync finished, but a source failed: see its error below.", tone: "text-red-700 dark:text-red-400" },
  busy: { text: "A sync was already running, so nothing new was started.", tone: "text-amber-700 dark:text-amber-400" },
};

export default async function AdminPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await getAdmin())) notFound();
  const [overview, queue, flood, claims, channels, query] = await Promise.all([
    getAdminOverview(db, new Date()),
    getModerationQueue(db),
    getReportFlood(db),
    listPendingClaims(db),
    listChannels(db),
    searchParams,
  ]);
  const subscriptions = await listSubscriptions(
    db,
    channels.map((channel) => channel.id),
  );
  const message = SYNC_MESSAGES[firstParam(query.sync) ?? ""];
  const moderatedKind = firstParam(query.moderated);
  const moderated = moderatedKind && moderatedKind in MODERATION_LABELS ? MODERATION_LABELS[moderatedKind as ModerationKindName] : null;
  const stale = overview.feedAgeDays === null || overview.feedAgeDays > STALE_FEED_DAYS;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Operator console</h1>

      <section aria-labelledby="feed-heading" className={sectionClass}>
        <h2 id="feed-heading" className="text-lg font-semibold">
          Feed
        </h2>
        <p data-testid="feed-age" className={`mt-2 ${stale ? "font-medium text-red-700 dark:text-red-400" : ""}`}>
          {overview.latestFeedDay
            ? `Newest feed day: ${formatDay(overview.latestFeedDay)} (${overview.feedAgeDays === 0 ? "today" : `${overview.feedAgeDays} days ago`}).`
            : "The feed is empty."}
          {stale && " The feed is stale: check the sync runs below."}
        </p>
        <dl className="mt-3 grid grid-cols-3 gap-3 text-sm sm:max-w-md">
          {(["papers", "users", "votes"] as const).map((kind) => (
            <div key={kind}>
              <dt className="text-gray-500 capitalize dark:text-gray-400">{kind} added</dt>
              <dd>
                {overview.added[kind].today} today, {overview.added[kind].week} this week
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="sync-heading" className={sectionClass}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="sync-heading" className="text-lg font-semibold">
            Sync
          </h2>
          <SyncNowForm />
        </div>
        {message && (
          <p role="status" className={`mt-2 font-medium ${message.tone}`}>
            {message.text}
          </p>
        )}
        <SyncRunsTable runs={overview.syncRuns} />
        <p data-testid="papers-lacking-categories" className="mt-3 text-sm text-gray-600 dark:text-gray-400">
          {overview.papersLackingCategories === 0
            ? "Every paper has its arXiv categories."
            : `${countOf(overview.papersLackingCategories, "paper lacks", "papers lack")} categories: each sync asks arXiv for up to ${countOf(CATEGORY_REQUESTS_PER_RUN * IDS_PER_REQUEST, "paper", "papers")}, newest first.`}
        </p>
      </section>

      <section id="moderation" aria-labelledby="moderation-heading" className={sectionClass}>
        <h2 id="moderation-heading" className="text-lg font-semibold">
          Moderation {queue.reports.length > 0 && <span className="text-gray-500 dark:text-gray-400">({queue.reports.length} open)</span>}
        </h2>
        {moderated && (
          <p role="status" className="mt-2 font-medium text-green-700 dark:text-green-400">
            Done: {moderated}.
          </p>
        )}
        <div className="mt-3">
          <ModerationPanel reports={queue.reports} log={queue.log} />
        </div>
        <div className="mt-5">
          <ReportFloodList flood={flood} />
        </div>
        <h3 id="author-claims" className="mt-6 font-semibold">
          Author claims {claims.length > 0 && <span className="text-gray-500 dark:text-gray-400">({claims.length} to decide)</span>}
        </h3>
        <div className="mt-2">
          <AuthorClaimsPanel claims={claims} />
        </div>
      </section>

      <section id="channels" aria-labelledby="channels-heading" className={sectionClass}>
        <h2 id="channels-heading" className="text-lg font-semibold">
          Channels
        </h2>
        <ChannelsPanel channels={channels} subscriptions={subscriptions} keyConfigured={Boolean(env.CHANNEL_SECRET_KEY)} />
      </section>

      <section aria-labelledby="digest-heading" className={sectionClass}>
        <h2 id="digest-heading" className="text-lg font-semibold">
          Digests
        </h2>
        <DigestEditions digests={overview.digests} />
      </section>

      <section aria-labelledby="subscribers-heading" className={sectionClass}>
        <h2 id="subscribers-heading" className="text-lg font-semibold">
          Subscribers
        </h2>
        {overview.subscribers.length === 0 ? (
          <p className="mt-2 text-gray-600 dark:text-gray-400">No subscribers yet.</p>
        ) : (
          <ul className="mt-2 text-sm">
            {overview.subscribers.map((row) => (
              <li key={`${row.status}-${row.cadence}`}>
                {row.status.toLowerCase()}, {row.cadence.toLowerCase()}: {row.count}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
