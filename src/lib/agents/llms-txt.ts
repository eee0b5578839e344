// /llms.txt as https://llmstxt.org describes it: an H1, a block-quoted summary, notes, then H2
// sections that list links with a note each ("Optional" last: what an agent may skip).
import { DAY_MARKDOWN_PAPERS } from "@/lib/agents/day-markdown";
import { markdownLink } from "@/lib/markdown/escape";

interface LinkItem {
  title: string;
  /** Site-relative. */
  path: string;
  note: string;
}

function section(heading: string, items: LinkItem[], siteUrl: string): string {
  return [`## ${heading}`, "", ...items.map((item) => `- ${markdownLink(item.title, `${siteUrl}${item.path}`)}: ${item.note}`)].join("\n");
}

/** The site's llms.txt; `latestDay` is the latest feed day with papers (`YYYY-MM-DD`), null on an empty instance. */
export function llmsTxt(latestDay: string | null, siteUrl: string): string {
  const latest: LinkItem[] = latestDay
    ? [
        {
          title: `The latest day, ${latestDay}`,
          path: `/papers/date/${latestDay}.md`,
          note: `its papers in trending order (up to ${DAY_MARKDOWN_PAPERS}), each linking to its own Markdown, with the days before and after`,
        },
      ]
    : [];
  const api: LinkItem[] = [
    {
      title: "Daily papers",
      path: `/api/daily_papers${latestDay ? `?date=${latestDay}&sort=trending` : ""}`,
      note: "one period's papers in Hugging Face's Daily Papers shape: `date=YYYY-MM-DD`, `week=YYYY-Www` or `month=YYYY-MM` (default: the latest day), `sort=publishedAt|trending`, `limit=1..100`, `p=` (page from 0), filters `cat=`/`not=` (arXiv categories), `code=1`, `min=` (upvotes)",
    },
    {
      title: "Search",
      path: "/api/papers/search?q=large+language+models",
      note: 'full-text search over titles, abstracts and authors: `q=` (words, "phrases", OR, -word), `limit=1..50`, `p=`, `sort=relevance|newest|upvotes`, `from=`/`to=` (feed days), the same filters; `X-Total-Count` says how many matched',
    },
    {
      title: "OpenAPI description",
      path: "/api/openapi.json",
      note: "every JSON endpoint as OpenAPI 3.1: parameters with their limits, answers' schemas, errors, and the personal-access-token endpoints (library, upvotes, follows, For you); read as a page at /api/docs",
    },
    {
      title: "MCP server",
      path: "/api/mcp",
      note: "Model Context Protocol over Streamable HTTP (POST, stateless): `search_papers`, `get_paper`, `list_papers`, `trending`, `similar_papers`, and with a personal access token (`Authorization: Bearer dp_…`) `my_library`, `for_you`, `save_paper`; answers are Markdown, 20 papers a page",
    },
  ];
  const feeds: LinkItem[] = [
    { title: "Latest papers (RSS)", path: "/papers/feed.xml", note: "the papers of the latest 3 feed days" },
    { title: "Latest papers (JSON Feed)", path: "/papers/feed.json", note: "the same as JSON Feed 1.1" },
    { title: "Trending (RSS)", path: "/papers/trending/feed.xml", note: "the trending list" },
    { title: "Trending (JSON Feed)", path: "/papers/trending/feed.json", note: "the same as JSON Feed 1.1" },
  ];
  const optional: LinkItem[] = [{ title: "Sitemap", path: "/sitemap.xml", note: "every paper and list page" }];
  const blocks = [
    "# Daily Papers",
    "> A daily feed of research papers from arXiv, ranked by readers' upvotes, with abstracts, AI summaries and discussion. Papers and days are served as Markdown for agents, and a JSON API answers in Hugging Face's Daily Papers shape.",
    [
      "Add `.md` to a paper's or a day's address for its Markdown:",
      "",
      "- `/papers/<arXiv id>.md`: title, authors, links (arXiv, PDF, code), dates, categories, upvotes, abstract, AI summary and keywords, and the newest comments. Old-style ids keep their slash: `/papers/hep-th/9901001.md`.",
      "- `/papers/date/<YYYY-MM-DD>.md`: a feed day's papers.",
      "",
      "`/api/papers/<arXiv id>` answers one paper as JSON (old-style ids encode the slash: `hep-th%2F9901001`) and `/api/papers/<arXiv id>/comments` its comments. Errors are JSON with a message, or Markdown for `.md` addresses. Answers may be cached for a minute; send `If-None-Match` with the `ETag` for a 304.",
    ].join("\n"),
    ...(latest.length > 0 ? [section("Markdown", latest, siteUrl)] : []),
    section("API", api, siteUrl),
    section("Feeds", feeds, siteUrl),
    section("Optional", optional, siteUrl),
  ];
  return `${blocks.join("\n\n")}\n`;
}
