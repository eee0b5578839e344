import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { isArxivId } from "@/lib/arxiv-id";
import { isIsoDate } from "@/lib/dates";
import { queryRows, type Db } from "@/server/db";

// Paper sitemaps cut the papers, in ("feedDate", "id") order, into ranges of at most
// `papersPerSitemap`. A range ends where a new feed day starts, so that a day's papers share a
// sitemap and earlier ranges keep their bounds (and names) while new days arrive; only a day of
// more papers than a sitemap holds is cut inside, at a paper. Both queries read only the
// ("feedDate", "id", "updatedAt", "hiddenAt") index: the ranges cost one pass over its entries
// (a step of `papersPerSitemap` entries per sitemap), a sitemap one range of them.

/**
 * Papers in one sitemap in production. The protocol allows 50,000, but 10,000 (about 1.1 MB of
 * XML) is a body the page cache keeps (2 MB at most), and a render that holds little memory.
 */
export const PAPERS_PER_SITEMAP = 10_000;

/** Where a range starts or ends: the start of a feed day, or a paper within its day. */
export interface PaperCursor {
  feedDate: string;
  /** The first paper of the range within `feedDate`; null for the start of the day. */
  id: string | null;
}

/** The papers from `from` (included) to `to` (excluded; null: to the last paper). */
export interface PaperRange {
  from: PaperCursor;
  to: PaperCursor | null;
}

export interface SitemapPaper {
  id: string;
  updatedAt: Date;
}

// `~` and `_` are in no date or arXiv id, so a name splits back into its cursors.
const cursorName = (cursor: PaperCursor) => (cursor.id === null ? cursor.feedDate : `${cursor.feedDate}~${encodeURIComponent(cursor.id)}`);

/** The range's sitemap file name: `2026-01-05_2026-03-02.xml`, `2026-03-02_latest.xml`, `2026-03-02~2603.01234_2026-03-03.xml`. */
export function paperRangeName(range: PaperRange): string {
  return `${cursorName(range.from)}_${range.to ? cursorName(range.to) : "latest"}.xml`;
}

function parseCursor(text: string): PaperCursor | null {
  const [feedDate = "", id, ...rest] = text.split("~");
  if (!isIsoDate(feedDate) || rest.length > 0 || (id !== undefined && !isArxivId(id))) return null;
  return { feedDate, id: id ?? null };
}

/** A sitemap file name (its %-escapes decoded) as the range it lists. */
export const paperRangeNameSchema = z
  .string()
  .regex(/^[^_]+_[^_]+\.xml$/, "must name a range of papers like 2026-01-05_2026-03-02.xml (see /sitemap.xml)")
  .transform((name, context): PaperRange => {
    const [fromText = "", toText = ""] = name.slice(0, -".xml".length).split("_");
    const from = parseCursor(fromText);
    const to = toText === "latest" ? null : parseCursor(toText);
    if (from && (to || toText === "latest")) return { from, to };
    const wrong = from ? toText : fromText;
    context.addIssue({
      code: "custom",
      message: `"${wrong}" is not a feed day (2026-06-01) or a day and arXiv id (2026-06-01~2606.01234)`,
    });
    return z.NEVER;
  });

const startRow = z.object({ feedDate: z.string(), id: z.string() });

/** The ranges of every visible paper, in order, each of at most `papersPerSitemap` papers. */
export async function listPaperRanges(db: Db, papersPerSitemap: number): Promise<PaperRange[]> {
  // Each step skips `papersPerSitemap` index entries from a start to the paper after them; the
  // next range starts at that paper's day, or at the paper itself when its day is the current one.
  // A day's start is the id '' (before every id).
  const rows = await queryRows(
    db,
    startRow,
    Prisma.sql`
      WITH RECURSIVE sitemap_start ("feedDate", "id") AS (
        (SELECT "feedDate", ''::text FROM "Paper" WHERE "hiddenAt" IS NULL ORDER BY "feedDate", "id" LIMIT 1)
        UNION ALL
        SELECT next."feedDate", CASE WHEN next."feedDate" > start."feedDate" THEN '' ELSE next."id" END
        FROM sitemap_start start
        CROSS JOIN LATERAL (
          SELECT p."feedDate", p."id" FROM "Paper" p
          WHERE p."hiddenAt" IS NULL AND (p."feedDate", p."id") >= (start."feedDate", start."id")
          ORDER BY p."feedDate", p."id"
          OFFSET ${papersPerSitemap} LIMIT 1
        ) next
      )
      SELECT to_char("feedDate", 'YYYY-MM-DD') AS "feedDate", "id" FROM sitemap_start ORDER BY "feedDate", "id"`,
  );
  const starts = rows.map((row): PaperCursor => ({ feedDate: row.feedDate, id: row.id || null }));
  return starts.map((from, index) => ({ from, to: starts[index + 1] ?? null }));
}

const sitemapPaperRow = z.object({ id: z.string(), updatedAt: z.date() });

/** The visible papers of a range, in order, at most `limit`. */
export async function listRangePapers(db: Db, range: PaperRange, limit: number): Promise<SitemapPaper[]> {
  const { from, to } = range;
  const before = to ? Prisma.sql`AND ("feedDate", "id") < (${to.feedDate}::date, ${to.id ?? ""})` : Prisma.empty;
  return queryRows(
    db,
    sitemapPaperRow,
    Prisma.sql`
      SELECT "id", "updatedAt" FROM "Paper"
      WHERE "hiddenAt" IS NULL AND ("feedDate", "id") >= (${from.feedDate}::date, ${from.id ?? ""}) ${before}
      ORDER BY "feedDate", "id"
      LIMIT ${limit}`,
  );
}
