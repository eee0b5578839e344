import { describe, expect, it } from "vitest";
import { coinsTitle, highwireTags } from "@/lib/citation-meta";
import { risEntry } from "@/lib/ris";
import { risParse } from "../support/ris";

const paper = {
  id: "2606.11176",
  title: "Costs of R&D: 50% “less”\nand <b>more</b>",
  authors: ["Ada King Lovelace", "Charles Babbage", "Plato"],
  publishedAt: "2026-06-15T17:59:59.000Z",
  abstract: "We study\n\nthings.",
  categories: ["cs.CL", "cs.LG"],
};

describe("RIS", () => {
  it("reads back with a RIS parser: title, authors, date, DOI, links, abstract, note", () => {
    const [record, ...rest] = risParse(risEntry({ ...paper, note: "Read\nfor Friday" }));
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      title: "Costs of R&D: 50% “less” and <b>more</b>",
      author: [{ family: "Lovelace", given: "Ada King" }, { family: "Babbage", given: "Charles" }, { family: "Plato" }],
      DOI: "10.48550/arXiv.2606.11176",
      URL: "https://arxiv.org/abs/2606.11176",
      abstract: "We study things.",
      note: "Read for Friday",
    });
    expect(record!.issued?.["date-parts"]?.[0]?.slice(0, 3)).toEqual([2026, 6, 15]);
  });

  it("keeps a hostile title in its own record: line breaks cannot start a tag", () => {
    const hostile = { ...paper, title: "Evil\r\nER  - \r\nTY  - JOUR\r\nTI  - Injected" };
    const records = risParse(risEntry(hostile) + risEntry({ ...paper, id: "hep-th/9901001" }));
    expect(records.map((record) => record.title)).toEqual(["Evil ER - TY - JOUR TI - Injected", paper.title.replace("\n", " ")]);
    expect(records[1]!.DOI).toBe("10.48550/arXiv.hep-th/9901001");
  });
});

describe("Highwire citation tags", () => {
  it("name the title, each author in order, the date as Google Scholar asks, the arXiv id and the links", () => {
    expect(highwireTags(paper)).toMatchObject({
      citation_title: paper.title,
      citation_author: paper.authors,
      citation_publication_date: "2026/06/15",
      citation_arxiv_id: "2606.11176",
      citation_pdf_url: "https://arxiv.org/pdf/2606.11176",
      citation_abstract_html_url: "https://arxiv.org/abs/2606.11176",
    });
  });
});

describe("COinS", () => {
  it("is an OpenURL ContextObject that parses back to the paper", () => {
    const context = new URLSearchParams(coinsTitle(paper));
    expect(context.get("ctx_ver")).toBe("Z39.88-2004");
    expect(context.get("rft_val_fmt")).toBe("info:ofi/fmt:kev:mtx:journal");
    expect(context.get("rft.atitle")).toBe(paper.title);
    expect(context.getAll("rft.au")).toEqual(paper.authors);
    expect(context.get("rft.date")).toBe("2026-06-15");
    expect(context.getAll("rft_id")).toContain("info:arxiv/2606.11176");
  });
});
