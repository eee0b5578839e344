import { siteUrl } from "@/env";
import { createLlmsTxtHandler } from "@/server/agents/llms-txt-handler";
import { db } from "@/server/db";

export const GET = createLlmsTxtHandler({ db, siteUrl });
