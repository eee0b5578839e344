import { beforeAll, describe, expect, it } from "vitest";
import { parseListFilter, type ListFilter } from "@/lib/list-filter";
import { parsePeriod, type PeriodKind } from "@/lib/periods";
import { createScopedPapersFeedHandler } from "@/server/feeds/scoped-papers-feed-handler";
import { applyFollow, getForYouPapers } from "@/server/follows/follows";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { getAuthorPapers } from "@/server/papers/authors";
import { getOrganizationPapers, getPeriodFeed, getRecentPapers, getTrendingPapers } from "@/server/papers/feed";
import { listCursorSchema, type ListPage } from "@/server/papers/list-pages";
import { createSignedInUser } from "../support/accounts";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const now = new Date("2026-06-17T09:00:00Z");
const period = (kind: PeriodKind, key: string) => parsePeriod(kind, key)!;

// Papers in id order take these in turn (primary first); every third has code.
const CATEGORY_SETS = [["cs.CL", "cs.LG"], ["cs.CV"], ["stat.ML", "cs.LG"], ["math.OC"], ["cs.CV", "cs.RO"], ["cs.AI"]];
interface Known {
  id: string;
  feedDate: string;
  categories: string[];
  hasCode: boolean;
  upvotes: number;
  organization: string | null;
  authors: string[];
}
let papers: Known[] = [];

const filter = (query: string): ListFilter => {
  const result = parseListFilter(new URLSearchParams(query));
  if (!result.ok) throw new Error(result.error.message);
  return result.filter;
};

/** What a filter should let through, by reading the known papers in TypeScript. */
function passes(paper: Known, chosen: ListFilter): boolean {
  const inAny = (wanted: string[]) =>
    paper.categories.some((category) => wanted.some((id) => id === category || category.startsWith(`${id}.`)));
  return (
    (chosen.include.length === 0 || inAny(chosen.include)) &&
    !inAny(chosen.exclude) &&
    (!chosen.hasCode || paper.hasCode) &&
    paper.upvotes >= chosen.minUpvotes
  );
}

/** Every page of a list, following its cursors. */
async function allPages(first: (cursor: ReturnType<typeof listCursorSchema.parse> | null) => Promise<ListPage | null>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  do {
    const page: ListPage | null = await first(cursor ? listCursorSchema.parse(cursor) : null);
    if (!page) break;
    total = page.total;
    seen.push(...page.papers.map((paper) => paper.id));
    cursor = page.nextCursor;
  } while (cursor);
  return { seen, total };
}

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  const rows = await t.db.paper.findMany({
    select: { id: true, feedDate: true, upstreamUpvotes: true, localUpvotes: true, organizationName: true, authors: true },
    orderBy: { id: "asc" },
  });
  papers = rows.map((row, index) => ({
    id: row.id,
    feedDate: row.feedDate.toISOString().slice(0, 10),
    categories: CATEGORY_SETS[index % CATEGORY_SETS.length]!,
    hasCode: index % 3 === 0,
    upvotes: row.upstreamUpvotes + row.localUpvotes,
    organization: row.organizationName,
    authors: row.authors,
  }));
  await t.db.$executeRaw`
    UPDATE "Paper" p SET "categories" = string_to_array(c.categories, ','),
      "githubRepo" = CASE WHEN c.code THEN 'https://github.com/example/' || p."id" ELSE NULL END, "projectPage" = NULL
    FROM unnest(${papers.map((paper) => paper.id)}::text[], ${papers.map((paper) => paper.categories.join(","))}::text[],
                ${papers.map((paper) => paper.hasCode)}::boolean[]) AS c(id, categories, code)
    WHERE p."id" = c.id`;
});

describe("list filters", () => {
  const june = period("month", "2026-06");
  const inJune = (paper: Known) => paper.feedDate.startsWith("2026-06");

  it("compose (include + exclude + has code + minimum upvotes) and page through without gaps or repeats", async () => {
    for (const query of [
      "cat=cs&not=cs.CV&code=1",
      "cat=cs.LG&cat=math.OC",
      "not=cs.CV&not=cs.RO&code=1",
      "min=20&not=cs.CL",
      "cat=cs.AI",
    ]) {
      const chosen = filter(query);
      const wanted = papers.filter((paper) => inJune(paper) && passes(paper, chosen)).map((paper) => paper.id);
      expect(wanted.length, query).toBeGreaterThan(3);
      const { seen, total } = await allPages((cursor) =>
        getPeriodFeed(t.db, june, "upvotes", now, { cursor, limit: 3 }, { filter: chosen }),
      );
      expect(total, query).toBe(wanted.length);
      expect(new Set(seen).size, `${query}: no repeats`).toBe(seen.length);
      expect([...seen].sort(), query).toEqual([...wanted].sort());
    }
  });

  it("a filtered list is a list of its own: its pages never continue the unfiltered order", async () => {
    const chosen = filter("not=cs.CV");
    const unfiltered = await getPeriodFeed(t.db, june, "upvotes", now, { limit: 3 });
    const filtered = await getPeriodFeed(
      t.db,
      june,
      "upvotes",
      now,
      { cursor: listCursorSchema.parse(unfiltered.nextCursor), limit: 3 },
      { filter: chosen },
    );
    expect(filtered.offset).toBe(0);
    expect(filtered.papers.every((paper) => !paper.categories.includes("cs.CV"))).toBe(true);
  });

  it("previous and next skip the periods the filter empties", async () => {
    const chosen = filter("cat=math.OC&code=1");
    const days = [...new Set(papers.filter((paper) => passes(paper, chosen)).map((paper) => paper.feedDate))].sort();
    expect(days.length).toBeGreaterThanOrEqual(2);
    const feed = await getPeriodFeed(t.db, period("date", days[1]!), "trending", now, {}, { filter: chosen });
    expect(feed.previous?.key).toBe(days[0]);
    expect(feed.next?.key ?? null).toBe(days[2] ?? null);
    expect(feed.papers.map((paper) => paper.id).sort()).toEqual(
      papers
        .filter((paper) => paper.feedDate === days[1] && passes(paper, chosen))
        .map((paper) => paper.id)
        .sort(),
    );
  });

  it("apply on a category's pages, trending, the feeds' recent papers, organizations, authors and for-you", async () => {
    const chosen = filter("not=cs.LG&code=1");
    const category = await getPeriodFeed(
      t.db,
      june,
      "trending",
      now,
      { limit: 1000 },
      { scope: { kind: "category", value: "cs" }, filter: chosen },
    );
    expect(category.papers.map((paper) => paper.id).sort()).toEqual(
      papers
        .filter((paper) => inJune(paper) && paper.categories.some((id) => id.startsWith("cs.")) && passes(paper, chosen))
        .map((paper) => paper.id)
        .sort(),
    );

    const trending = await getTrendingPapers(t.db, now, { limit: 1000 }, { filter: chosen });
    expect(trending.papers.length).toBeGreaterThan(0);
    expect(
      trending.papers.every((paper) =>
        passes(
          papers.find((known) => known.id === paper.id)!,
          chosen,
        ),
      ),
    ).toBe(true);

    const recent = await getRecentPapers(t.db, { filter: chosen });
    expect(recent.length).toBeGreaterThan(0);
    expect(
      recent.every((paper) =>
        passes(
          papers.find((known) => known.id === paper.id)!,
          chosen,
        ),
      ),
    ).toBe(true);

    const orgCounts = new Map<string, number>();
    for (const paper of papers) if (paper.organization) orgCounts.set(paper.organization, (orgCounts.get(paper.organization) ?? 0) + 1);
    const organization = [...orgCounts].sort((a, b) => b[1] - a[1])[0]![0];
    const orgPage = await getOrganizationPapers(t.db, organization, { limit: 1000 }, chosen);
    expect(orgPage!.papers.map((paper) => paper.id).sort()).toEqual(
      papers
        .filter((paper) => paper.organization === organization && passes(paper, chosen))
        .map((paper) => paper.id)
        .sort(),
    );

    const author = papers
      .flatMap((paper) => paper.authors)
      .find((name) => papers.filter((paper) => paper.authors.includes(name)).length > 2)!;
    const authorPage = await getAuthorPapers(t.db, author, { limit: 1000 }, filter("cat=cs.CV"));
    const byAuthor = papers.filter((paper) => paper.authors.includes(author));
    expect(authorPage!.totalPapers).toBe(byAuthor.length);
    expect(authorPage!.total).toBe(byAuthor.filter((paper) => passes(paper, filter("cat=cs.CV"))).length);

    const { user: reader } = await createSignedInUser(t.db, "filter-reader@example.com");
    await applyFollow(t.db, reader.id, { kind: "CATEGORY", value: "cs", mode: "follow" });
    const forYou = await getForYouPapers(t.db, reader.id, now, filter("not=cs.CV"));
    expect(forYou.length).toBeGreaterThan(0);
    expect(forYou.every(({ paper }) => !paper.categories.includes("cs.CV"))).toBe(true);
  });
});

describe("hostile filter values", () => {
  const handler = createScopedPapersFeedHandler("category", "json", (scope, chosen) => getRecentPapers(t.db, { scope, filter: chosen }));
  const get = (query: string) =>
    handler(new Request(`http://localhost/papers/category/cs/feed.json?${query}`), { params: Promise.resolve({ cat: "cs" }) });

  it.each([
    ["cat=xx.YY", "cat"],
    ["not=cs.CV (1,000 times)", "not"],
    ["cat=cs.CL%00", "cat"],
    ["cat=%E0%A4%A", "cat"],
    ["not=%", "not"],
    ["code=yes", "code"],
    ["min=-1", "min"],
    ["min=99999999999", "min"],
    ["cat=cs.CL&not=cs.CL", "not"],
  ])("%s is a 400 naming %s", async (query, param) => {
    const response = await get(query.endsWith("(1,000 times)") ? Array.from({ length: 1000 }, () => "not=cs.CV").join("&") : query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { param: string; message: string } };
    expect(body.error.param).toBe(param);
    expect(body.error.message.startsWith(`${param}: `)).toBe(true);
  });

  it("a good filter on the same feed is a 200 with only matching papers", async () => {
    const response = await get("not=cs.CV&code=1");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { title: string; items: { tags: string[] }[] };
    expect(body.title).toContain("not in cs.CV, with code");
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((item) => !item.tags.includes("cs.CV"))).toBe(true);
  });
});
