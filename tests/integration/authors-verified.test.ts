import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isOrcid } from "@/lib/authors/author-claim";
import { claimAuthorship, listPendingClaims, setAuthorLink } from "@/server/authors/author-claims";
import { getAuthorIdentity, getPaperAuthorship } from "@/server/authors/authorship";
import { parseDailyPapers } from "@/server/ingest/hf-daily-papers";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { writePapers } from "@/server/ingest/write-papers";
import { moderate } from "@/server/moderation/moderate";
import { createSignedInUser } from "../support/accounts";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const PAPER = "2606.17046";

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
});

beforeEach(async () => {
  await t.db.user.deleteMany();
  await t.db.authorLink.deleteMany();
});

describe("verified authors", () => {
  it("imports Hugging Face's claimed_verified authors with their handles, and a newer answer replaces them", async () => {
    const { marks } = await getPaperAuthorship(t.db, PAPER);
    expect(Object.fromEntries([...marks].map(([name, mark]) => [name, mark.hfUser]))).toEqual({
      "Jisang Han": "onground",
      "Seonghu Jeon": "SeonghuJeon",
      "Honggyu An": "honggyuAn",
      "Sunghwan Hong": "hongsunghwan",
    });
    expect((await getPaperAuthorship(t.db, "2606.14777")).marks.get("Jiaqi Wang")).toEqual({ hfUser: "myownskyW7", handle: null });
    expect(await getAuthorIdentity(t.db, "Jisang Han")).toEqual({ handles: [], hfUsers: ["onground"] });

    // The same day answered again with one author's claim withdrawn and another author hidden.
    const day = JSON.parse(await readFile(join(HF_FIXTURES, "2026-06-16.json"), "utf8")) as {
      paper: { id: string; authors: { name: string; status?: string; hidden?: boolean }[] };
    }[];
    const item = day.find((entry) => entry.paper.id === PAPER)!;
    for (const author of item.paper.authors) {
      if (author.name === "Jisang Han") author.status = "extracted_confirmed";
      if (author.name === "Seonghu Jeon") author.hidden = true;
    }
    const parsed = parseDailyPapers([item], "2026-06-16");
    await writePapers(t.db, parsed.records);
    expect([...(await getPaperAuthorship(t.db, PAPER)).marks.keys()].sort()).toEqual(["Honggyu An", "Sunghwan Hong"]);
    await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
    expect((await getPaperAuthorship(t.db, PAPER)).marks.size).toBe(4);
  });

  it("checks ORCID iDs by their check digit", () => {
    expect(isOrcid("0000-0002-1825-0097")).toBe(true);
    expect(isOrcid("0000-0002-1694-233X")).toBe(true);
    expect(isOrcid("0000-0002-1825-0098")).toBe(false);
    expect(isOrcid("0000-0002-1825-009")).toBe(false);
  });

  it("takes a reader's claim to a moderator, and an approved claim links the author to the reader", async () => {
    const { user } = await createSignedInUser(t.db, "honggyu@kaist.ac.kr");
    const rival = await createSignedInUser(t.db, "rival@example.com");
    await expect(claimAuthorship(t.db, user.id, { paperId: PAPER, authorName: "Somebody Else" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { fields: { authorName: "Choose your name as the paper lists it." } },
    });
    await expect(
      claimAuthorship(t.db, user.id, { paperId: PAPER, authorName: "Honggyu An", orcid: "0000-0002-1825-0098" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { fields: { orcid: expect.stringContaining("not an ORCID iD") } },
    });
    await expect(claimAuthorship(t.db, user.id, { paperId: "2699.99999", authorName: "Honggyu An" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await claimAuthorship(t.db, user.id, { paperId: PAPER, authorName: "Honggyu An", orcid: "https://orcid.org/0000-0002-1825-0097" });
    await expect(claimAuthorship(t.db, user.id, { paperId: PAPER, authorName: "Honggyu An" })).rejects.toMatchObject({ code: "CONFLICT" });
    await claimAuthorship(t.db, rival.user.id, { paperId: PAPER, authorName: "Honggyu An" });

    const [claim, rivalClaim] = await listPendingClaims(t.db);
    expect(claim).toMatchObject({ authorName: "Honggyu An", orcid: "0000-0002-1825-0097", paperId: PAPER });
    expect(claim!.evidence).toContain("Email domain: kaist.ac.kr.");
    expect(claim!.evidence).toContain("ORCID iD: 0000-0002-1825-0097");

    await expect(setAuthorLink(t.db, user.id, { paperId: PAPER, kind: "CODE", url: "https://github.com/x/y" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await moderate(t.db, "mod@example.com", { kind: "APPROVE_AUTHOR_CLAIM", target: claim!.id, reason: "ORCID lists the paper" });
    await expect(
      moderate(t.db, "mod@example.com", { kind: "APPROVE_AUTHOR_CLAIM", target: claim!.id, reason: "twice" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await moderate(t.db, "mod@example.com", { kind: "REJECT_AUTHOR_CLAIM", target: rivalClaim!.id, reason: "No evidence" });
    expect(await listPendingClaims(t.db)).toEqual([]);

    const handle = (await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).handle!;
    expect(handle).toMatch(/^reader-[0-9a-f]{6}$/);
    expect((await getPaperAuthorship(t.db, PAPER)).marks.get("Honggyu An")).toEqual({ hfUser: "honggyuAn", handle });
    expect(await getAuthorIdentity(t.db, "Honggyu An")).toEqual({ handles: [handle], hfUsers: ["honggyuAn"] });
    await expect(claimAuthorship(t.db, rival.user.id, { paperId: PAPER, authorName: "Honggyu An" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await expect(setAuthorLink(t.db, user.id, { paperId: PAPER, kind: "CODE", url: "javascript:alert(1)" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await setAuthorLink(t.db, user.id, { paperId: PAPER, kind: "CODE", url: "https://github.com/kaist/code" });
    expect((await getPaperAuthorship(t.db, PAPER)).links).toEqual([{ kind: "CODE", url: "https://github.com/kaist/code" }]);
    await setAuthorLink(t.db, user.id, { paperId: PAPER, kind: "CODE", url: "" });
    expect((await getPaperAuthorship(t.db, PAPER)).links).toEqual([]);
  });
});
