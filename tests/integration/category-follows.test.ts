import { beforeEach, describe, expect, it } from "vitest";
import { followReason, followRequestSchema } from "@/lib/follows";
import { loadFollowedPapers } from "@/server/digest/personal";
import { applyFollow, getForYouPapers } from "@/server/follows/follows";
import { createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const NOW = new Date("2026-11-05T12:00:00Z");

async function paper(id: string, title: string, categories: string[], feedDate: string, upvotes: number) {
  await t.db.paper.create({
    data: {
      id,
      title,
      abstract: `${title}. An abstract.`,
      authors: ["A. Author"],
      publishedAt: new Date(`${feedDate}T08:00:00Z`),
      feedDate: new Date(feedDate),
      source: "ARXIV",
      upstreamUpvotes: upvotes,
      categories,
    },
  });
}

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "Organization", "User" CASCADE`);
  await paper("2611.00001", "Parsing with transformers", ["cs.CL", "cs.LG"], "2026-11-04", 40);
  await paper("2611.00002", "Segmenting images", ["cs.CV"], "2026-11-04", 30);
  await paper("2611.00003", "Translation and vision", ["cs.CV", "cs.CL"], "2026-11-03", 20);
  await paper("2611.00004", "Bayesian bandits", ["stat.ML"], "2026-11-03", 10);
  await paper("2611.00005", "Convex programs", ["math.OC"], "2026-11-02", 5);
  await paper("2611.00006", "Old parsing", ["cs.CL"], "2026-10-01", 99);
});

describe("following and muting a category", () => {
  it("puts the week's papers of a followed category or archive in for-you with the reason, and a muted category hides papers", async () => {
    const { user } = await createSignedInUser(t.db, "reader@example.com");
    await applyFollow(t.db, user.id, { kind: "CATEGORY", value: "cs.CL", mode: "follow" });
    await applyFollow(t.db, user.id, { kind: "CATEGORY", value: "stat", mode: "follow" });

    let feed = await getForYouPapers(t.db, user.id, NOW);
    expect(feed.map((item) => [item.paper.id, item.reason.kind, item.reason.value])).toEqual([
      ["2611.00001", "CATEGORY", "cs.CL"],
      ["2611.00003", "CATEGORY", "cs.CL"],
      ["2611.00004", "CATEGORY", "stat"],
    ]);
    expect(followReason("CATEGORY", "cs.CL")).toBe("Category: Computation and Language (cs.CL)");
    expect(followReason("CATEGORY", "stat")).toBe("Category: Statistics (stat)");

    // "Not interested" in computer vision: the cross-listed paper leaves too, whatever else it matches.
    await applyFollow(t.db, user.id, { kind: "CATEGORY", value: "cs.CV", mode: "mute" });
    expect(await t.db.follow.findMany({ where: { userId: user.id, muted: true }, select: { kind: true, value: true } })).toEqual([
      { kind: "CATEGORY", value: "cs.CV" },
    ]);
    feed = await getForYouPapers(t.db, user.id, NOW);
    expect(feed.map((item) => item.paper.id)).toEqual(["2611.00001", "2611.00004"]);

    // A muted archive hides all of its categories, even from a followed organization's or topic's match.
    await applyFollow(t.db, user.id, { kind: "TOPIC", value: "convex", mode: "follow" });
    expect((await getForYouPapers(t.db, user.id, NOW)).map((item) => item.paper.id)).toContain("2611.00005");
    await applyFollow(t.db, user.id, { kind: "CATEGORY", value: "math", mode: "mute" });
    expect((await getForYouPapers(t.db, user.id, NOW)).map((item) => item.paper.id)).not.toContain("2611.00005");
  });

  it("fills the personal digest's section from followed categories, leaving muted ones out", async () => {
    const { user } = await createSignedInUser(t.db, "digest@example.com");
    await applyFollow(t.db, user.id, { kind: "CATEGORY", value: "cs", mode: "follow" });
    await applyFollow(t.db, user.id, { kind: "CATEGORY", value: "cs.CV", mode: "mute" });
    const followed = await loadFollowedPapers(t.db, {
      userId: user.id,
      subscriberId: "no-subscriber",
      period: { cadence: "WEEKLY", key: "2026-W45", firstDay: "2026-11-02", lastDay: "2026-11-08", rankedAt: NOW },
      exclude: [],
    });
    expect(followed.map((item) => [item.id, item.reason])).toEqual([["2611.00001", "Category: Computer Science (cs)"]]);
  });

  it("refuses to follow what is not an arXiv category or archive", () => {
    for (const value of ["cs.XX", "CS.CL", "computer science", "cs.CL,cs.LG"]) {
      const result = followRequestSchema.safeParse({ kind: "CATEGORY", value, mode: "follow" });
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/not an arXiv category/);
    }
    expect(followRequestSchema.safeParse({ kind: "CATEGORY", value: "hep-th", mode: "mute" }).success).toBe(true);
  });
});
