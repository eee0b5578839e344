import { beforeEach, describe, expect, it } from "vitest";
import { applyFollow, getForYouPapers, suggestedOrganizations } from "@/server/follows/follows";
import { createForYouFeedHandler } from "@/server/follows/for-you-feed-handler";
import { revokeForYouFeedToken, rotateForYouFeedToken } from "@/server/follows/private-feed";
import { hidePaper, unhidePaper } from "@/server/triage/read-state";
import { createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const NOW = new Date("2026-11-05T12:00:00Z");

async function paper(id: string, title: string, authors: string[], organizationName: string | null, feedDate: string, upvotes = 0) {
  await t.db.paper.create({
    data: {
      id,
      title,
      abstract: `${title}. An abstract.`,
      authors,
      publishedAt: new Date(`${feedDate}T08:00:00Z`),
      feedDate: new Date(feedDate),
      source: "ARXIV",
      upstreamUpvotes: upvotes,
      organization: organizationName
        ? {
            connectOrCreate: {
              where: { name: organizationName },
              create: { name: organizationName, fullName: organizationName.toUpperCase() },
            },
          }
        : undefined,
    },
  });
}

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "Organization", "User" CASCADE`);
  await paper("2611.00001", "Diffusion models for video", ["Ada Lovelace"], "nvidia", "2026-11-04", 10);
  await paper("2611.00002", "Robot grasping with transformers", ["Alan Turing"], "nvidia", "2026-11-03", 50);
  await paper("2611.00003", "Diffusion policies for robots", ["Grace Hopper"], null, "2026-11-02", 5);
  await paper("2611.00004", "Sorting networks", ["Yann LeCun"], "meta", "2026-11-04", 1);
  await paper("2611.00005", "Old diffusion paper", ["Ada Lovelace"], "nvidia", "2026-10-01", 99);
});

describe("for-you feed", () => {
  it("holds the last week's papers matching a follow, minus mutes, by trending score, each with its reason", async () => {
    const { user } = await createSignedInUser(t.db, "reader@example.com");
    expect(await getForYouPapers(t.db, user.id, NOW)).toEqual([]);
    await applyFollow(t.db, user.id, { kind: "ORGANIZATION", value: "nvidia", mode: "follow" });
    await applyFollow(t.db, user.id, { kind: "TOPIC", value: "diffusion", mode: "follow" });
    await applyFollow(t.db, user.id, { kind: "AUTHOR", value: "Yann LeCun", mode: "follow" });

    let feed = await getForYouPapers(t.db, user.id, NOW);
    expect(feed.map((item) => [item.paper.id, item.reason.kind, item.reason.value])).toEqual([
      ["2611.00002", "ORGANIZATION", "nvidia"],
      ["2611.00001", "ORGANIZATION", "nvidia"],
      ["2611.00004", "AUTHOR", "Yann LeCun"],
      ["2611.00003", "TOPIC", "diffusion"],
    ]);

    // "Not interested" in robots: both robot papers leave this reader's feed, whatever else they match.
    await applyFollow(t.db, user.id, { kind: "TOPIC", value: "robot", mode: "mute" });
    feed = await getForYouPapers(t.db, user.id, NOW);
    expect(feed.map((item) => item.paper.id)).toEqual(["2611.00001", "2611.00004"]);
    const { user: other } = await createSignedInUser(t.db, "other@example.com");
    await applyFollow(t.db, other.id, { kind: "ORGANIZATION", value: "nvidia", mode: "follow" });
    expect((await getForYouPapers(t.db, other.id, NOW)).map((item) => item.paper.id)).toEqual(["2611.00002", "2611.00001"]);

    await applyFollow(t.db, user.id, { kind: "TOPIC", value: "robot", mode: "unfollow" });
    expect((await getForYouPapers(t.db, user.id, NOW)).length).toBe(4);

    // A paper the reader hid leaves their feed only.
    await hidePaper(t.db, user.id, "2611.00002");
    expect((await getForYouPapers(t.db, user.id, NOW)).map((item) => item.paper.id)).toEqual(["2611.00001", "2611.00004", "2611.00003"]);
    expect((await getForYouPapers(t.db, other.id, NOW)).map((item) => item.paper.id)).toEqual(["2611.00002", "2611.00001"]);
    await unhidePaper(t.db, user.id, "2611.00002");
    expect((await suggestedOrganizations(t.db, NOW)).map((org) => org.name)).toEqual(["nvidia", "meta"]);
  });

  it("allows at most 200 follows and mutes per reader, with a clear error", async () => {
    const { user } = await createSignedInUser(t.db, "collector@example.com");
    await t.db.follow.createMany({
      data: Array.from({ length: 200 }, (_, index) => ({ userId: user.id, kind: "TOPIC" as const, value: `topic ${index}` })),
    });
    await expect(applyFollow(t.db, user.id, { kind: "TOPIC", value: "one more", mode: "follow" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You follow or mute 200 things already; remove some on /me first.",
    });
    // Changing an existing one (follow to mute) is not a new one.
    await applyFollow(t.db, user.id, { kind: "TOPIC", value: "topic 7", mode: "mute" });
    expect(await t.db.follow.count({ where: { userId: user.id, muted: true } })).toBe(1);
  });

  it("serves the feed at a secret URL that stops working when replaced or revoked", async () => {
    const { user } = await createSignedInUser(t.db, "feedreader@example.com");
    await applyFollow(t.db, user.id, { kind: "ORGANIZATION", value: "nvidia", mode: "follow" });
    const rss = createForYouFeedHandler(t.db, "rss", () => NOW);
    const json = createForYouFeedHandler(t.db, "json", () => NOW);
    const get = (handler: typeof rss, token: string) =>
      handler(new Request(`http://localhost/papers/for-you/${token}/feed`), { params: Promise.resolve({ token }) });

    const first = await rotateForYouFeedToken(t.db, user.id);
    const feed = await get(rss, first);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("cache-control")).toBe("private, max-age=300");
    const xml = await feed.text();
    expect(xml).toContain("Robot grasping with transformers");
    expect(xml).toContain("Diffusion models for video");
    expect(xml).not.toContain("Old diffusion paper");
    // The reader has saved nothing yet: what they follow, then the week's trending (the starter for-you).
    const items = (await (await get(json, first)).json()) as { items: { title: string }[] };
    expect(items.items.map((item) => item.title)).toEqual([
      "Robot grasping with transformers",
      "Diffusion models for video",
      "Sorting networks",
      "Diffusion policies for robots",
    ]);

    const second = await rotateForYouFeedToken(t.db, user.id);
    expect((await get(rss, first)).status).toBe(404);
    expect((await get(rss, second)).status).toBe(200);
    await revokeForYouFeedToken(t.db, user.id);
    expect((await get(rss, second)).status).toBe(404);
    expect((await get(rss, "not-a-token")).status).toBe(400);
  });
});
