import { siteUrl } from "@/env";
import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import { createUpvoteHandler } from "@/server/votes/upvote-handler";
import { UPVOTE_RATE_LIMIT } from "@/server/votes/votes";

const handler = createUpvoteHandler({
  db,
  siteUrl,
  rateLimit: UPVOTE_RATE_LIMIT,
  onChange: () => pagesChanged({ from: "route", papers: "announced" }),
});

export { handler as POST, handler as DELETE };
