import { db } from "@/server/db";
import { createForYouFeedHandler } from "@/server/follows/for-you-feed-handler";

export const GET = createForYouFeedHandler(db, "json");
