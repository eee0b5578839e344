import "server-only";
import type { ChannelSubscriptionKind } from "@/generated/prisma/client";
import type { SubscriptionInput } from "@/lib/channels/subscription-input";
import { AppError } from "@/lib/errors";
import { describeFilter, isFiltered } from "@/lib/list-filter";
import type { Db } from "@/server/db";
import { parseStoredFilter, storedFilter } from "@/server/filters/default-filter";

/** A channel posts a few things, not a feed reader's worth. */
export const MAX_SUBSCRIPTIONS_PER_CHANNEL = 10;

export interface SubscriptionSummary {
  id: string;
  kind: ChannelSubscriptionKind;
  /** What it posts, in words: "Top 10 papers of each day at 08:00 UTC, in cs.CL". */
  description: string;
}

/** Adds what a channel posts. A new-papers subscription starts from now: it does not post the past. */
export async function addSubscription(db: Db, channelId: string, input: SubscriptionInput, now: Date): Promise<void> {
  if ((await db.channelSubscription.count({ where: { channelId } })) >= MAX_SUBSCRIPTIONS_PER_CHANNEL)
    throw new AppError("CONFLICT", `A channel has at most ${MAX_SUBSCRIPTIONS_PER_CHANNEL} subscriptions.`);
  switch (input.what) {
    case "DAILY_TOP":
      await db.channelSubscription.create({
        data: { channelId, kind: "DAILY_TOP", topN: input.topN, hourUtc: input.hourUtc, filter: storedFilter(input.filter) },
      });
      return;
    case "NEW_PAPERS":
      await db.channelSubscription.create({
        data: {
          channelId,
          kind: "NEW_PAPERS",
          topN: input.topN,
          topic: input.topic,
          filter: storedFilter(input.filter),
          postedThrough: now,
        },
      });
      return;
    case "COMMENTS":
      await db.channelSubscription.create({ data: { channelId, kind: "COMMENTS", postedThrough: now } });
      return;
    case "GROUP_SESSIONS": {
      const group = await db.readingGroup.findUnique({ where: { slug: input.group }, select: { id: true } });
      if (!group) throw new AppError("NOT_FOUND", `There is no reading group at /groups/${input.group}.`, { param: "group" });
      await db.channelSubscription.create({ data: { channelId, kind: "GROUP_SESSIONS", groupId: group.id } });
    }
  }
}

const hour = (value: number) => `${String(value).padStart(2, "0")}:00 UTC`;

export async function listSubscriptions(db: Db, channelIds: string[]): Promise<Map<string, SubscriptionSummary[]>> {
  const rows = await db.channelSubscription.findMany({
    where: { channelId: { in: channelIds } },
    orderBy: { createdAt: "asc" },
    include: { group: { select: { name: true, slug: true } } },
  });
  const byChannel = new Map<string, SubscriptionSummary[]>();
  for (const row of rows) {
    const filter = parseStoredFilter(row.filter);
    const inFilter = filter && isFiltered(filter) ? `, ${describeFilter(filter)}` : "";
    const description =
      row.kind === "DAILY_TOP"
        ? `Top ${row.topN} papers of each day at ${hour(row.hourUtc)}${inFilter}`
        : row.kind === "NEW_PAPERS"
          ? `New papers${row.topic ? ` on “${row.topic}”` : ""}${inFilter}, hourly, up to ${row.topN} a post`
          : row.kind === "COMMENTS"
            ? "New comments on papers posted here in the last 30 days, hourly"
            : `Sessions of ${row.group?.name ?? "a deleted group"} (/groups/${row.group?.slug ?? "?"}), the day before`;
    byChannel.set(row.channelId, [...(byChannel.get(row.channelId) ?? []), { id: row.id, kind: row.kind, description }]);
  }
  return byChannel;
}
