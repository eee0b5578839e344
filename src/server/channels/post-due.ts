import "server-only";
import type { Channel } from "@/generated/prisma/client";
import type { ChannelPost } from "@/lib/channels/message";
import { toIsoDate } from "@/lib/dates";
import { describeFilter, isFiltered, NO_FILTER, withFilter } from "@/lib/list-filter";
import { formatDay, parsePeriod } from "@/lib/periods";
import { deliverEdition, type EditionDependencies, type EditionOutcome } from "@/server/channels/deliver-edition";
import { openSecret } from "@/server/channels/secret-box";
import type { ChannelTarget } from "@/server/channels/send";
import type { Db } from "@/server/db";
import { parseStoredFilter } from "@/server/filters/default-filter";
import { getLatestFeedDate, getPeriodFeed } from "@/server/papers/feed";

// The scheduled channel posts: for each subscription of a channel that is not paused, once its
// UTC hour has come, the newest feed day's top papers (of its filter), as the edition
// `daily-top:<subscription>:<day>`. The ledger (deliverEdition) makes each edition go out once
// however often and however concurrently this runs, so a cron may call it every few minutes.

/** Subscriptions one run looks at: an instance's channels are a handful. */
const SUBSCRIPTIONS_PER_RUN = 500;

export interface ChannelRunDependencies extends EditionDependencies {
  siteUrl: string;
  /** CHANNEL_SECRET_KEY. */
  key: string;
}

export type ChannelRunReport = Record<EditionOutcome | "unreadable", number>;

function targetOf(channel: Channel, key: string): ChannelTarget {
  const secret = openSecret(channel.secret, key);
  switch (channel.kind) {
    case "SLACK":
    case "DISCORD":
      return { kind: channel.kind, webhookUrl: secret };
    case "WEBHOOK":
      return { kind: "WEBHOOK", webhookUrl: secret, signingKey: openSecret(channel.signingKey!, key) };
    case "MATRIX":
      return { kind: "MATRIX", homeserver: channel.homeserver!, roomId: channel.roomId!, accessToken: secret };
  }
}

export async function postDueChannelEditions(db: Db, deps: ChannelRunDependencies): Promise<ChannelRunReport> {
  const now = deps.now();
  const report: ChannelRunReport = { sent: 0, "already-handled": 0, retry: 0, failed: 0, unreadable: 0 };
  const subscriptions = await db.channelSubscription.findMany({
    where: { kind: "DAILY_TOP", hourUtc: { lte: now.getUTCHours() }, channel: { pausedAt: null } },
    include: { channel: true },
    orderBy: { createdAt: "asc" },
    take: SUBSCRIPTIONS_PER_RUN,
  });
  for (const subscription of subscriptions) {
    const filter = parseStoredFilter(subscription.filter) ?? NO_FILTER;
    const day = await getLatestFeedDate(db, { filter }, toIsoDate(now));
    if (!day) continue;
    const edition = `daily-top:${subscription.id}:${day}`;
    const done = await db.channelDelivery.findUnique({
      where: { channelId_edition: { channelId: subscription.channelId, edition } },
      select: { status: true },
    });
    if (done && (done.status === "SENT" || done.status === "FAILED")) {
      report["already-handled"] += 1;
      continue;
    }
    let target: ChannelTarget;
    try {
      target = targetOf(subscription.channel, deps.key);
    } catch (error) {
      report.unreadable += 1;
      await db.channel.update({
        where: { id: subscription.channelId },
        data: { lastError: error instanceof Error ? error.message : String(error), lastErrorAt: now },
      });
      continue;
    }
    const page = await getPeriodFeed(db, parsePeriod("date", day)!, "trending", now, { limit: subscription.topN }, { filter });
    const post: ChannelPost = {
      heading: `Top ${page.papers.length} papers of ${formatDay(day)}${isFiltered(filter) ? `, ${describeFilter(filter)}` : ""}`,
      url: `${deps.siteUrl}${withFilter(`/papers/date/${day}`, filter)}`,
      papers: page.papers.map((paper) => ({
        id: paper.id,
        title: paper.title,
        url: `${deps.siteUrl}/papers/${paper.id}`,
        upvotes: paper.upvotes,
        organization: paper.organization?.fullName ?? null,
      })),
    };
    report[await deliverEdition(db, subscription.channelId, target, edition, post, deps)] += 1;
  }
  return report;
}
