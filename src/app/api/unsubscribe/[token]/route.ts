import { db } from "@/server/db";
import { createUnsubscribeHandlers } from "@/server/subscriptions/manage-handlers";

export const { GET, POST } = createUnsubscribeHandlers({ db });
