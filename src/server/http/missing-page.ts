import "server-only";
import { isArxivId } from "@/lib/arxiv-id";
import { handleSchema } from "@/lib/handles";
import { AUTHOR_NAME_MAX, pageSubject } from "@/lib/page-subject";
import { parsePeriod } from "@/lib/periods";
import { decodePathSegment } from "@/lib/url-path";
import { db } from "@/server/db";

async function hasAuthor(name: string): Promise<boolean> {
  // Raw: the containment test is what the GIN index on "authors" answers.
  const rows = await db.$queryRaw<
    unknown[]
  >`SELECT 1 FROM "Paper" WHERE "authors" @> ARRAY[${name}]::text[] AND "hiddenAt" IS NULL LIMIT 1`;
  return rows.length > 0;
}

/**
 * Whether a page address names a paper, organization, author or period that does not exist, so that its
 * page would answer with `notFound()`. Next.js 16 serves that answer as an empty client-rendered
 * shell (vercel/next.js#62228), blank without JavaScript; the proxy asks this first and sends such
 * requests to the site's 404 page, which is server-rendered. The pages keep their own checks, which
 * answer client-side navigation.
 */
export async function isMissingPage(pathname: string): Promise<boolean> {
  const subject = pageSubject(pathname.split("/").filter(Boolean).map(decodePathSegment));
  switch (subject?.type) {
    case undefined:
      return false;
    case "period":
      return parsePeriod(subject.kind, subject.key) === null;
    case "organization":
      return subject.name.length > 200 || (await db.organization.count({ where: { name: subject.name } })) === 0;
    case "user": {
      const handle = handleSchema.safeParse(subject.handle);
      return !handle.success || (await db.user.count({ where: { handle: handle.data } })) === 0;
    }
    case "author":
      return subject.name.length > AUTHOR_NAME_MAX || !(await hasAuthor(subject.name));
    case "paper":
      return !isArxivId(subject.text) || (await db.paper.count({ where: { id: subject.text, hiddenAt: null } })) === 0;
  }
}
