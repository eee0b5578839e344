import "server-only";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { parsePeriod } from "@/lib/periods";
import { channelTarget } from "@/server/channels/channel-target";
import { channelPaper } from "@/server/channels/editions/due-edition";
import { sendPost, type SendDependencies } from "@/server/channels/send";
import type { Db } from "@/server/db";
import { getLatestFeedDate, getPeriodFeed } from "@/server/papers/feed";

// "Send test message" on /admin: one post, outside the ledger (an operator may test as often as
// they like), showing the channel's format with the newest day's top paper. Its answer is the
// channel's state: a success clears the last error, a failure records it, as a delivery would.

const SERVICE_NAMES = { SLACK: "Slack", DISCORD: "Discord", MATRIX: "The Matrix homeserver", WEBHOOK: "The webhook" } as const;

export interface TestMessageDependencies extends SendDependencies {
  key: string | undefined;
  siteUrl: string;
}

export async function sendTestMessage(db: Db, channelId: string, deps: TestMessageDependencies): Promise<string> {
  const channel = await db.channel.findUnique({ where: { id: channelId } });
  if (!channel) throw new AppError("NOT_FOUND", "That channel was removed.");
  if (!deps.key) throw new AppError("CONFLICT", "CHANNEL_SECRET_KEY is not set, so the channel's webhook cannot be read.");
  let target;
  try {
    target = channelTarget(channel, deps.key);
  } catch {
    throw new AppError(
      "CONFLICT",
      "The channel's secret cannot be opened with this CHANNEL_SECRET_KEY: was the key changed? Remove the channel and add it again.",
    );
  }
  const now = deps.now();
  const day = await getLatestFeedDate(db, {}, now.toISOString().slice(0, 10));
  const papers = day ? (await getPeriodFeed(db, parsePeriod("date", day)!, "trending", now, { limit: 1 })).papers : [];
  const outcome = await sendPost(
    target,
    {
      heading: `Test message from Daily Papers: “${channel.name}” is connected`,
      url: deps.siteUrl,
      papers: papers.map((paper) => ({ ...channelPaper(paper, deps.siteUrl), note: "This is how papers will look here." })),
    },
    `test-${randomBytes(6).toString("hex")}`,
    deps,
  );
  const service = SERVICE_NAMES[channel.kind];
  if (outcome.ok) {
    await db.channel.update({ where: { id: channelId }, data: { failures: 0, lastError: null, lastErrorAt: null } });
    return `${service} accepted the test message.`;
  }
  await db.channel.update({ where: { id: channelId }, data: { lastError: outcome.message, lastErrorAt: now } });
  throw new AppError("UPSTREAM_UNAVAILABLE", `${service} refused the test message: ${outcome.message}`);
}
