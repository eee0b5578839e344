import { siteUrl } from "@/env";
import { db } from "@/server/db";
import { createGroupCalendarHandler } from "@/server/groups/calendar-handler";

export const GET = createGroupCalendarHandler({ db, siteUrl });
