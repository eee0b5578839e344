import { db } from "@/server/db";
import { createUnsubscribeHandlers } from "@/server/subscriptions/unsubscribe-handlers";

export const { GET, POST } = createUnsubscribeHandlers({ db });
