import { db } from "@/server/db";
import { createFollowHandler } from "@/server/follows/follows-api-handlers";

/** PUT /api/me/follows/<kind>/<value> follows (or mutes), DELETE unfollows. */
export const PUT = createFollowHandler(db, true);
export const DELETE = createFollowHandler(db, false);
