import "server-only";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "@/lib/errors";
import { postDueChannelEditions, type ChannelRunReport } from "@/server/channels/post-due";
import type { Db } from "@/server/db";

/** A claim older than this belongs to a run that died (a post is a few messages, seconds each at worst). */
export const CHANNEL_LEASE_MS = 5 * 60_000;

export interface ChannelRunOptions {
  siteUrl: string;
  key: string | undefined;
  now?: () => Date;
  onProgress?: (line: string) => void;
}

/** One run of the channel posts with the real network and clock: the cron route's and the CLI's job. */
export async function runChannelPosts(db: Db, options: ChannelRunOptions): Promise<ChannelRunReport> {
  if (!options.key) {
    if ((await db.channel.count()) === 0) return { sent: 0, "already-handled": 0, retry: 0, failed: 0, empty: 0, unreadable: 0 };
    throw new AppError(
      "CONFLICT",
      "CHANNEL_SECRET_KEY is not set, so no channel's webhook can be read: set the key the channels were added with.",
    );
  }
  return postDueChannelEditions(db, {
    fetch,
    sleep: (ms) => sleep(ms),
    now: options.now ?? (() => new Date()),
    runId: randomBytes(6).toString("hex"),
    leaseMs: CHANNEL_LEASE_MS,
    siteUrl: options.siteUrl,
    key: options.key,
    onProgress: options.onProgress,
  });
}
