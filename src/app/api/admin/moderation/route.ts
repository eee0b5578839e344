import { siteUrl } from "@/env";
import { getAdmin } from "@/server/admin/access";
import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import { createModerationHandler } from "@/server/moderation/moderation-handler";

export const POST = createModerationHandler({
  db,
  getAdmin,
  siteUrl,
  onChange: () => pagesChanged({ from: "route", papers: "changed", db }),
});
