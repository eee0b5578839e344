import { z } from "zod";

export const FEED_SORTS = ["trending", "upvotes", "newest", "discussed"] as const;
export type FeedSort = (typeof FEED_SORTS)[number];

export const feedSortSchema = z.enum(FEED_SORTS, { error: `must be one of: ${FEED_SORTS.join(", ")}` });

export const FEED_SORT_LABELS: Record<FeedSort, string> = {
  trending: "Trending",
  upvotes: "Most upvoted",
  newest: "Newest",
  discussed: "Discussed",
};
