import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DomUtils, parseDocument } from "htmlparser2";
import { risParse } from "../support/ris";

// What Zotero's connector and Google Scholar read, checked on the served HTML with an HTML parser:
// a paper page's Highwire Press `citation_*` meta tags, and a COinS span on each card of a list.

type Element = ReturnType<typeof DomUtils.findAll>[number];

async function documentAt(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  return parseDocument(await response.text());
}

test("a paper page carries complete citation_* tags that match the paper", async ({ request }) => {
  const id = "2606.11176";
  const paper = (await (await request.get(`/api/papers/${id}`)).json()) as {
    title: string;
    authors: { name: string }[];
    publishedAt: string;
    summary: string;
  };
  const head = await documentAt(request, `/papers/${id}`);
  const tags = DomUtils.findAll(
    (element: Element) => element.name === "meta" && /^citation_/.test(element.attribs.name ?? ""),
    head.children,
  );
  const values = (name: string) => tags.filter((tag) => tag.attribs.name === name).map((tag) => tag.attribs.content);

  // Highwire Press / Google Scholar: title, at least one author, the date as YYYY/MM/DD, and where the full text is.
  expect(values("citation_title")).toEqual([paper.title]);
  expect(values("citation_author")).toEqual(paper.authors.map((author) => author.name));
  expect(values("citation_publication_date")).toEqual([paper.publishedAt.slice(0, 10).replace(/-/g, "/")]);
  expect(values("citation_arxiv_id")).toEqual([id]);
  expect(values("citation_pdf_url")).toEqual([`https://arxiv.org/pdf/${id}`]);
  expect(values("citation_abstract_html_url")).toEqual([`https://arxiv.org/abs/${id}`]);
  expect(values("citation_abstract")).toEqual([paper.summary]);
});

test("every card of a day carries a COinS span that parses back to the card's paper", async ({ request }) => {
  const page = await documentAt(request, "/papers/date/2026-06-16");
  const cards = DomUtils.findAll(
    (element: Element) => element.name === "article" && element.attribs["data-testid"] === "paper-card",
    page.children,
  );
  expect(cards.length).toBeGreaterThan(10);
  for (const card of cards) {
    const [span] = DomUtils.findAll((element: Element) => element.attribs.class === "Z3988", card.children);
    const context = new URLSearchParams(span!.attribs.title!);
    const titleLink = DomUtils.findOne((element: Element) => element.attribs["data-testid"] === "paper-title", card.children)!;
    expect(context.get("ctx_ver")).toBe("Z39.88-2004");
    expect(context.get("rft.atitle")).toBe(DomUtils.textContent(titleLink));
    expect(context.getAll("rft_id")).toContain(`info:arxiv/${card.attribs["data-paper-id"]}`);
    const authors = DomUtils.findOne((element: Element) => element.attribs["data-testid"] === "paper-authors", card.children)!;
    expect(`${context.getAll("rft.au").length}`).toBe(DomUtils.textContent(authors).split(" ")[0]!.replace(/,/g, ""));
  }
});

test("the Cite box downloads the paper as a RIS file a RIS parser reads", async ({ page }) => {
  await page.goto("/papers/2606.11176");
  const cite = page.getByTestId("cite-box");
  await cite.locator("summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), cite.getByRole("link", { name: "Download RIS" }).click()]);
  expect(download.suggestedFilename()).toBe("2606.11176.ris");
  const [record, ...rest] = risParse(await readFile((await download.path())!, "utf8"));
  expect(rest).toEqual([]);
  expect(record!.title).toBe(await page.getByRole("heading", { level: 1 }).innerText());
  expect(record!.DOI).toBe("10.48550/arXiv.2606.11176");
});
