import "server-only";
import { llmsTxt } from "@/lib/agents/llms-txt";
import type { Db } from "@/server/db";
import { cacheableResponse } from "@/server/http/cacheable";
import { handleErrors } from "@/server/http/errors";
import { getLatestFeedDate } from "@/server/papers/feed";

/** GET /llms.txt (https://llmstxt.org): what this site offers agents, pointing at the latest day. */
export function createLlmsTxtHandler({ db, siteUrl }: { db: Db; siteUrl: string }) {
  return handleErrors(async (request: Request) =>
    cacheableResponse(request, llmsTxt(await getLatestFeedDate(db), siteUrl), "text/plain; charset=utf-8"),
  );
}
