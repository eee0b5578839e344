import { siteUrl } from "@/env";
import { createPaperMarkdownHandler } from "@/server/agents/paper-markdown-handler";
import { db } from "@/server/db";

export const GET = createPaperMarkdownHandler({ db, siteUrl });
