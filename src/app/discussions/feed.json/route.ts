import { siteUrl } from "@/env";
import { db } from "@/server/db";
import { createDiscussionsFeedHandler } from "@/server/discussions/discussions-feed-handler";

export const GET = createDiscussionsFeedHandler("json", { db, siteUrl });
