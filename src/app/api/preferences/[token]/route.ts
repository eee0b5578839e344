import { db } from "@/server/db";
import { createPreferencesHandler } from "@/server/subscriptions/preferences-handler";

export const POST = createPreferencesHandler({ db });
