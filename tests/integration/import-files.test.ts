import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "Organization" CASCADE`);
});

async function rowCounts() {
  return { papers: await t.db.paper.count(), organizations: await t.db.organization.count() };
}

async function paperIdsIn(files: string[]) {
  const ids: string[] = [];
  for (const file of files) {
    for (const item of JSON.parse(await readFile(file, "utf8")) as { paper: { id: string } }[]) ids.push(item.paper.id);
  }
  return ids;
}

describe("importing Hugging Face daily_papers files", () => {
  it("imports all three schema generations and is idempotent", async () => {
    const files = await listImportFiles([HF_FIXTURES]);
    expect(files.map((file) => file.slice(-15))).toEqual([
      "2024-06-03.json",
      "2024-06-04.json",
      "2025-03-17.json",
      "2025-10-06.json",
      "2026-06-10.json",
      "2026-06-16.json",
    ]);
    const items = await paperIdsIn(files);
    const expectedPapers = new Set(items).size;
    expect(expectedPapers).toBe(items.length - 1); // 2606.11176 is in two files

    const first = await importDailyPaperFiles(t.db, files);
    expect(first.skipped).toEqual([]);
    expect(first.created).toBe(expectedPapers);
    expect(first.updated).toBe(1);
    const afterFirst = await rowCounts();
    expect(afterFirst.papers).toBe(expectedPapers);
    expect(afterFirst.organizations).toBeGreaterThan(0);

    const second = await importDailyPaperFiles(t.db, files);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: items.length, skipped: [] });
    expect(await rowCounts()).toEqual(afterFirst);
  });

  it("maps each generation's fields", async () => {
    await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));

    // 2024-06: no submittedOnDailyAt, so the day comes from the file name; hard-wrapped title.
    const mamba = await t.db.paper.findUniqueOrThrow({ where: { id: "2405.21060" } });
    expect(mamba.feedDate.toISOString().slice(0, 10)).toBe("2024-06-03");
    expect(mamba.title).toBe("Transformers are SSMs: Generalized Models and Efficient Algorithms Through Structured State Space Duality");
    expect(mamba.authors).toEqual(["Tri Dao", "Albert Gu"]);
    expect(mamba.publishedAt.toISOString()).toBe("2024-05-31T17:50:01.000Z");
    expect(mamba.mediaUrls).toEqual(["https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2405.21060.png"]);
    expect(mamba.abstract).not.toContain("\n");
    expect(mamba.upstreamUpvotes).toBe(27);
    expect(mamba.upstreamComments).toBe(3);

    // 2025-03: submittedOnDailyAt, submitter and AI keywords.
    const pladis = await t.db.paper.findUniqueOrThrow({ where: { id: "2503.07677" } });
    expect(pladis.submittedAt?.toISOString()).toBe("2025-03-17T00:44:05.364Z");
    expect(pladis.submitterName).toBe("kwanyoung");
    expect(pladis.submitterAvatarUrl).toBe("https://huggingface.co/avatars/2e166fee60844729479bfa4291796c8a.svg");
    expect(pladis.aiKeywords).toContain("diffusion models");

    // 2026-06: organization, GitHub, AI summary.
    const withOrg = await t.db.paper.findFirstOrThrow({
      where: { feedDate: new Date("2026-06-10"), organizationName: { not: null }, githubRepo: { not: null } },
      include: { organization: true },
    });
    expect(withOrg.organization?.fullName.length).toBeGreaterThan(0);
    expect(withOrg.githubRepo).toMatch(/^https:\/\/github\.com\//);
  });

  it("moves a re-submitted paper to the later day with the newer counts, in any import order", async () => {
    const later = join(HF_FIXTURES, "2026-06-16.json");
    const earlier = join(HF_FIXTURES, "2026-06-10.json");
    for (const order of [
      [earlier, later],
      [later, earlier],
    ]) {
      await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "Organization" CASCADE`);
      await importDailyPaperFiles(t.db, order);
      const paper = await t.db.paper.findUniqueOrThrow({ where: { id: "2606.11176" } });
      expect(paper.feedDate.toISOString().slice(0, 10)).toBe("2026-06-16");
      expect(paper.upstreamUpvotes).toBe(82);
      expect(paper.upstreamComments).toBe(3);
    }
  });

  it("keeps local upvotes when a newer response updates the upstream counts", async () => {
    await importDailyPaperFiles(t.db, [join(HF_FIXTURES, "2026-06-10.json")]);
    await t.db.paper.update({ where: { id: "2606.11176" }, data: { localUpvotes: 5 } });
    const result = await importDailyPaperFiles(t.db, [join(HF_FIXTURES, "2026-06-16.json")]);
    expect(result.updated).toBe(1);
    const paper = await t.db.paper.findUniqueOrThrow({ where: { id: "2606.11176" } });
    expect({ local: paper.localUpvotes, upstream: paper.upstreamUpvotes }).toEqual({ local: 5, upstream: 82 });
  });
});

describe("broken input", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dp-import-"));
  });

  it("reports a truncated file and a non-array, and imports nothing from them", async () => {
    const text = await readFile(join(HF_FIXTURES, "2025-03-17.json"), "utf8");
    await writeFile(join(dir, "2025-03-17.json"), text.slice(0, text.length / 2));
    await writeFile(join(dir, "2025-03-18.json"), JSON.stringify({ error: "Rate limited" }));

    const summary = await importDailyPaperFiles(t.db, [join(dir, "2025-03-17.json"), join(dir, "2025-03-18.json")]);
    expect(summary.created).toBe(0);
    expect(summary.skipped).toHaveLength(2);
    expect(summary.skipped[0]?.reason).toMatch(/not valid JSON/);
    expect(summary.skipped[1]?.reason).toMatch(/expected a JSON array of daily papers, got a object/);
    expect(await t.db.paper.count()).toBe(0);
  });

  it("skips items missing required fields and imports the rest", async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reaching into fixture JSON to break it
    const items = JSON.parse(await readFile(join(HF_FIXTURES, "2026-06-10.json"), "utf8")) as Record<string, any>[];
    const broken = structuredClone(items);
    delete broken[0]!.paper.title;
    broken[1]!.paper.id = "not-an-id";
    broken[2]!.paper.authors = [];
    broken[3]!.unexpectedNewKey = { anything: true };
    await writeFile(join(dir, "2026-06-10.json"), JSON.stringify(broken));

    const summary = await importDailyPaperFiles(t.db, [join(dir, "2026-06-10.json")]);
    expect(summary.skipped.map(({ index, paperId }) => ({ index, paperId }))).toEqual([
      { index: 0, paperId: items[0]!.paper.id },
      { index: 1, paperId: "not-an-id" },
      { index: 2, paperId: items[2]!.paper.id },
    ]);
    expect(summary.skipped[0]?.reason).toMatch(/paper\.title is missing/);
    expect(summary.skipped[1]?.reason).toMatch(/paper\.id is not an arXiv id/);
    expect(summary.skipped[2]?.reason).toMatch(/paper\.authors has no authors/);
    expect(summary.created).toBe(items.length - 3);
    expect(await t.db.paper.count()).toBe(items.length - 3);
  });

  it("skips only the items holding text PostgreSQL cannot store (NUL, lone surrogates), naming each", async () => {
    const text = await readFile(join(HF_FIXTURES, "2026-06-10.json"), "utf8");
    const items = JSON.parse(text) as { paper: { id: string; title: string; summary: string; authors: { name: string }[] } }[];
    // As the bytes arrive in a file: \u0000 and an unpaired \ud800 escape inside JSON strings.
    const hostile = JSON.stringify(items)
      .replace(JSON.stringify(items[0]!.paper.title), `"Before\\u0000after"`)
      .replace(JSON.stringify(items[1]!.paper.summary), `"Broken \\ud800 surrogate"`)
      .replace(JSON.stringify(items[2]!.paper.authors[0]!.name), `"Nul\\u0000Name"`);
    await writeFile(join(dir, "2026-06-10.json"), hostile);

    const summary = await importDailyPaperFiles(t.db, [join(dir, "2026-06-10.json")]);
    expect(summary.skipped.map(({ index, paperId, reason }) => ({ index, paperId, where: reason.split(" ")[0] }))).toEqual([
      { index: 0, paperId: items[0]!.paper.id, where: "paper.title" },
      { index: 1, paperId: items[1]!.paper.id, where: "paper.summary" },
      { index: 2, paperId: items[2]!.paper.id, where: "paper.authors[0].name" },
    ]);
    expect(summary.skipped[0]?.reason).toMatch(/PostgreSQL cannot store/);
    expect(summary.created).toBe(items.length - 3);
    expect(await t.db.paper.count()).toBe(items.length - 3);
  });

  it.each([
    ["newer first", ["newer.json", "older.json"]],
    ["older first", ["older.json", "newer.json"]],
  ])("an organization keeps the name and avatar of the newest answer whatever the import order (%s)", async (_label, order) => {
    type Organization = { name: string; fullname: string; avatar: string };
    const items = JSON.parse(await readFile(join(HF_FIXTURES, "2026-06-10.json"), "utf8")) as {
      paper: { id: string; submittedOnDailyAt: string; organization?: Organization };
      organization?: Organization;
    }[];
    const item = items.find((candidate) => candidate.paper.organization)!;
    const answer = (day: string, paperId: string, fullname: string, avatar: string) => {
      const copy = structuredClone(item);
      Object.assign(copy.paper, { id: paperId, submittedOnDailyAt: `${day}T00:00:00.000Z` });
      for (const organization of [copy.paper.organization, copy.organization])
        if (organization) Object.assign(organization, { fullname, avatar });
      return JSON.stringify([copy]);
    };
    await writeFile(join(dir, "newer.json"), answer("2026-06-20", "2606.99991", "New Name", "https://cdn-avatars.huggingface.co/new.png"));
    await writeFile(join(dir, "older.json"), answer("2026-06-01", "2606.99992", "Old Name", "https://cdn-avatars.huggingface.co/old.png"));

    await importDailyPaperFiles(
      t.db,
      order.map((name) => join(dir, name)),
    );
    expect(await t.db.organization.findUniqueOrThrow({ where: { name: item.paper.organization!.name } })).toMatchObject({
      fullName: "New Name",
      avatarUrl: "https://cdn-avatars.huggingface.co/new.png",
    });
  });
});
