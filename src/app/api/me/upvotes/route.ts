import { db } from "@/server/db";
import { createUpvotesListHandler } from "@/server/votes/upvotes-api-handlers";

export const GET = createUpvotesListHandler(db);
