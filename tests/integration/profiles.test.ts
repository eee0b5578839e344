import { beforeEach, describe, expect, it } from "vitest";
import { setHandle } from "@/server/accounts/handle";
import { getPublicProfile } from "@/server/accounts/profile";
import { deleteComment, listPaperComments, postComment } from "@/server/comments/comments";
import { moderate } from "@/server/moderation/moderate";
import { castUpvote } from "@/server/votes/votes";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "RateLimitEvent" CASCADE`);
});

describe("handles and public profiles", () => {
  it("validates handles: length, characters, reserved words, one owner each", async () => {
    const { user } = await createSignedInUser(t.db, "ada@example.com");
    const { user: other } = await createSignedInUser(t.db, "bob@example.com");
    const refused = async (handle: string) =>
      (await setHandle(t.db, user.id, handle).catch((error: { message: string }) => error.message)) as string;
    expect(await refused("ab")).toBe("Handles are at least 3 characters.");
    expect(await refused("a".repeat(31))).toBe("Handles are at most 30 characters.");
    expect(await refused("ada_lovelace")).toMatch(/^Use only a-z, 0-9 and hyphens/);
    expect(await refused("-ada")).toMatch(/^Use only a-z, 0-9 and hyphens/);
    expect(await refused("admin")).toBe("That handle is reserved; pick another.");
    expect(await refused("reader-1a2b3c")).toBe("That handle is reserved; pick another.");
    expect(await setHandle(t.db, user.id, "  Ada-Lovelace ")).toBe("ada-lovelace");
    await expect(setHandle(t.db, other.id, "ada-lovelace")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("comments show the handle once chosen; the profile lists live comments and submitted papers, never upvotes", async () => {
    await createPaper(t.db, "2611.00001");
    await t.db.paper.create({
      data: {
        id: "2611.00002",
        title: "Submitted by Ada",
        abstract: "x",
        authors: ["A"],
        publishedAt: new Date(),
        feedDate: new Date(),
        source: "ARXIV",
      },
    });
    const { user } = await createSignedInUser(t.db, "ada@example.com");
    await t.db.paper.update({ where: { id: "2611.00002" }, data: { submittedById: user.id } });
    const kept = await postComment(t.db, user.id, { paperId: "2611.00001", body: "Kept comment" });
    const removed = await postComment(t.db, user.id, { paperId: "2611.00001", body: "Deleted comment" });
    const hidden = await postComment(t.db, user.id, { paperId: "2611.00001", body: "Hidden comment" });
    await deleteComment(t.db, user.id, removed.id);
    await moderate(t.db, "mod@example.com", { kind: "HIDE_COMMENT", target: hidden.id, reason: "Off topic" });
    await castUpvote(t.db, user.id, "2611.00001");

    expect(kept.author).toMatch(/^reader-[0-9a-f]{6}$/);
    await setHandle(t.db, user.id, "ada");
    const thread = (await listPaperComments(t.db, "2611.00001")).threads.find((comment) => comment.id === kept.id)!;
    expect(thread).toMatchObject({ author: "ada", authorHandle: "ada" });

    const profile = await getPublicProfile(t.db, "ada");
    expect(profile?.comments.map((comment) => [comment.excerpt, comment.paperTitle])).toEqual([["Kept comment", "Paper 2611.00001"]]);
    expect(profile?.submitted.map((paper) => paper.id)).toEqual(["2611.00002"]);
    expect(JSON.stringify(profile)).not.toContain("ada@example.com");
    expect(Object.keys(profile!)).not.toContain("upvotes");
    expect(await getPublicProfile(t.db, "nobody")).toBeNull();
  });
});
