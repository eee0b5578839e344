import { env } from "@/env";
import { getAdmin } from "@/server/admin/access";
import { db } from "@/server/db";
import { createModerationHandler } from "@/server/moderation/moderation-handler";
import { refreshPapersFromRoute } from "@/server/papers/cache";

export const POST = createModerationHandler({ db, getAdmin, siteUrl: env.NEXTAUTH_URL, onChange: refreshPapersFromRoute });
