import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { ARXIV_CATEGORIES, archiveOf } from "@/lib/arxiv-taxonomy";
import { categoryPath } from "@/lib/paper-scope";
import { queryRows, type Db } from "@/server/db";
import { cacheableResponse } from "@/server/http/cacheable";
import { handleErrors } from "@/server/http/errors";
import { SITEMAP_CACHE_CONTROL, SITEMAP_CONTENT_TYPE, urlSetXml } from "@/server/sitemaps/xml";

export const PAGES_SITEMAP_PATH = "/sitemaps/pages.xml";

// The lists a crawler starts from; days, weeks and months are linked from them, papers (and their
// keyword pages) from the paper sitemaps.
const PAGES = ["/", "/papers/trending", "/about/ranking"];

const categoryRow = z.object({ category: z.string() });

/**
 * The arXiv categories that have papers here, and their archives. Raw: one probe of the GIN index on
 * "categories" per category of the taxonomy (about 150), never a read of the papers themselves.
 */
async function categoriesWithPapers(db: Db): Promise<string[]> {
  const known = Object.keys(ARXIV_CATEGORIES);
  const rows = await queryRows(
    db,
    categoryRow,
    Prisma.sql`SELECT c.category FROM unnest(${known}::text[]) AS c(category)
               WHERE EXISTS (SELECT 1 FROM "Paper" p WHERE p."categories" @> ARRAY[c.category] AND p."hiddenAt" IS NULL)`,
  );
  const categories = rows.map((row) => row.category);
  return [...new Set([...categories.map(archiveOf), ...categories])].sort();
}

/** GET /sitemaps/pages.xml: the site's own pages, beside the papers, and the page of each arXiv category and archive that has papers. */
export function createPagesSitemapHandler({ db, siteUrl }: { db: Db; siteUrl: string }) {
  return handleErrors(async (request: Request) => {
    const paths = [...PAGES, ...(await categoriesWithPapers(db)).map(categoryPath)];
    return cacheableResponse(
      request,
      urlSetXml(paths.map((path) => ({ loc: `${siteUrl}${path}` }))),
      SITEMAP_CONTENT_TYPE,
      SITEMAP_CACHE_CONTROL,
    );
  });
}
