import { pagesChanged } from "@/server/changes/pages-changed";
import { db } from "@/server/db";
import { createUpvoteSetHandler } from "@/server/votes/upvotes-api-handlers";

const deps = { db, onChange: () => pagesChanged({ from: "route", papers: "announced" }) };

/** PUT /api/me/upvotes/<arXiv id> upvotes the paper, DELETE takes the upvote back (old-style ids with the slash encoded). */
export const PUT = createUpvoteSetHandler(deps, true);
export const DELETE = createUpvoteSetHandler(deps, false);
