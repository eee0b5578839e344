import type { List } from "mdast";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_QUOTED_COMMENT } from "@/lib/agents/paper-markdown";
import { parsePeriod } from "@/lib/periods";
import { createDayMarkdownHandler } from "@/server/agents/day-markdown-handler";
import { createLlmsTxtHandler } from "@/server/agents/llms-txt-handler";
import { createPaperMarkdownHandler } from "@/server/agents/paper-markdown-handler";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { getPeriodFeed } from "@/server/papers/feed";
import { HF_FIXTURES } from "../support/fixtures";
import { linksOf, nodesOf, parseMarkdown, textOf } from "../support/markdown";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const SITE = "https://papers.example";
const RECORDED = "2606.11176";
const RECORDED_TITLE = "Data Journalist Agent: Transforming Data into Verifiable Multimodal Stories";
const OLD_STYLE = "hep-th/9901001";
const HIDDEN = "2401.00002";
// Between the recorded days 2024-06-04 and 2025-03-17: more papers than a rendition lists.
const CROWDED_DAY = "2025-01-07";

const paperData = (id: string, feedDate: string, extra: { hiddenAt?: Date; upstreamUpvotes?: number } = {}) => ({
  id,
  title: `Paper ${id}`,
  abstract: "An abstract.",
  authors: ["Ada Lovelace"],
  publishedAt: new Date(`${feedDate}T00:00:00Z`),
  feedDate: new Date(feedDate),
  source: "ARXIV" as const,
  ...extra,
});

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  await t.db.paper.createMany({
    data: [
      paperData(OLD_STYLE, "2024-06-03"),
      paperData(HIDDEN, "2024-06-03", { hiddenAt: new Date() }),
      ...Array.from({ length: 105 }, (_, index) =>
        paperData(`2501.${String(index + 1).padStart(5, "0")}`, CROWDED_DAY, { upstreamUpvotes: index }),
      ),
    ],
  });
  // Comments on the recorded paper: four live ones (one a reply, one hostile, one long), one
  // deleted and one hidden by a moderator, which a rendition never shows.
  const ada = await t.db.user.create({ data: { email: "ada@example.com", handle: "ada" } });
  const anonymous = await t.db.user.create({ data: { email: "anon@example.com" } });
  const at = (minute: number) => new Date(Date.UTC(2026, 5, 16, 10, minute));
  const thread = await t.db.comment.create({ data: { paperId: RECORDED, userId: ada.id, body: "The first comment.", createdAt: at(0) } });
  const comments = [
    { userId: anonymous.id, body: "A reply.", threadId: thread.id, createdAt: at(1) },
    { userId: ada.id, body: "# Not a heading\n\n[click](javascript:alert(1)) <script>alert(1)</script>", createdAt: at(2) },
    { userId: ada.id, body: "long ".repeat(2_000).trim(), createdAt: at(3) },
    { userId: ada.id, body: "", deletedAt: at(5), createdAt: at(4) },
    { userId: ada.id, body: "Hidden by a moderator.", hiddenAt: at(6), createdAt: at(5) },
  ];
  await t.db.comment.createMany({ data: comments.map((comment) => ({ paperId: RECORDED, ...comment })) });
  await t.db.paper.update({ where: { id: RECORDED }, data: { localComments: 4 } });
});

const paperHandler = () => createPaperMarkdownHandler({ db: t.db, siteUrl: SITE });
const dayHandler = () => createDayMarkdownHandler({ db: t.db, siteUrl: SITE });

function getPaper(segments: string[], headers: Record<string, string> = {}) {
  return paperHandler()(new Request(`${SITE}/md/papers/${segments.join("/")}`, { headers }), {
    params: Promise.resolve({ id: segments }),
  });
}

function getDay(date: string) {
  return dayHandler()(new Request(`${SITE}/md/papers/date/${date}`), { params: Promise.resolve({ date }) });
}

async function markdownOf(response: Response, status = 200) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
  return parseMarkdown(await response.text());
}

describe("/papers/<id>.md", () => {
  it("renders a recorded paper: its title as H1, links, details, summary, abstract and its live comments", async () => {
    const response = await getPaper([RECORDED]);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=60, stale-while-revalidate=300");
    expect(response.headers.get("link")).toBe(`<${SITE}/papers/${RECORDED}>; rel="canonical"`);
    const tree = await markdownOf(response);
    expect(tree.children[0]).toMatchObject({ type: "heading", depth: 1 });
    expect(textOf(tree.children[0]!)).toBe(RECORDED_TITLE);
    expect(textOf(tree.children[1]!)).toMatch(/^Authors \(6\): /);
    const links = tree.children[2] as List;
    expect(links.type).toBe("list");
    expect(links.children.map((item) => linksOf(item)[0]?.url)).toEqual([
      `${SITE}/papers/${RECORDED}`,
      `https://arxiv.org/abs/${RECORDED}`,
      `https://arxiv.org/pdf/${RECORDED}`,
      "https://github.com/QinghongLin/data2story-skill",
      "https://data2story.github.io/",
      `${SITE}/api/papers/${RECORDED}`,
    ]);
    const details = textOf(tree.children[4]!);
    expect(details).toContain("Feed day: 2026-06-16");
    expect(details).toContain("Organization: University of Oxford");
    expect(details).toContain("Upvotes: 82 upvotes (82 on Hugging Face)");
    expect(details).toContain("Comments: 7 comments (3 on Hugging Face, 4 here)");
    expect(details).toContain("Keywords: multi-agent framework, data journalism");
    const h2s = tree.children.filter((node) => node.type === "heading" && node.depth === 2).map((node) => textOf(node));
    expect(h2s).toEqual(["Details", "AI summary", "Abstract", "Comments"]);

    const comments = tree.children.slice(tree.children.findIndex((node) => textOf(node) === "Comments") + 1);
    expect(textOf(comments[0]!)).toBe("4 comments on this site, newest first, also on the paper's page.");
    expect(comments.filter((node) => node.type === "paragraph").map((node) => textOf(node))).toEqual([
      "4 comments on this site, newest first, also on the paper's page.",
      "ada wrote on 2026-06-16:",
      "ada wrote on 2026-06-16:",
      expect.stringMatching(/^reader-[0-9a-f]{6} replied on 2026-06-16:$/),
      "ada wrote on 2026-06-16:",
    ]);
    const quotes = comments.filter((node) => node.type === "blockquote");
    expect(quotes.map((quote) => textOf(quote))).toEqual([
      expect.stringMatching(/^(long ){100,}.*…$/),
      "# Not a heading[click](javascript:alert(1)) <script>alert(1)</script>",
      "A reply.",
      "The first comment.",
    ]);
    expect(textOf(quotes[0]!).length).toBeLessThanOrEqual(MAX_QUOTED_COMMENT);
    // Nothing a reader wrote became structure: only paragraphs and text in the quotes.
    expect(new Set(quotes.flatMap((quote) => nodesOf(quote).map((node) => node.type)))).toEqual(
      new Set(["blockquote", "paragraph", "text"]),
    );
  });

  it("answers 304 to a reader who has it", async () => {
    const etag = (await getPaper([RECORDED])).headers.get("etag")!;
    expect((await getPaper([RECORDED], { "if-none-match": etag })).status).toBe(304);
  });

  it("takes an old-style id as the two segments its slash makes", async () => {
    const tree = await markdownOf(await getPaper(["hep-th", "9901001"]));
    expect(textOf(tree.children[0]!)).toBe(`Paper ${OLD_STYLE}`);
    expect(linksOf(tree).map((link) => link.url)).toEqual(
      expect.arrayContaining([`https://arxiv.org/abs/${OLD_STYLE}`, `${SITE}/api/papers/hep-th%2F9901001`]),
    );
    // No comments here, none quoted.
    expect(tree.children.some((node) => textOf(node) === "Comments")).toBe(false);
  });

  it("is a Markdown 404 for an unknown or hidden paper, and a 400 for what is no arXiv id", async () => {
    for (const id of ["2401.99999", HIDDEN]) {
      const tree = await markdownOf(await getPaper([id]), 404);
      expect(textOf(tree.children[0]!)).toBe("404 Not found");
      expect(textOf(tree.children[1]!)).toBe(`No paper with id ${id} on this instance; arXiv may have it: https://arxiv.org/abs/${id}`);
    }
    const bad = await markdownOf(await getPaper(["not-an-id"]), 400);
    expect(textOf(bad.children[0]!)).toBe("400 Bad request");
    expect(textOf(bad.children[1]!)).toBe("id: is not an arXiv id (expected e.g. 2401.00001 or hep-th/9901001)");
    expect(linksOf(bad).map((link) => link.url)).toContain(`${SITE}/llms.txt`);
  });
});

describe("/papers/date/<date>.md", () => {
  it("lists a recorded day in trending order, each paper linking to its rendition, with the days around it", async () => {
    const tree = await markdownOf(await getDay("2026-06-16"));
    expect(textOf(tree.children[0]!)).toBe("Papers of Tuesday, June 16, 2026");
    expect(textOf(tree.children[1]!)).toBe("34 papers were added to the feed on 2026-06-16, in trending order.");
    expect(linksOf(tree.children[2]!).map((link) => link.url)).toEqual([
      `${SITE}/papers/date/2026-06-16`,
      `${SITE}/api/daily_papers?date=2026-06-16&sort=trending&limit=100`,
      `${SITE}/papers/date/2026-06-10.md`,
    ]);
    const list = tree.children[4] as List;
    expect(list).toMatchObject({ type: "list", ordered: true });
    // The day's page shows the same frozen order (a snapshot reused for a minute).
    const page = await getPeriodFeed(t.db, parsePeriod("date", "2026-06-16")!, "trending", new Date(), { limit: 100 });
    expect(list.children.map((item) => linksOf(item)[0]?.url)).toEqual(page.papers.map((paper) => `${SITE}/papers/${paper.id}.md`));
    const recorded = list.children.find((item) => linksOf(item)[0]?.url === `${SITE}/papers/${RECORDED}.md`)!;
    expect(textOf(recorded).split("\n").slice(0, 2)).toEqual([RECORDED_TITLE, "82 upvotes · 7 comments · University of Oxford"]);
  });

  it("lists the first 100 of a crowded day and points to the API for the rest", async () => {
    const tree = await markdownOf(await getDay(CROWDED_DAY));
    expect((tree.children[4] as List).children).toHaveLength(100);
    expect(textOf(tree.children[1]!)).toMatch(/^105 papers were added to the feed on 2025-01-07; the first 100 /);
    expect(linksOf(tree.children[1]!)[0]?.url).toBe(`${SITE}/api/daily_papers?date=${CROWDED_DAY}&sort=trending&limit=100&p=1`);
  });

  it("says a day without papers had none, with a 200 and the days around it", async () => {
    const tree = await markdownOf(await getDay("2026-06-12"));
    expect(textOf(tree.children[1]!)).toBe("No papers were added to the feed on this day.");
    expect(linksOf(tree).map((link) => link.url)).toEqual(
      expect.arrayContaining([`${SITE}/papers/date/2026-06-10.md`, `${SITE}/papers/date/2026-06-16.md`]),
    );
  });

  it("is a Markdown 400 for what is not a date", async () => {
    for (const date of ["2026-13-45", "yesterday", "1200-01-01"]) {
      const tree = await markdownOf(await getDay(date), 400);
      expect(textOf(tree.children[1]!), date).toBe("date: must be a real date in the form YYYY-MM-DD");
    }
  });
});

describe("/llms.txt", () => {
  it("points to the latest day's rendition, the API and the feeds", async () => {
    const response = await createLlmsTxtHandler({ db: t.db, siteUrl: SITE })(new Request(`${SITE}/llms.txt`), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public, /);
    const tree = parseMarkdown(await response.text());
    expect(textOf(tree.children[0]!)).toBe("Daily Papers");
    expect(tree.children[1]?.type).toBe("blockquote");
    expect(linksOf(tree).map((link) => link.url)).toEqual(
      expect.arrayContaining([
        `${SITE}/papers/date/2026-06-16.md`,
        `${SITE}/api/daily_papers?date=2026-06-16&sort=trending`,
        `${SITE}/papers/feed.xml`,
      ]),
    );
  });
});
