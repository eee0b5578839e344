import { beforeAll, describe, expect, it } from "vitest";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import type { ImportSummary } from "@/server/ingest/import-report";
import { getPaperWithSimilar, RANK_ON_VIEW_DAYS, SIMILAR_PAPERS } from "@/server/papers/similar";
import { SIMILAR_LIST_LENGTH, SIMILAR_LISTS_AT_IMPORT, storeSimilarList } from "@/server/papers/similar-lists";
import { refreshSimilarLists, SIMILAR_LIST_MAX_AGE_DAYS } from "@/server/sync/refresh-similar-lists";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const NOW = new Date("2026-06-17T09:00:00Z");
const DAY_MS = 86_400_000;

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

let imported: ImportSummary;

beforeAll(async () => {
  imported = await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
});

const storedList = (paperId: string) => t.db.similarPaperList.findUnique({ where: { paperId } });
const similarIds = async (paperId: string, limit = SIMILAR_PAPERS) =>
  (await getPaperWithSimilar(t.db, paperId, { limit, now: NOW }))?.similar.map((paper) => paper.id);

/** A paper of the newest fixture day whose stored list is full. */
async function paperWithFullList() {
  const list = await t.db.similarPaperList.findFirst({
    where: { paper: { feedDate: new Date("2026-06-16") } },
    orderBy: { paperId: "asc" },
  });
  expect(list?.paperIds).toHaveLength(SIMILAR_LIST_LENGTH);
  return list!;
}

describe("similar-paper lists stored at import", () => {
  it("ranks the newest papers an import creates, up to SIMILAR_LISTS_AT_IMPORT of them", async () => {
    expect(imported.created).toBe(108);
    const lists = await t.db.similarPaperList.findMany();
    expect(lists).toHaveLength(SIMILAR_LISTS_AT_IMPORT);
    expect(new Set(lists.map((list) => list.paperId))).toEqual(new Set(imported.createdIds.slice(-SIMILAR_LISTS_AT_IMPORT)));
    for (const list of lists) {
      expect(list.paperIds.length).toBeGreaterThan(0);
      expect(list.paperIds.length).toBeLessThanOrEqual(SIMILAR_LIST_LENGTH);
      expect(list.paperIds).not.toContain(list.paperId);
    }
    // The first papers created (the oldest day) wait for their first view or the sync's refresh.
    expect(await storedList(imported.createdIds[0]!)).toBeNull();
  });

  it("shows the stored list, in its order, without ranking again", async () => {
    const list = await paperWithFullList();
    expect(await similarIds(list.paperId, SIMILAR_LIST_LENGTH)).toEqual(list.paperIds);
    const planted = [list.paperIds[5]!, list.paperIds[0]!, list.paperIds[2]!];
    await t.db.similarPaperList.update({ where: { paperId: list.paperId }, data: { paperIds: planted } });
    expect(await similarIds(list.paperId)).toEqual(planted);
    await t.db.similarPaperList.update({ where: { paperId: list.paperId }, data: { paperIds: list.paperIds } });
  });

  it("skips a neighbour hidden since the list was ranked, and the next one takes its place", async () => {
    const list = await paperWithFullList();
    const [first, ...rest] = list.paperIds;
    await t.db.paper.update({ where: { id: first! }, data: { hiddenAt: NOW } });
    try {
      expect(await similarIds(list.paperId)).toEqual(rest.slice(0, SIMILAR_PAPERS));
    } finally {
      await t.db.paper.update({ where: { id: first! }, data: { hiddenAt: null } });
    }
  });

  it("ranks a recent paper without a list on its first view and stores the list", async () => {
    const paperId = imported.createdIds[0]!;
    const { feedDate } = await t.db.paper.findUniqueOrThrow({ where: { id: paperId } });
    expect(await storedList(paperId)).toBeNull();
    const viewed = await getPaperWithSimilar(t.db, paperId, { now: new Date(feedDate.getTime() + 86_400_000) });
    const shown = viewed?.similar.map((paper) => paper.id);
    expect(shown?.length).toBeGreaterThan(0);
    const stored = await storedList(paperId);
    expect(stored?.paperIds.slice(0, SIMILAR_PAPERS)).toEqual(shown);
  });

  it("leaves an old paper without a list to the background refresh, except on its More-like-this page", async () => {
    const paperId = imported.createdIds[2]!;
    const { feedDate } = await t.db.paper.findUniqueOrThrow({ where: { id: paperId } });
    const later = new Date(feedDate.getTime() + (RANK_ON_VIEW_DAYS + 1) * 86_400_000);
    expect(await storedList(paperId)).toBeNull();
    const onPaperPage = await getPaperWithSimilar(t.db, paperId, { now: later });
    expect(onPaperPage?.paper.id).toBe(paperId);
    expect(onPaperPage?.similar).toEqual([]);
    expect(await storedList(paperId)).toBeNull();
    const moreLikeThis = await getPaperWithSimilar(t.db, paperId, { limit: 30, rankMissing: "always", now: later });
    expect(moreLikeThis?.similar.length).toBeGreaterThan(0);
    expect(await storedList(paperId)).not.toBeNull();
  });

  it("has no answer for a hidden or unknown paper, and stores no list for it", async () => {
    const paperId = imported.createdIds[1]!;
    await t.db.paper.update({ where: { id: paperId }, data: { hiddenAt: NOW } });
    try {
      expect(await getPaperWithSimilar(t.db, paperId)).toBeNull();
      expect(await storedList(paperId)).toBeNull();
    } finally {
      await t.db.paper.update({ where: { id: paperId }, data: { hiddenAt: null } });
    }
    expect(await getPaperWithSimilar(t.db, "2699.99999")).toBeNull();
  });
});

describe("ranking", () => {
  it("lists up to six other papers that share the paper's key terms, never the paper itself", async () => {
    const sample = await t.db.paper.findMany({ orderBy: { id: "asc" }, take: 8, select: { id: true, title: true } });
    expect(sample.length).toBe(8);
    for (const paper of sample) {
      const similar = (await getPaperWithSimilar(t.db, paper.id, { rankMissing: "always" }))!.similar;
      expect(similar.length, paper.title).toBeGreaterThan(0);
      expect(similar.length).toBeLessThanOrEqual(SIMILAR_PAPERS);
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
    const [closest] = (await getPaperWithSimilar(t.db, video!.id, { rankMissing: "always" }))!.similar;
    expect(`${closest!.title} ${closest!.abstract}`.toLowerCase()).toContain("video");
  });

  it("never lists a hidden paper", async () => {
    const list = await paperWithFullList();
    const hidden = list.paperIds[0]!;
    await t.db.paper.update({ where: { id: hidden }, data: { hiddenAt: NOW } });
    try {
      expect(await storeSimilarList(t.db, list.paperId, NOW)).not.toContain(hidden);
    } finally {
      await t.db.paper.update({ where: { id: hidden }, data: { hiddenAt: null } });
      await storeSimilarList(t.db, list.paperId, NOW);
    }
  });
});

describe("refreshSimilarLists", () => {
  /** Every visible paper in the order the refresh walks them: newest feed day first. */
  const walkOrder = async () =>
    (await t.db.paper.findMany({ where: { hiddenAt: null }, orderBy: [{ feedDate: "desc" }, { id: "desc" }], select: { id: true } })).map(
      (paper) => paper.id,
    );
  const listed = async () => new Set((await t.db.similarPaperList.findMany({ select: { paperId: true } })).map((list) => list.paperId));

  it("ranks missing lists newest first, a bounded number per run, each run going on where the last stopped", async () => {
    await t.db.similarPaperList.deleteMany();
    const order = await walkOrder();

    expect(await refreshSimilarLists(t.db, NOW, 5)).toEqual({ examined: 5, ranked: 5 });
    expect(await listed()).toEqual(new Set(order.slice(0, 5)));

    expect(await refreshSimilarLists(t.db, NOW, 5)).toEqual({ examined: 5, ranked: 5 });
    expect(await listed()).toEqual(new Set(order.slice(0, 10)));

    // A paper further on that already has a fresh list is stepped over, not ranked again.
    const fresh = order[12]!;
    await storeSimilarList(t.db, fresh, NOW);
    expect(await refreshSimilarLists(t.db, NOW, 5)).toEqual({ examined: 6, ranked: 5 });
    expect(await listed()).toEqual(new Set(order.slice(0, 16)));
  });

  it("ranks again the lists older than SIMILAR_LIST_MAX_AGE_DAYS, and starts over from the newest paper past the oldest", async () => {
    const order = await walkOrder();
    // Finish the pass: every paper gets a list, and the walk comes back to the newest paper.
    const rest = await refreshSimilarLists(t.db, NOW, order.length);
    expect(rest.ranked).toBe(order.length - 16);
    expect(await listed()).toEqual(new Set(order));

    const [newest, aged, recent] = [order[0]!, order[40]!, order[41]!];
    await t.db.similarPaperList.update({ where: { paperId: newest }, data: { computedAt: new Date(NOW.getTime() - 40 * DAY_MS) } });
    await t.db.similarPaperList.update({
      where: { paperId: aged },
      data: { computedAt: new Date(NOW.getTime() - (SIMILAR_LIST_MAX_AGE_DAYS + 1) * DAY_MS) },
    });
    await t.db.similarPaperList.update({
      where: { paperId: recent },
      data: { computedAt: new Date(NOW.getTime() - (SIMILAR_LIST_MAX_AGE_DAYS - 1) * DAY_MS) },
    });
    expect(await refreshSimilarLists(t.db, NOW, 1)).toEqual({ examined: 1, ranked: 1 });
    expect((await storedList(newest))?.computedAt).toEqual(NOW);
    expect(await refreshSimilarLists(t.db, NOW, 20)).toEqual({ examined: order.length - 1, ranked: 1 });
    expect((await storedList(aged))?.computedAt).toEqual(NOW);
    expect((await storedList(recent))?.computedAt.getTime()).toBeLessThan(NOW.getTime());
  });
});
