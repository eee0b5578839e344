import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importDailyPaperFiles } from "@/server/ingest/import-files";
import { getSimilarPapers } from "@/server/papers/similar";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();

// Words that carry no topic; a related paper must share something better.
const STOP = new Set([
  "a",
  "an",
  "and",
  "the",
  "of",
  "for",
  "in",
  "on",
  "to",
  "with",
  "via",
  "from",
  "by",
  "is",
  "are",
  "at",
  "as",
  "towards",
  "toward",
]);

function keyTerms(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 2 && !STOP.has(word))
      .map((word) => word.replace(/(ing|ed|es|s)$/, "")),
  );
}

beforeAll(async () => {
  const files = (await readdir(HF_FIXTURES)).filter((name) => name.endsWith(".json")).map((name) => join(HF_FIXTURES, name));
  await importDailyPaperFiles(t.db, files);
});

describe("getSimilarPapers", () => {
  it("lists up to six other papers that share the paper's key terms, never the paper itself", async () => {
    const sample = await t.db.paper.findMany({ orderBy: { id: "asc" }, take: 8, select: { id: true, title: true } });
    expect(sample.length).toBe(8);
    for (const paper of sample) {
      const similar = await getSimilarPapers(t.db, paper.id);
      expect(similar.length, paper.title).toBeGreaterThan(0);
      expect(similar.length).toBeLessThanOrEqual(6);
      expect(similar.map((other) => other.id)).not.toContain(paper.id);
      const terms = keyTerms(paper.title);
      for (const other of similar) {
        const shared = [...keyTerms(`${other.title} ${other.abstract}`)].filter((term) => terms.has(term));
        expect(shared.length, `${paper.title} -> ${other.title}`).toBeGreaterThan(0);
      }
    }
  });

  it("ranks a paper on the same topic first", async () => {
    const [video] = await t.db.paper.findMany({
      where: { title: { contains: "Video", mode: "insensitive" } },
      take: 1,
      select: { id: true },
    });
    const similar = await getSimilarPapers(t.db, video!.id);
    expect(`${similar[0]!.title} ${similar[0]!.abstract}`.toLowerCase()).toContain("video");
    expect(await getSimilarPapers(t.db, "2699.99999")).toEqual([]);
  });
});
