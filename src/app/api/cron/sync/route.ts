import { env } from "@/env";
import { runConfiguredSync } from "@/server/sync/configured-sync";
import { createCronSyncHandler } from "@/server/sync/cron-sync-handler";

// arXiv asks for 3 s between requests, so a catch-up over many pages takes a while.
export const maxDuration = 300;

export const GET = createCronSyncHandler({
  cronSecret: env.CRON_SECRET,
  sync: () => runConfiguredSync((message) => console.log(`[sync] ${message}`)),
});
