import { siteUrl } from "@/env";
import { createDayMarkdownHandler } from "@/server/agents/day-markdown-handler";
import { db } from "@/server/db";

export const GET = createDayMarkdownHandler({ db, siteUrl });
