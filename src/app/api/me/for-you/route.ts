import { db } from "@/server/db";
import { createForYouApiHandler } from "@/server/recs/for-you-api-handler";

export const GET = createForYouApiHandler(db);
