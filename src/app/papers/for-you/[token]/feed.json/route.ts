import { db } from "@/server/db";
import { createForYouFeedHandler } from "@/server/follows/private-feed";

export const GET = createForYouFeedHandler(db, "json");
