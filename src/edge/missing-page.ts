import "server-only";
import { pageSubjects, type PageSubject } from "@/edge/routes";
import { Prisma } from "@/generated/prisma/client";
import { isArxivId } from "@/lib/arxiv-id";
import { isKnownCategory } from "@/lib/arxiv-taxonomy";
import { AUTHOR_NAME_MAX } from "@/lib/author-name";
import { slugPattern } from "@/lib/groups/slug";
import { handleInAddressSchema } from "@/lib/handles";
import { keywordSchema } from "@/lib/paper-scope";
import { parsePeriod } from "@/lib/periods";
import { decodePathSegment } from "@/lib/url-path";
import { mayViewCollection } from "@/server/collections/collections";
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

// A private collection exists only for its owner and an unlisted one also for whoever has its key
// (src/server/collections/collections.ts decides the same for the page).
async function collectionVisible(handle: string, slug: string, request: MissingPageRequest): Promise<boolean> {
  if (!slugPattern.test(slug) || slug.length > 64) return false;
  const collection = await db.collection.findFirst({
    where: { slug, owner: { handle } },
    select: { ownerId: true, visibility: true, hiddenAt: true, shareKey: true },
  });
  if (!collection) return false;
  // Most asks are anonymous ones of shared collections: the session is read only when that is not enough.
  if (mayViewCollection(collection, null, request.shareKey)) return true;
  if (!request.sessionToken) return false;
  const session = await db.session.findUnique({ where: { sessionToken: request.sessionToken }, select: { userId: true, expires: true } });
  return session !== null && session.expires > new Date() && mayViewCollection(collection, session.userId, request.shareKey);
}

/** What of the request beside its path decides whether a page's subject exists for this reader. */
interface MissingPageRequest {
  sessionToken?: string;
  /** An unlisted collection's `?key=`. */
  shareKey?: string | null;
}

// It runs before every render of a page that names something, so each check is one indexed
// lookup of at most one row, never a count. `previous` is the subject named before this one
// (a collection's owner).
async function subjectExists({ type, key }: PageSubject, previous: PageSubject | undefined, request: MissingPageRequest): Promise<boolean> {
  const sessionToken = request.sessionToken;
  switch (type) {
    case "date":
    case "week":
    case "month":
      return parsePeriod(type, key) !== null;
    case "organization":
      return key.length <= 200 && (await db.organization.findUnique({ where: { name: key }, select: { name: true } })) !== null;
    case "user": {
      const handle = handleInAddressSchema.safeParse(key);
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
    case "collection":
      return previous !== undefined && collectionVisible(previous.key, key, request);
  }
}

/** The first subject a page address names that does not exist (a category before its period), or null. */
export async function missingSubject(subjects: readonly PageSubject[], request: MissingPageRequest = {}): Promise<PageSubject | null> {
  for (const [index, subject] of subjects.entries()) if (!(await subjectExists(subject, subjects[index - 1], request))) return subject;
  return null;
}

/**
 * Whether a page address names a paper, organization, author, reader, category, keyword, period or
 * reading group or collection (one that is not public counts as missing for anyone who may not see it) that does not exist (the route table says which routes name one), so that its page would answer
 * with `notFound()`. Next.js 16 serves that answer as an empty client-rendered shell
 * (vercel/next.js#62228), blank without JavaScript; the proxy asks this first and sends such
 * requests to the site's 404 page, which is server-rendered. The pages keep their own checks,
 * which answer client-side navigation.
 */
export async function isMissingPage(pathname: string, request: MissingPageRequest = {}): Promise<boolean> {
  return (await missingSubject(pageSubjects(pathname.split("/").filter(Boolean).map(decodePathSegment)), request)) !== null;
}
