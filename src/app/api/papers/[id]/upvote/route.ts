import { createUpvoteHandler } from "@/server/api/upvote-handler";
import { siteUrl } from "@/server/auth/auth";
import { db } from "@/server/db";
import { refreshPapersFromRoute } from "@/server/revalidate-papers";
import { UPVOTE_RATE_LIMIT } from "@/server/upvote-service";

const handler = createUpvoteHandler({ db, siteUrl, rateLimit: UPVOTE_RATE_LIMIT, onChange: refreshPapersFromRoute });

export { handler as POST, handler as DELETE };
