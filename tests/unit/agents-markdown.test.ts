import type { Heading, Link, List, Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { dayMarkdown, type DayMarkdownPaper } from "@/lib/agents/day-markdown";
import { llmsTxt } from "@/lib/agents/llms-txt";
import { MAX_QUOTED_COMMENT, paperMarkdown, type MarkdownComment, type MarkdownPaper } from "@/lib/agents/paper-markdown";
import { markdownQuote, markdownText, markdownUrl } from "@/lib/markdown/escape";
import { collapseWhitespace } from "@/lib/text";
import { linksOf, nodesOf, parseMarkdown, textOf } from "../support/markdown";

const SITE = "https://papers.example";

// What imported titles and readers' comments may hold: every construct that could become a
// heading, link, image, HTML, code, a table or a list if it were pasted as it is.
const HOSTILE = [
  "# heading",
  "## Second ##",
  "Learning C #",
  "[link](javascript:alert(1))",
  "![pixel](https://evil.example/p.png)",
  "[ref]: javascript:alert(1)",
  "<script>alert(1)</script>",
  "<javascript:alert(1)>",
  '<img src=x onerror="alert(1)">',
  "`code` and ``more``",
  "```js",
  "~~~",
  "*em* _em_ **strong** __strong__",
  "~~gone~~",
  "| a | b |",
  "> quoted",
  "- item",
  "+ item",
  "* item",
  "1. item",
  "2024) item",
  "---",
  "===",
  "***",
  "&lt;b&gt; &amp; &#60;i&#62; AT&T",
  "a\\",
  "back\\slash \\* \\[",
  "[^1] footnote",
  "- [ ] task",
  "    indented code",
  "$x_i$ and $$y$$",
];

/** The nodes a rendition may hold: text and the structure it builds itself, never what the text spells. */
const STRUCTURE = new Set(["root", "heading", "paragraph", "text", "list", "listItem", "link", "strong", "blockquote"]);

const isAutolink = (link: Link) => /^https?:\/\//.test(link.url) && textOf(link) === link.url;

function expectOnlyStructure(tree: Nodes) {
  const unexpected = nodesOf(tree).filter((node) => !STRUCTURE.has(node.type));
  expect(unexpected.map((node) => node.type)).toEqual([]);
}

const paper = (overrides: Partial<MarkdownPaper> = {}): MarkdownPaper => ({
  id: "2606.11176",
  title: "Data Journalist Agent",
  abstract: "First paragraph\nhard-wrapped.\n\nSecond paragraph.",
  authors: ["Ada Lovelace", "Alan Turing"],
  publishedAt: "2026-06-15T17:59:00.000Z",
  feedDate: "2026-06-16",
  upstreamUpvotes: 80,
  localUpvotes: 2,
  upstreamComments: 3,
  localComments: 0,
  githubRepo: "https://github.com/example/repo",
  githubStars: 12,
  projectPage: "https://example.org/project",
  aiSummary: "An AI summary.",
  categories: ["cs.CL"],
  keywords: ["data journalism"],
  organization: { name: "Oxford", fullName: "University of Oxford" },
  ...overrides,
});

const comment = (body: string, overrides: Partial<MarkdownComment> = {}): MarkdownComment => ({
  author: "ada",
  createdAt: "2026-06-16T10:00:00.000Z",
  body,
  reply: false,
  ...overrides,
});

describe("markdownText", () => {
  it.each(HOSTILE)("keeps %j as the very text it is, and nothing else", (value) => {
    const tree = parseMarkdown(markdownText(value));
    const [paragraph, ...rest] = tree.children;
    expect(rest).toEqual([]);
    expect(paragraph?.type).toBe("paragraph");
    // GFM links a bare https:// address in text: harmless, and no escape prevents it.
    const inline = nodesOf(paragraph!).slice(1);
    expect(inline.filter((node) => node.type !== "text" && !(node.type === "link" && isAutolink(node)))).toEqual([]);
    expect(textOf(tree)).toBe(collapseWhitespace(value));
  });

  it("leaves ordinary text as it is written", () => {
    for (const value of ["1.5 million tokens: a > b, AT&T, 100% (n=3)", "Self-Play - and more!", "2.5D scenes"]) {
      expect(markdownText(value)).toBe(value);
    }
  });

  it("puts hostile text in a heading as that heading's text", () => {
    for (const value of HOSTILE) {
      const [heading, ...rest] = parseMarkdown(`# ${markdownText(value)}`).children;
      expect(rest, value).toEqual([]);
      expect(heading?.type, value).toBe("heading");
      expect(textOf(heading!), value).toBe(collapseWhitespace(value));
    }
  });
});

describe("markdownUrl", () => {
  it("takes http(s) URLs only, and encodes what would end a link destination", () => {
    expect(markdownUrl("javascript:alert(1)")).toBeNull();
    expect(markdownUrl("data:text/html,<b>x</b>")).toBeNull();
    expect(markdownUrl("not a url")).toBeNull();
    expect(markdownUrl("https://example.org/a (b)/<c>?q=\\")).toBe("https://example.org/a%20%28b%29/%3Cc%3E?q=%5C");
  });
});

describe("markdownQuote", () => {
  it("quotes a reader's Markdown as inert lines, line breaks and paragraphs kept", () => {
    const body = HOSTILE.join("\n") + "\n\n\n  \nlast paragraph";
    const tree = parseMarkdown(markdownQuote(body, 10_000));
    expect(tree.children.map((node) => node.type)).toEqual(["blockquote"]);
    expectOnlyStructure(tree);
    const [first, last] = (tree.children[0] as { children: Nodes[] }).children;
    expect(textOf(first!)).toBe(HOSTILE.map((line) => line.trim()).join("\n"));
    expect(textOf(last!)).toBe("last paragraph");
  });

  it("caps a long comment at a word, with an ellipsis", () => {
    const quoted = textOf(parseMarkdown(markdownQuote("word ".repeat(2_000), 1_000)));
    expect(quoted.length).toBeLessThanOrEqual(1_000);
    expect(quoted).toMatch(/word…$/);
  });
});

describe("paperMarkdown", () => {
  it("reads as the paper: its title as the one H1, the authors, a list of links, details, summary, abstract", () => {
    const tree = parseMarkdown(paperMarkdown(paper(), [], SITE));
    const headings = tree.children.filter((node): node is Heading => node.type === "heading");
    expect(headings.map((heading) => [heading.depth, textOf(heading)])).toEqual([
      [1, "Data Journalist Agent"],
      [2, "Details"],
      [2, "AI summary"],
      [2, "Abstract"],
    ]);
    expect(textOf(tree.children[1]!)).toBe("Authors (2): Ada Lovelace, Alan Turing");
    const links = tree.children[2] as List;
    expect(links.type).toBe("list");
    expect(links.children.map((item) => linksOf(item)[0]?.url)).toEqual([
      `${SITE}/papers/2606.11176`,
      "https://arxiv.org/abs/2606.11176",
      "https://arxiv.org/pdf/2606.11176",
      "https://github.com/example/repo",
      "https://example.org/project",
      `${SITE}/api/papers/2606.11176`,
    ]);
    const details = (tree.children[4] as List).children.map((item) => textOf(item));
    expect(details).toEqual([
      "Published: 2026-06-15",
      "Feed day: 2026-06-16",
      "Organization: University of Oxford",
      "Categories: cs.CL (Computation and Language)",
      "Upvotes: 82 upvotes (80 on Hugging Face, 2 here)",
      "Comments: 3 comments (3 on Hugging Face)",
      "Keywords: data journalism",
    ]);
    expect(linksOf(tree.children[4]!).map((link) => link.url)).toEqual([`${SITE}/papers/date/2026-06-16.md`, `${SITE}/orgs/Oxford`]);
    const abstract = tree.children.slice(tree.children.findIndex((node) => textOf(node) === "Abstract") + 1);
    expect(abstract.map((node) => textOf(node))).toEqual(["First paragraph hard-wrapped.", "Second paragraph."]);
  });

  it("keeps hostile titles, names, abstracts, summaries and links inert", () => {
    const text = HOSTILE.join(" ");
    const hostile = paper({
      title: text,
      abstract: HOSTILE.join("\n\n"),
      authors: HOSTILE,
      aiSummary: text,
      keywords: HOSTILE,
      categories: ["<b>cs.XX</b>"],
      organization: { name: "evil) [x](javascript:alert(1)", fullName: text },
      githubRepo: "javascript:alert(1)",
      projectPage: "https://example.org/a (b)",
    });
    const tree = parseMarkdown(paperMarkdown(hostile, [comment(HOSTILE.join("\n"))], SITE));
    expectOnlyStructure(tree);
    const h1s = tree.children.filter((node) => node.type === "heading" && node.depth === 1);
    expect(h1s.map((node) => textOf(node))).toEqual([collapseWhitespace(text)]);
    const urls = linksOf(tree).map((link) => link.url);
    expect(
      urls.every((url) => /^https:\/\//.test(url)),
      urls.join("\n"),
    ).toBe(true);
    expect(urls).toContain("https://example.org/a%20%28b%29");
    expect(urls).toContain(`${SITE}/orgs/evil%29%20%5Bx%5D%28javascript%3Aalert%281%29`);
    // The code link is gone (not http), its name stays as text.
    expect(textOf(tree.children[2]!)).toContain("Code (12 stars)");
    expect(tree.children.filter((node) => node.type === "paragraph").map((node) => textOf(node))).toEqual(
      expect.arrayContaining(HOSTILE.map(collapseWhitespace)),
    );
  });

  it("quotes the newest comments with their authors, each capped, and says how many there are", () => {
    const comments = [
      comment("# Not a heading\n<script>alert(1)</script>"),
      comment("x".repeat(5_000), { author: "reader-abc123", reply: true }),
    ];
    const tree = parseMarkdown(paperMarkdown(paper({ localComments: 7 }), comments, SITE));
    expectOnlyStructure(tree);
    const start = tree.children.findIndex((node) => node.type === "heading" && textOf(node) === "Comments");
    const section = tree.children.slice(start + 1);
    expect(textOf(section[0]!)).toBe("The 2 newest of 7 comments on this site; all of them are on the paper's page.");
    expect(linksOf(section[0]!).map((link) => link.url)).toEqual([`${SITE}/papers/2606.11176#discussion`]);
    expect(section.map((node) => node.type)).toEqual(["paragraph", "paragraph", "blockquote", "paragraph", "blockquote"]);
    expect(textOf(section[1]!)).toBe("ada wrote on 2026-06-16:");
    expect(textOf(section[2]!)).toBe("# Not a heading\n<script>alert(1)</script>");
    expect(textOf(section[3]!)).toBe("reader-abc123 replied on 2026-06-16:");
    expect(textOf(section[4]!).length).toBeLessThanOrEqual(MAX_QUOTED_COMMENT);
  });

  it("leaves the comments out when nobody commented here", () => {
    const markdown = paperMarkdown(paper(), [], SITE);
    expect(markdown).not.toContain("## Comments");
  });

  it("keeps an old-style id's slash in page and arXiv links, and encodes it for the API", () => {
    const urls = linksOf(parseMarkdown(paperMarkdown(paper({ id: "hep-th/9901001" }), [], SITE))).map((link) => link.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        `${SITE}/papers/hep-th/9901001`,
        "https://arxiv.org/abs/hep-th/9901001",
        `${SITE}/api/papers/hep-th%2F9901001`,
      ]),
    );
  });

  it("shows the first 50 of a thousand authors", () => {
    const authors = Array.from({ length: 1_000 }, (_, index) => `Author ${index}`);
    const line = textOf(parseMarkdown(paperMarkdown(paper({ authors }), [], SITE)).children[1]!);
    expect(line).toMatch(/^Authors \(1000\): Author 0, .*, Author 49 and 950 more$/);
  });
});

const dayPaper = (id: string, overrides: Partial<DayMarkdownPaper> = {}): DayMarkdownPaper => ({
  id,
  title: `Paper ${id}`,
  abstract: "An abstract that goes on. ".repeat(30),
  upvotes: 3,
  comments: 1,
  organization: null,
  ...overrides,
});

describe("dayMarkdown", () => {
  const day = { day: "2026-06-16", previous: "2026-06-10", next: null, today: "2026-12-01" };

  it("lists the day's papers in order, each linking to its rendition, with the neighbouring days", () => {
    const papers = [dayPaper("2606.00002", { title: HOSTILE.join(" "), organization: { fullName: "<b>Org</b>" } }), dayPaper("2606.00001")];
    const tree = parseMarkdown(dayMarkdown({ ...day, papers, total: 2 }, SITE));
    expectOnlyStructure(tree);
    expect(tree.children[0]).toMatchObject({ type: "heading", depth: 1 });
    expect(textOf(tree.children[0]!)).toBe("Papers of Tuesday, June 16, 2026");
    expect(textOf(tree.children[1]!)).toBe("2 papers were added to the feed on 2026-06-16, in trending order.");
    expect(linksOf(tree.children[2]!).map((link) => link.url)).toEqual([
      `${SITE}/papers/date/2026-06-16`,
      `${SITE}/api/daily_papers?date=2026-06-16&sort=trending&limit=100`,
      `${SITE}/papers/date/2026-06-10.md`,
    ]);
    const list = tree.children[4] as List;
    expect(list).toMatchObject({ type: "list", ordered: true, start: 1 });
    expect(list.children.map((item) => linksOf(item))).toEqual([
      [{ url: `${SITE}/papers/2606.00002.md`, text: collapseWhitespace(HOSTILE.join(" ")) }],
      [{ url: `${SITE}/papers/2606.00001.md`, text: "Paper 2606.00001" }],
    ]);
    const [title, facts, excerpt] = textOf(list.children[0]!).split("\n");
    expect(title).toBe(collapseWhitespace(HOSTILE.join(" ")));
    expect(facts).toBe("3 upvotes · 1 comment · <b>Org</b>");
    expect(excerpt!.length).toBeLessThanOrEqual(200);
  });

  it("says where the rest is when the day has more papers than it lists", () => {
    const papers = Array.from({ length: 100 }, (_, index) => dayPaper(`2606.${String(index).padStart(5, "0")}`));
    const tree = parseMarkdown(dayMarkdown({ ...day, papers, total: 340 }, SITE));
    expect(textOf(tree.children[1]!)).toBe(
      "340 papers were added to the feed on 2026-06-16; the first 100 in trending order are listed here, and the JSON API pages through the rest.",
    );
    expect(linksOf(tree.children[1]!)[0]?.url).toBe(`${SITE}/api/daily_papers?date=2026-06-16&sort=trending&limit=100&p=1`);
  });

  it("says a day had no papers, or has not happened yet", () => {
    const empty = parseMarkdown(dayMarkdown({ ...day, day: "2026-06-12", next: "2026-06-16", papers: [], total: 0 }, SITE));
    expect(textOf(empty.children[1]!)).toBe("No papers were added to the feed on this day.");
    expect(linksOf(empty).map((link) => link.text)).toEqual([
      "This day on the site",
      "This day as JSON",
      "Previous day: Wednesday, June 10, 2026",
      "Next day: Tuesday, June 16, 2026",
    ]);
    expect(empty.children.some((node) => node.type === "heading" && node.depth === 2)).toBe(false);
    const future = parseMarkdown(dayMarkdown({ ...day, day: "2027-01-01", papers: [], total: 0 }, SITE));
    expect(textOf(future.children[1]!)).toBe("This day has not happened yet: no papers so far.");
  });
});

describe("llmsTxt", () => {
  it("follows llms.txt: an H1, a block-quoted summary, notes, then H2 sections of links", () => {
    const tree = parseMarkdown(llmsTxt("2026-06-16", SITE));
    expect(tree.children[0]).toMatchObject({ type: "heading", depth: 1 });
    expect(textOf(tree.children[0]!)).toBe("Daily Papers");
    expect(tree.children[1]?.type).toBe("blockquote");
    const sections = tree.children.flatMap((node, index) => (node.type === "heading" && node.depth === 2 ? [index] : []));
    expect(sections.map((index) => textOf(tree.children[index]!))).toEqual(["Markdown", "API", "Feeds", "Optional"]);
    for (const index of sections) {
      const list = tree.children[index + 1] as List;
      expect(list.type).toBe("list");
      for (const item of list.children) expect(linksOf(item)[0]?.url).toMatch(new RegExp(`^${SITE}/`));
    }
    const urls = linksOf(tree).map((link) => link.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        `${SITE}/papers/date/2026-06-16.md`,
        `${SITE}/api/daily_papers?date=2026-06-16&sort=trending`,
        `${SITE}/papers/feed.xml`,
        `${SITE}/papers/trending/feed.json`,
      ]),
    );
  });

  it("leaves the latest day out on an empty instance", () => {
    const tree = parseMarkdown(llmsTxt(null, SITE));
    const h2s = tree.children.filter((node) => node.type === "heading" && node.depth === 2).map((node) => textOf(node));
    expect(h2s).toEqual(["API", "Feeds", "Optional"]);
    expect(linksOf(tree).map((link) => link.url)).toContain(`${SITE}/api/daily_papers`);
  });
});
