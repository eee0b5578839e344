import { createCommentsApiHandler } from "@/server/comments/comments-api-handler";
import { db } from "@/server/db";

export const GET = createCommentsApiHandler(db);
