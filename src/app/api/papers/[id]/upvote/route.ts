import { siteUrl } from "@/server/auth/auth";
import { db } from "@/server/db";
import { revalidatePapersFromRoute } from "@/server/papers/cache";
import { createUpvoteHandler } from "@/server/votes/handler";
import { UPVOTE_RATE_LIMIT } from "@/server/votes/votes";

const handler = createUpvoteHandler({ db, siteUrl, rateLimit: UPVOTE_RATE_LIMIT, onChange: revalidatePapersFromRoute });

export { handler as POST, handler as DELETE };
