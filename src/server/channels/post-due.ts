import "server-only";
import type { ChannelSubscriptionKind } from "@/generated/prisma/client";
import { channelTarget } from "@/server/channels/channel-target";
import { deliverEdition, type EditionDependencies, type EditionOutcome } from "@/server/channels/deliver-edition";
import { commentEditions } from "@/server/channels/editions/comments";
import { dailyTopEditions } from "@/server/channels/editions/daily-top";
import type { EditionSource } from "@/server/channels/editions/due-edition";
import { groupSessionEditions } from "@/server/channels/editions/group-session";
import { newPaperEditions } from "@/server/channels/editions/new-papers";
import type { ChannelTarget } from "@/server/channels/send";
import type { Db } from "@/server/db";

// The scheduled channel posts: each subscription of a channel that is not paused names the
// editions it owes now (src/server/channels/editions), and each goes through the ledger
// (deliverEdition), which makes an edition go out once however often and however concurrently
// this runs; a cron may call it every few minutes.

/** Subscriptions one run looks at: an instance's channels are a handful. */
const SUBSCRIPTIONS_PER_RUN = 500;

const EDITION_SOURCES: Record<ChannelSubscriptionKind, EditionSource> = {
  DAILY_TOP: dailyTopEditions,
  NEW_PAPERS: newPaperEditions,
  GROUP_SESSIONS: groupSessionEditions,
  COMMENTS: commentEditions,
};

export interface ChannelRunDependencies extends EditionDependencies {
  siteUrl: string;
  /** CHANNEL_SECRET_KEY. */
  key: string;
  /** Progress for a CLI: one line per edition handled. */
  onProgress?: (line: string) => void;
}

export type ChannelRunReport = Record<EditionOutcome | "empty" | "unreadable", number>;

async function isSettled(db: Db, channelId: string, edition: string): Promise<boolean> {
  const row = await db.channelDelivery.findUnique({ where: { channelId_edition: { channelId, edition } }, select: { status: true } });
  return row?.status === "SENT" || row?.status === "FAILED";
}

export async function postDueChannelEditions(db: Db, deps: ChannelRunDependencies): Promise<ChannelRunReport> {
  const now = deps.now();
  const report: ChannelRunReport = { sent: 0, "already-handled": 0, retry: 0, failed: 0, empty: 0, unreadable: 0 };
  const subscriptions = await db.channelSubscription.findMany({
    where: { channel: { pausedAt: null } },
    include: { channel: true },
    orderBy: { createdAt: "asc" },
    take: SUBSCRIPTIONS_PER_RUN,
  });
  const targets = new Map<string, ChannelTarget | null>();
  for (const { channel, ...subscription } of subscriptions) {
    const settled = (edition: string) => isSettled(db, channel.id, edition);
    for await (const due of EDITION_SOURCES[subscription.kind](subscription, { db, now, siteUrl: deps.siteUrl, settled })) {
      if (!due.post) {
        report.empty += 1;
        await due.settle?.();
        continue;
      }
      if (!targets.has(channel.id)) {
        try {
          targets.set(channel.id, channelTarget(channel, deps.key));
        } catch (error) {
          targets.set(channel.id, null);
          await db.channel.update({
            where: { id: channel.id },
            data: { lastError: error instanceof Error ? error.message : String(error), lastErrorAt: now },
          });
        }
      }
      const target = targets.get(channel.id);
      if (!target) {
        report.unreadable += 1;
        break;
      }
      const outcome = await deliverEdition(db, channel.id, target, due.edition, due.post, deps);
      report[outcome] += 1;
      deps.onProgress?.(`${channel.name}: ${due.edition} ${outcome}`);
      // "already-handled" may be another run's claim still in flight: only a settled row moves on.
      if (outcome === "sent" || outcome === "failed" || (await settled(due.edition))) await due.settle?.();
      else break;
    }
  }
  return report;
}
