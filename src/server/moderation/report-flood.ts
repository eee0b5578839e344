import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { queryRows, type Db } from "@/server/db";

/** Accounts the console lists. */
const SHOWN = 10;
const WINDOW_MS = 86_400_000;
// At 20 reports an hour an account (reports.ts) one account files at most 480 a day; past this
// many reports in the window the counts are of the first 5,000 read.
export const FLOOD_REPORTS_READ = 5_000;

export interface ReportFloodRow {
  reporter: { id: string; email: string | null; handle: string | null };
  /** Reports it filed in the last 24 hours, resolved or not. */
  reports: number;
  newest: Date;
}

export interface ReportFlood {
  accounts: ReportFloodRow[];
  /** More reports were filed in the window than were read: the counts are of a part of them. */
  capped: boolean;
}

const floodRow = z.object({
  reporterId: z.string(),
  reports: z.coerce.number(),
  newest: z.date(),
  email: z.string().nullable(),
  handle: z.string().nullable(),
  read: z.coerce.number(),
});

/**
 * The accounts that filed the most reports in the last 24 hours, most first, so a flood from one
 * account shows on /admin. Raw: Report has no index on its creation time alone; its
 * (resolvedAt, createdAt) index answers the window as two ranges (still open and filed since;
 * resolved since, which a report filed since must be if resolved), and the rows read are capped
 * below the grouping, which Prisma's groupBy cannot do.
 */
export async function getReportFlood(db: Db, now = new Date()): Promise<ReportFlood> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const rows = await queryRows(
    db,
    floodRow,
    Prisma.sql`
      WITH recent AS (
        SELECT r."reporterId", r."createdAt" FROM "Report" r
        WHERE (r."resolvedAt" IS NULL AND r."createdAt" >= ${since})
           OR (r."resolvedAt" >= ${since} AND r."createdAt" >= ${since})
        LIMIT ${FLOOD_REPORTS_READ}
      ), counted AS (
        SELECT "reporterId", count(*) AS reports, max("createdAt") AS newest FROM recent GROUP BY "reporterId"
        ORDER BY reports DESC, newest DESC LIMIT ${SHOWN}
      )
      SELECT c."reporterId", c.reports, c.newest, u.email, u.handle, (SELECT count(*) FROM recent) AS read
      FROM counted c JOIN "User" u ON u.id = c."reporterId"
      ORDER BY c.reports DESC, c.newest DESC`,
  );
  return {
    accounts: rows.map((row) => ({
      reporter: { id: row.reporterId, email: row.email, handle: row.handle },
      reports: row.reports,
      newest: row.newest,
    })),
    capped: (rows[0]?.read ?? 0) >= FLOOD_REPORTS_READ,
  };
}
