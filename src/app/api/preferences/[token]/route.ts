import { createPreferencesHandler } from "@/server/subscriptions/manage-handlers";
import { db } from "@/server/db";

export const POST = createPreferencesHandler({ db });
