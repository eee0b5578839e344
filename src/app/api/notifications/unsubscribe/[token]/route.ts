import { env } from "@/env";
import { db } from "@/server/db";
import { createReplyUnsubscribeHandlers } from "@/server/notifications/unsubscribe-handler";

export const { GET, POST } = createReplyUnsubscribeHandlers(db, env.NEXTAUTH_URL);
