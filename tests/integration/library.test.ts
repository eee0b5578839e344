import { parse } from "@retorquere/bibtex-parser";
import { beforeEach, describe, expect, it } from "vitest";
import { getSavedPaperIds, listLibrary, setLibraryNote, setSaved } from "@/server/library/library";
import { createLibraryExportHandler } from "@/server/library/library-export-handler";
import { moderate } from "@/server/moderation/moderate";
import { createPaper, createSignedInUser } from "../support/accounts";
import { risParse } from "../support/ris";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User" CASCADE`);
  await createPaper(t.db, "2611.00001");
  await createPaper(t.db, "2611.00002");
  await t.db.paper.update({
    where: { id: "2611.00002" },
    data: { title: 'Costs of R&D: 50% "{less}", =SUM(A1)', authors: ["Ada Lovelace", "Charles Babbage"] },
  });
});

describe("library", () => {
  it("saves and unsaves idempotently, keeps private notes, lists newest saved first and never a hidden paper", async () => {
    const { user } = await createSignedInUser(t.db, "reader@example.com");
    expect(await setSaved(t.db, user.id, "2611.00001", true)).toBe(true);
    await setSaved(t.db, user.id, "2611.00001", true);
    await setSaved(t.db, user.id, "2611.00002", true);
    await expect(setSaved(t.db, user.id, "2699.99999", true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setLibraryNote(t.db, user.id, "2611.00001", "  Read section 3  ");
    await expect(setLibraryNote(t.db, user.id, "2611.00001", "x".repeat(2_001))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect([...(await getSavedPaperIds(t.db, user.id, ["2611.00001", "2611.00002", "2699.99999"]))].sort()).toEqual([
      "2611.00001",
      "2611.00002",
    ]);
    expect((await listLibrary(t.db, user.id)).map((entry) => [entry.paper.id, entry.note])).toEqual([
      ["2611.00002", null],
      ["2611.00001", "Read section 3"],
    ]);
    await moderate(t.db, "mod@example.com", { kind: "HIDE_PAPER", target: "2611.00002", reason: "Spam" });
    expect((await listLibrary(t.db, user.id)).map((entry) => entry.paper.id)).toEqual(["2611.00001"]);
    await setSaved(t.db, user.id, "2611.00001", false);
    expect(await listLibrary(t.db, user.id)).toEqual([]);
  });

  it("exports the library as BibTeX a parser reads back and as CSV a spreadsheet cannot run", async () => {
    const { user, cookie } = await createSignedInUser(t.db, "exporter@example.com");
    await setSaved(t.db, user.id, "2611.00001", true);
    await setSaved(t.db, user.id, "2611.00002", true);
    await setLibraryNote(t.db, user.id, "2611.00002", "Line one,\nline two");
    await setLibraryNote(t.db, user.id, "2611.00001", '=HYPERLINK("https://evil.example")');
    const get = (format: "bibtex" | "ris" | "csv", headers: Record<string, string> = { cookie }) =>
      createLibraryExportHandler(t.db, format)(new Request("http://localhost/me/library/export", { headers }), undefined);

    expect((await get("bibtex", {})).status).toBe(401);
    const bib = await get("bibtex");
    expect(bib.headers.get("content-disposition")).toBe('attachment; filename="library.bib"');
    const parsed = parse(await bib.text());
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((entry) => entry.fields.eprint)).toEqual(["2611.00002", "2611.00001"]);
    expect(parsed.entries[0]!.fields.title).toBe('Costs of R&D: 50% "{less}", =SUM(A1)');

    // RIS, read back by citation.js's RIS parser (what Zotero-like importers do with the file).
    const ris = await get("ris");
    expect(ris.headers.get("content-type")).toBe("application/x-research-info-systems; charset=utf-8");
    expect(ris.headers.get("content-disposition")).toBe('attachment; filename="library.ris"');
    const records = risParse(await ris.text());
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      title: 'Costs of R&D: 50% "{less}", =SUM(A1)',
      author: [
        { family: "Lovelace", given: "Ada" },
        { family: "Babbage", given: "Charles" },
      ],
      DOI: "10.48550/arXiv.2611.00002",
      URL: "https://arxiv.org/abs/2611.00002",
      note: "Line one, line two",
    });
    expect(records[1]!.DOI).toBe("10.48550/arXiv.2611.00001");

    const csv = await (await get("csv")).text();
    expect(csv.split("\r\n")[0]).toBe("arxiv_id,title,authors,published,saved_at,note,url");
    expect(csv).toContain('2611.00002,"Costs of R&D: 50% ""{less}"", =SUM(A1)",Ada Lovelace; Charles Babbage,');
    expect(csv).toContain('"Line one,\nline two"');
    // A cell starting with "=" would run as a formula in a spreadsheet; it is written as text.
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
  });
});
