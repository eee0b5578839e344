import "server-only";
import { pageSubjects, type PageSubject } from "@/edge/routes";
import { Prisma } from "@/generated/prisma/client";
import { isArxivId } from "@/lib/arxiv-id";
import { isKnownCategory } from "@/lib/arxiv-taxonomy";
import { AUTHOR_NAME_MAX } from "@/lib/author-name";
import { slugPattern } from "@/lib/groups/slug";
import { handleSchema } from "@/lib/handles";
import { keywordSchema } from "@/lib/paper-scope";
import { parsePeriod } from "@/lib/periods";
import { decodePathSegment } from "@/lib/url-path";
import { db } from "@/server/db";

// Raw: the containment test is what the GIN indexes on these array columns answer.
async function somePaperLists(column: "authors" | "aiKeywords", value: string): Promise<boolean> {
  const rows = await db.$queryRaw<
    unknown[]
  >`SELECT 1 FROM "Paper" WHERE ${Prisma.raw(`"${column}"`)} @> ARRAY[${value}]::text[] AND "hiddenAt" IS NULL LIMIT 1`;
  return rows.length > 0;
}

// An invite-only group exists only for its members, so the group check needs the reader's session.
async function groupVisible(slug: string, sessionToken: string | undefined): Promise<boolean> {
  if (!slugPattern.test(slug) || slug.length > 64) return false;
  const member = sessionToken
    ? [{ members: { some: { user: { sessions: { some: { sessionToken, expires: { gt: new Date() } } } } } } }]
    : [];
  const group = await db.readingGroup.findFirst({ where: { slug, OR: [{ visibility: "PUBLIC" }, ...member] }, select: { id: true } });
  return group !== null;
}

// It runs before every render of a page that names something, so each check is one indexed
// lookup of at most one row, never a count.
async function subjectExists({ type, key }: PageSubject, sessionToken: string | undefined): Promise<boolean> {
  switch (type) {
    case "date":
    case "week":
    case "month":
      return parsePeriod(type, key) !== null;
    case "organization":
      return key.length <= 200 && (await db.organization.findUnique({ where: { name: key }, select: { name: true } })) !== null;
    case "user": {
      const handle = handleSchema.safeParse(key);
      return handle.success && (await db.user.findUnique({ where: { handle: handle.data }, select: { id: true } })) !== null;
    }
    case "author":
      return key.length <= AUTHOR_NAME_MAX && (await somePaperLists("authors", key));
    case "paper":
      return isArxivId(key) && (await db.paper.findUnique({ where: { id: key, hiddenAt: null }, select: { id: true } })) !== null;
    // arXiv's taxonomy is fixed: a category or archive with no papers here yet still has its (empty) pages.
    case "category":
      return isKnownCategory(key);
    case "keyword":
      return keywordSchema.safeParse(key).success && (await somePaperLists("aiKeywords", key));
    case "group":
      return groupVisible(key, sessionToken);
    // Its group was checked first; the page checks that the session is that group's.
    case "groupSession":
      return /^[A-Za-z0-9_-]{1,64}$/.test(key) && (await db.groupSession.findUnique({ where: { id: key }, select: { id: true } })) !== null;
  }
}

/** The first subject a page address names that does not exist (a category before its period), or null. */
export async function missingSubject(subjects: readonly PageSubject[], sessionToken?: string): Promise<PageSubject | null> {
  for (const subject of subjects) if (!(await subjectExists(subject, sessionToken))) return subject;
  return null;
}

/**
 * Whether a page address names a paper, organization, author, reader, category, keyword, period or
 * reading group (an invite-only one counts as missing for anyone but its members) that does not exist (the route table says which routes name one), so that its page would answer
 * with `notFound()`. Next.js 16 serves that answer as an empty client-rendered shell
 * (vercel/next.js#62228), blank without JavaScript; the proxy asks this first and sends such
 * requests to the site's 404 page, which is server-rendered. The pages keep their own checks,
 * which answer client-side navigation.
 */
export async function isMissingPage(pathname: string, sessionToken?: string): Promise<boolean> {
  return (await missingSubject(pageSubjects(pathname.split("/").filter(Boolean).map(decodePathSegment)), sessionToken)) !== null;
}
