import { beforeAll, describe, expect, it } from "vitest";
import { deleteUserAccount, exportUserData } from "@/server/accounts/account-data";
import { createExportHandler } from "@/server/accounts/export-handler";
import { findSessionUser } from "@/server/auth/session";
import { castUpvote } from "@/server/votes/votes";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const database = useTestDatabase();

beforeAll(async () => {
  await createPaper(database.db, "2611.00020", 10);
  await createPaper(database.db, "2611.00021", 0);
});

describe("/me data", () => {
  it("exports the user's account, votes, submissions and subscription as JSON-ready data", async () => {
    const { user } = await createSignedInUser(database.db, "export@example.com");
    await castUpvote(database.db, user.id, "2611.00020");
    await database.db.paper.update({ where: { id: "2611.00021" }, data: { submittedById: user.id } });
    await database.db.subscriber.create({
      data: { email: "export@example.com", userId: user.id, status: "CONFIRMED", manageToken: "manage-export" },
    });

    const data = JSON.parse(JSON.stringify(await exportUserData(database.db, user.id, new Date("2026-11-29T12:00:00Z"))));
    expect(data).toMatchObject({
      exportedAt: "2026-11-29T12:00:00.000Z",
      user: { id: user.id, email: "export@example.com" },
      upvotes: [{ paperId: "2611.00020", title: "Paper 2611.00020" }],
      submittedPapers: [{ id: "2611.00021", title: "Paper 2611.00021", feedDate: "2026-11-02" }],
      subscription: { email: "export@example.com", status: "CONFIRMED", cadence: "DAILY" },
    });
    expect(data.sessions).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain("manage-export");
  });

  it("serves the export at /me/export to the signed-in user only", async () => {
    const { user, cookie } = await createSignedInUser(database.db, "download@example.com");
    const handler = createExportHandler(database.db);
    const request = (headers: Record<string, string>) => handler(new Request("http://localhost:3000/me/export", { headers }), undefined);

    const anonymous = await request({});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in to download your data." } });

    const download = await request({ cookie });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="daily-papers-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(download.headers.get("cache-control")).toBe("private, no-store");
    expect(((await download.json()) as { user: { id: string } }).user.id).toBe(user.id);
  });

  it("deletes the account, its sessions and subscription, and lowers the counts of the papers it upvoted", async () => {
    const leaving = await createSignedInUser(database.db, "leaving@example.com");
    const staying = await createSignedInUser(database.db, "staying@example.com");
    for (const paperId of ["2611.00020", "2611.00021"]) {
      await castUpvote(database.db, leaving.user.id, paperId);
      await castUpvote(database.db, staying.user.id, paperId);
    }
    await database.db.subscriber.create({ data: { email: "leaving@example.com", userId: leaving.user.id, manageToken: "manage-leaving" } });
    await database.db.paper.update({ where: { id: "2611.00021" }, data: { submittedById: leaving.user.id } });
    const before = await database.db.paper.findMany({ orderBy: { id: "asc" }, select: { id: true, localUpvotes: true } });

    expect(await deleteUserAccount(database.db, leaving.user.id)).toEqual({ removedUpvotes: 2 });

    const after = await database.db.paper.findMany({
      orderBy: { id: "asc" },
      select: { id: true, localUpvotes: true, submittedById: true },
    });
    expect(after.map((paper) => paper.localUpvotes)).toEqual(before.map((paper) => paper.localUpvotes - 1));
    for (const paper of after) expect(paper.localUpvotes).toBe(await database.db.upvote.count({ where: { paperId: paper.id } }));
    expect(after.find((paper) => paper.id === "2611.00021")?.submittedById).toBeNull();
    expect(await database.db.user.findUnique({ where: { id: leaving.user.id } })).toBeNull();
    expect(await findSessionUser(database.db, leaving.sessionToken)).toBeNull();
    expect(await database.db.subscriber.count({ where: { email: "leaving@example.com" } })).toBe(0);
    expect(await findSessionUser(database.db, staying.sessionToken)).not.toBeNull();
    expect(await deleteUserAccount(database.db, leaving.user.id)).toEqual({ removedUpvotes: 0 });
  });

  it("keeps counts equal to rows when votes race with the deletion", async () => {
    await createPaper(database.db, "2611.00022");
    const racer = await createSignedInUser(database.db, "racer@example.com");
    const votes = Array.from({ length: 20 }, () => castUpvote(database.db, racer.user.id, "2611.00022").catch(() => null));
    await Promise.all([...votes, deleteUserAccount(database.db, racer.user.id)]);
    const paper = await database.db.paper.findUniqueOrThrow({ where: { id: "2611.00022" } });
    expect(paper.localUpvotes).toBe(await database.db.upvote.count({ where: { paperId: "2611.00022" } }));
  });
});
