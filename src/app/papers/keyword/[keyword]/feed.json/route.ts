import { createScopedPapersFeedHandler } from "@/server/feeds/scoped-papers-feed-handler";
import { getCachedScopedRecentPapers } from "@/server/papers/cache";

export const GET = createScopedPapersFeedHandler("keyword", "json", getCachedScopedRecentPapers);
