import { siteUrl } from "@/env";
import { getAdmin } from "@/server/admin/access";
import { createSyncNowHandler } from "@/server/admin/sync-now-handler";
import { runConfiguredSync } from "@/server/sync/configured-sync";

export const maxDuration = 300;

export const POST = createSyncNowHandler({
  getAdmin,
  sync: () => runConfiguredSync((message) => console.log(`[sync] ${message}`)),
  siteUrl,
});
