import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NO_FILTER } from "@/lib/list-filter";
import { packedWeights } from "@/lib/recs/packed";
import { reasonText } from "@/lib/recs/reason";
import { CORPUS_BUCKET } from "@/lib/recs/term-buckets";
import { TERMS_PER_PAPER } from "@/lib/recs/vector";
import { importDailyPaperFiles } from "@/server/ingest/import-files";
import { rankForReader } from "@/server/recs/for-you";
import { storePaperVectors } from "@/server/recs/paper-vectors";
import { getReaderForYou } from "@/server/recs/reader-for-you";
import { getReaderModel, resetReaderModel } from "@/server/recs/reader-model";
import { refreshPaperVectors } from "@/server/recs/refresh-vectors";
import { hidePaper } from "@/server/triage/read-state";
import { createSignedInUser } from "../support/accounts";
import { PROJECT_DIR } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

// The learned for-you on real papers: three weeks of the bundled demo days (June 2026, ~480
// papers). Readers "save" papers by theme; the week after is ranked for them.
const t = useTestDatabase();
const NOW = new Date("2026-06-20T12:00:00Z");
const ROBOTS = /\brobot|embodied|manipulat|locomotion/i;
const DIFFUSION = /diffusion/i;

interface DemoPaper {
  id: string;
  title: string;
  abstract: string;
  feedDate: string;
}
let papers: DemoPaper[] = [];

beforeAll(async () => {
  const demo = join(PROJECT_DIR, "prisma/demo");
  const files = (await readdir(demo)).filter((name) => /^2026-06-(0\d|1[0-9])\.json$/.test(name)).map((name) => join(demo, name));
  await importDailyPaperFiles(t.db, files);
  papers = (await t.db.paper.findMany({ select: { id: true, title: true, abstract: true, feedDate: true }, orderBy: { id: "asc" } })).map(
    (paper) => ({ ...paper, feedDate: paper.feedDate.toISOString().slice(0, 10) }),
  );
}, 120_000);

const about = (theme: RegExp) => (paper: { title: string; abstract: string }) => theme.test(`${paper.title} ${paper.abstract}`);
const before = (day: string) => (paper: DemoPaper) => paper.feedDate < day;

async function saveAll(userId: string, ids: string[]) {
  await t.db.savedPaper.createMany({ data: ids.map((paperId) => ({ userId, paperId })) });
}

describe("paper vectors", () => {
  it("are stored at import for every paper, each paper counted once into the document frequencies", async () => {
    expect(await t.db.paperVector.count()).toBe(papers.length);
    const corpus = await t.db.termFrequency.findUniqueOrThrow({ where: { bucket: CORPUS_BUCKET } });
    expect(corpus.papers).toBe(papers.length);
    const vector = await t.db.paperVector.findUniqueOrThrow({ where: { paperId: papers[0]!.id } });
    expect(vector.terms.length).toBeGreaterThan(5);
    expect(vector.terms.length).toBeLessThanOrEqual(TERMS_PER_PAPER);
    expect(Math.hypot(...packedWeights(vector.packed))).toBeCloseTo(1, 3);

    // Repeated and concurrent stores of the same papers count nothing twice.
    const ids = papers.slice(0, 40).map((paper) => paper.id);
    await t.db.paperVector.deleteMany({ where: { paperId: { in: ids } } });
    await t.db.termFrequency.update({ where: { bucket: CORPUS_BUCKET }, data: { papers: { decrement: ids.length } } });
    const stored = await Promise.all([
      storePaperVectors(t.db, ids, NOW),
      storePaperVectors(t.db, ids, NOW),
      storePaperVectors(t.db, ids, NOW),
    ]);
    expect(stored.reduce((sum, count) => sum + count, 0)).toBe(ids.length);
    expect((await t.db.termFrequency.findUniqueOrThrow({ where: { bucket: CORPUS_BUCKET } })).papers).toBe(papers.length);
  });

  it("are filled in and weighed again by the sync's resumable refresh", async () => {
    const missing = papers.slice(50, 60).map((paper) => paper.id);
    await t.db.paperVector.deleteMany({ where: { paperId: { in: missing } } });
    await t.db.termFrequency.update({ where: { bucket: CORPUS_BUCKET }, data: { papers: { decrement: missing.length } } });
    // A vector weighed when the corpus was tiny (the first papers of an instance).
    await t.db.paperVector.update({ where: { paperId: papers[70]!.id }, data: { corpusSize: 3 } });
    let vectorised = 0;
    let reweighed = 0;
    for (let run = 0; run < 20; run++) {
      const report = await refreshPaperVectors(t.db, NOW, 100);
      vectorised += report.vectorised;
      reweighed += report.reweighed;
      if (report.wrapped) break;
    }
    expect(vectorised).toBe(missing.length);
    expect(reweighed).toBe(1);
    expect(await t.db.paperVector.count()).toBe(papers.length);
    expect((await t.db.paperVector.findUniqueOrThrow({ where: { paperId: papers[70]!.id } })).corpusSize).toBe(papers.length);
  });
});

describe("a reader's for-you", () => {
  it("puts robot-learning papers at the top for a reader who saved only those, saying which saved paper each is like", async () => {
    const { user } = await createSignedInUser(t.db, "robots@example.com");
    const saved = papers.filter(before("2026-06-13")).filter(about(ROBOTS)).slice(0, 8);
    expect(saved.length).toBe(8);
    await saveAll(
      user.id,
      saved.map((paper) => paper.id),
    );
    const forYou = await getReaderForYou(t.db, user.id, NOW);
    expect(forYou.mode).toBe("learned");
    const top = forYou.items.slice(0, 10);
    const window = papers.filter((paper) => paper.feedDate >= "2026-06-13");
    // The week has robot papers at ~15%; the reader's top ten are mostly robots.
    expect(window.filter(about(ROBOTS)).length / window.length).toBeLessThan(0.2);
    expect(top.filter(({ paper }) => about(ROBOTS)(paper)).length).toBeGreaterThanOrEqual(6);
    expect(top.every(({ paper }) => paper.feedDate >= "2026-06-13")).toBe(true);
    const first = top[0]!;
    expect(first.reason.kind).toBe("similar");
    const savedTitles = new Set(saved.map((paper) => paper.title));
    if (first.reason.kind === "similar") expect(first.reason.closest.every((paper) => savedTitles.has(paper.title))).toBe(true);
    expect(reasonText(first.reason)).toMatch(/^Similar to (a paper|\d+ papers) you saved or upvoted: “/);
  });

  it("drops a topic the reader says 'less like this' to", async () => {
    const { user } = await createSignedInUser(t.db, "mixed@example.com");
    const early = papers.filter(before("2026-06-13"));
    await saveAll(
      user.id,
      [
        ...early.filter(about(ROBOTS)).slice(0, 6),
        ...early.filter((paper) => about(DIFFUSION)(paper) && !about(ROBOTS)(paper)).slice(0, 6),
      ].map((paper) => paper.id),
    );
    const ranking = async () => {
      const state = await getReaderModel(t.db, user.id, NOW);
      return (await rankForReader(t.db, user.id, { ...state, model: state.model! }, NOW, NO_FILTER)).items;
    };
    const beforeItems = await ranking();
    const diffusion = beforeItems.filter(({ paper }) => about(DIFFUSION)(paper) && !about(ROBOTS)(paper));
    expect(diffusion.length).toBeGreaterThanOrEqual(4);
    const [marked, rest] = [diffusion.slice(0, 3), diffusion.slice(3)];
    for (const { paper } of marked) await hidePaper(t.db, user.id, paper.id, new Date(), { lessLikeThis: true });
    const afterItems = await ranking();
    for (const { paper } of marked) expect(afterItems.some((item) => item.paper.id === paper.id)).toBe(false);

    // Scores of two models differ by their bias; compare the unmarked diffusion papers with the robot papers in each.
    const scores = (items: typeof beforeItems) => new Map(items.map((item) => [item.paper.id, item.score]));
    const [beforeScores, afterScores] = [scores(beforeItems), scores(afterItems)];
    const drop = (ids: string[]) => ids.filter((id) => afterScores.has(id)).map((id) => beforeScores.get(id)! - afterScores.get(id)!);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const diffusionDrops = drop(rest.map(({ paper }) => paper.id));
    const robotDrops = drop(beforeItems.filter(({ paper }) => about(ROBOTS)(paper)).map(({ paper }) => paper.id));
    expect(diffusionDrops.length).toBeGreaterThan(0);
    expect(mean(diffusionDrops) - mean(robotDrops)).toBeGreaterThan(0);
    // And they move down the list (counted without the marked papers, which left it).
    const meanRank = (items: typeof beforeItems) =>
      mean(rest.map(({ paper }) => items.findIndex((item) => item.paper.id === paper.id)).filter((rank) => rank >= 0));
    const markedIds = new Set(marked.map(({ paper }) => paper.id));
    expect(meanRank(afterItems)).toBeGreaterThan(meanRank(beforeItems.filter((item) => !markedIds.has(item.paper.id))));
  });

  it("is the follows and the week's trending for a reader with no signals, and after a reset; never empty", async () => {
    const { user } = await createSignedInUser(t.db, "new@example.com");
    const fresh = await getReaderForYou(t.db, user.id, NOW);
    expect(fresh.mode).toBe("starter");
    expect(fresh.items.length).toBeGreaterThanOrEqual(20);
    expect(fresh.items.every((item) => item.reason.kind === "trending")).toBe(true);

    await saveAll(
      user.id,
      papers
        .filter(before("2026-06-13"))
        .filter(about(DIFFUSION))
        .slice(0, 5)
        .map((paper) => paper.id),
    );
    expect((await getReaderForYou(t.db, user.id, NOW)).mode).toBe("learned");
    expect(await t.db.readerModel.count({ where: { userId: user.id } })).toBe(1);
    await resetReaderModel(t.db, user.id, new Date());
    expect(await t.db.readerModel.count({ where: { userId: user.id } })).toBe(0);
    const reset = await getReaderForYou(t.db, user.id, NOW);
    expect(reset.mode).toBe("starter");
    expect(reset.items.length).toBeGreaterThan(0);
    expect((await getReaderModel(t.db, user.id, NOW)).model).toBeNull();
  });

  it("keeps two readers' models apart", async () => {
    const { user: robots } = await createSignedInUser(t.db, "robots-only@example.com");
    const { user: diffusion } = await createSignedInUser(t.db, "diffusion-only@example.com");
    const early = papers.filter(before("2026-06-13"));
    await saveAll(
      robots.id,
      early
        .filter((paper) => about(ROBOTS)(paper) && !about(DIFFUSION)(paper))
        .slice(0, 8)
        .map((paper) => paper.id),
    );
    await saveAll(
      diffusion.id,
      early
        .filter((paper) => about(DIFFUSION)(paper) && !about(ROBOTS)(paper))
        .slice(0, 8)
        .map((paper) => paper.id),
    );
    const [a, b] = await Promise.all([getReaderForYou(t.db, robots.id, NOW), getReaderForYou(t.db, diffusion.id, NOW)]);
    const topOf = (forYou: typeof a) => forYou.items.slice(0, 10).map(({ paper }) => paper);
    expect(topOf(a).filter(about(ROBOTS)).length).toBeGreaterThan(topOf(a).filter(about(DIFFUSION)).length);
    expect(topOf(b).filter(about(DIFFUSION)).length).toBeGreaterThan(topOf(b).filter(about(ROBOTS)).length);
    const [modelA, modelB] = await Promise.all([getReaderModel(t.db, robots.id, NOW), getReaderModel(t.db, diffusion.id, NOW)]);
    expect(modelA.positives.map((paper) => paper.paperId).sort()).not.toEqual(modelB.positives.map((paper) => paper.paperId).sort());
    expect(modelA.positives).toHaveLength(8);
    expect(modelB.positives).toHaveLength(8);
  });
});
