import { env, siteUrl } from "@/env";
import { runChannelPosts } from "@/server/channels/channel-run";
import { createCronChannelsHandler } from "@/server/channels/cron-channels-handler";
import { db } from "@/server/db";

// A 429 may ask for up to a minute's wait, and a post is sent message by message.
export const maxDuration = 300;

export const GET = createCronChannelsHandler({
  cronSecret: env.CRON_SECRET,
  run: () => runChannelPosts(db, { siteUrl, key: env.CHANNEL_SECRET_KEY }),
});
