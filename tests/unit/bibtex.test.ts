import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@retorquere/bibtex-parser";
import { describe, expect, it } from "vitest";
import { bibtexEntry } from "@/lib/bibtex";
import { HF_FIXTURES } from "../support/fixtures";

interface FixtureItem {
  paper: { id: string; title: string; authors: { name: string }[]; publishedAt: string };
}

const fixtures = (JSON.parse(readFileSync(join(HF_FIXTURES, "2026-06-16.json"), "utf8")) as FixtureItem[]).map(({ paper }) => ({
  id: paper.id,
  title: paper.title.replace(/\s+/g, " ").trim(),
  authors: paper.authors.map((author) => author.name),
  publishedAt: paper.publishedAt,
}));

describe("bibtexEntry", () => {
  it("gives every recorded paper an entry a BibTeX parser reads back: title, authors, year, eprint", () => {
    const parsed = parse(fixtures.map(bibtexEntry).join("\n"));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(fixtures.length);
    parsed.entries.forEach((entry, index) => {
      const paper = fixtures[index]!;
      expect(entry.type).toBe("misc");
      expect(entry.fields.eprint).toBe(paper.id);
      expect(entry.fields.archiveprefix).toBe("arXiv");
      expect(entry.fields.year).toBe(paper.publishedAt.slice(0, 4));
      expect(entry.fields.author).toHaveLength(paper.authors.length);
      // Braces kept every capital as written, so the parser did not sentence-case the title.
      expect(entry.fields.title).toBe(paper.title);
    });
    expect(new Set(parsed.entries.map((entry) => entry.key)).size).toBe(fixtures.length);
  });

  it("escapes &, %, {, } and other LaTeX specials so they come back as written", () => {
    const paper = {
      id: "2611.00001",
      title: "R&D at 50% {sic} costs $5 #1 a_b",
      authors: ["Ada Lovelace", "Plato"],
      publishedAt: "2026-11-01T00:00:00Z",
    };
    const entry = bibtexEntry(paper);
    expect(entry).toContain("title = {{R\\&D} at 50\\% \\{sic\\} costs \\$5 \\#1 a\\_b}");
    expect(entry).toContain("author = {Lovelace, Ada and {Plato}}");
    const [parsed] = parse(entry).entries;
    expect(parsed!.fields.title).toBe(paper.title);
    expect(parsed!.fields.author).toEqual([{ lastName: "Lovelace", firstName: "Ada" }, { name: "Plato" }]);
  });
});
