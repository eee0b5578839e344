import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import { cacheableResponse } from "@/server/http/cacheable";
import { decodeSegment, handleErrors, parseOrThrow } from "@/server/http/errors";
import { listRangePapers, paperRangeNameSchema } from "@/server/sitemaps/paper-ranges";
import { SITEMAP_CACHE_CONTROL, SITEMAP_CONTENT_TYPE, SITEMAP_MAX_URLS, urlSetXml } from "@/server/sitemaps/xml";

const paramsSchema = z.object({ range: paperRangeNameSchema });

export interface PaperSitemapOptions {
  db: Db;
  siteUrl: string;
}

/**
 * GET /sitemaps/papers/<range>.xml: the papers of a range the sitemap index named. A range that
 * has grown since (papers imported into past days) is listed up to the protocol's limit; the
 * index splits it anew.
 */
export function createPaperSitemapHandler({ db, siteUrl }: PaperSitemapOptions) {
  return handleErrors(async (request: Request, { params }: { params: Promise<{ range: string }> }) => {
    const { range } = parseOrThrow(paramsSchema, { range: decodeSegment((await params).range, "range") });
    const papers = await listRangePapers(db, range, SITEMAP_MAX_URLS);
    if (papers.length === 0) throw new AppError("NOT_FOUND", "No papers in this range; /sitemap.xml lists the sitemaps there are.");
    const urls = papers.map((paper) => ({ loc: `${siteUrl}/papers/${paper.id}`, lastmod: paper.updatedAt.toISOString() }));
    return cacheableResponse(request, urlSetXml(urls), SITEMAP_CONTENT_TYPE, SITEMAP_CACHE_CONTROL);
  });
}
