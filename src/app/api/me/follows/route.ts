import { db } from "@/server/db";
import { createFollowsListHandler } from "@/server/follows/follows-api-handlers";

export const GET = createFollowsListHandler(db);
