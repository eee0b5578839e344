import { beforeAll, describe, expect, it } from "vitest";
import { createUpvoteHandler } from "@/server/votes/upvote-handler";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const SITE_URL = "http://localhost:3000";
const database = useTestDatabase();
let changes = 0;
let handler: ReturnType<typeof createUpvoteHandler>;

beforeAll(async () => {
  handler = createUpvoteHandler({
    db: database.db,
    siteUrl: SITE_URL,
    rateLimit: { limit: 150, windowMs: 60_000 },
    onChange: async () => void changes++,
  });
  await createPaper(database.db, "2611.00010", 5);
  await createPaper(database.db, "hep-th/9901001", 0);
});

function call(method: "POST" | "DELETE", id: string, headers: Record<string, string>, target = handler) {
  const request = new Request(`${SITE_URL}/api/papers/${encodeURIComponent(id)}/upvote`, { method, headers });
  return target(request, { params: Promise.resolve({ id: encodeURIComponent(id) }) });
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("POST/DELETE /api/papers/<id>/upvote", () => {
  it("toggles the caller's vote and answers the new state and count", async () => {
    const { cookie } = await createSignedInUser(database.db, "api@example.com");
    const headers = { cookie, origin: SITE_URL };
    const before = changes;

    const up = await call("POST", "2611.00010", headers);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ paperId: "2611.00010", upvoted: true, upvotes: 6 });
    const down = await call("DELETE", "2611.00010", headers);
    expect(await down.json()).toEqual({ paperId: "2611.00010", upvoted: false, upvotes: 5 });
    expect(changes - before).toBe(2);

    const oldStyle = await call("POST", "hep-th/9901001", headers);
    expect(await oldStyle.json()).toEqual({ paperId: "hep-th/9901001", upvoted: true, upvotes: 1 });
  });

  it("answers 401 without a session, or with an expired or unknown one", async () => {
    const { user } = await createSignedInUser(database.db, "expired@example.com");
    await database.db.session.create({ data: { sessionToken: "expired-token", userId: user.id, expires: new Date(Date.now() - 1000) } });
    for (const cookie of [undefined, "next-auth.session-token=expired-token", "next-auth.session-token=made-up"]) {
      const response = await call("POST", "2611.00010", { origin: SITE_URL, ...(cookie ? { cookie } : {}) });
      expect(response.status).toBe(401);
      expect((await errorOf(response)).message).toBe("Sign in to upvote papers.");
    }
    expect(await database.db.upvote.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers 403 when Origin is missing or foreign", async () => {
    const { user, cookie } = await createSignedInUser(database.db, "csrf@example.com");
    const attempts: Record<string, string>[] = [
      { cookie },
      { cookie, origin: "https://evil.example" },
      { cookie, origin: "null" },
      { cookie, origin: "https://evil.example", "sec-fetch-site": "same-origin" },
      { cookie, "sec-fetch-site": "cross-site" },
    ];
    for (const headers of attempts) {
      const response = await call("POST", "2611.00010", headers);
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe("FORBIDDEN");
    }
    expect(await database.db.upvote.count({ where: { userId: user.id } })).toBe(0);

    // A browser that withholds Origin still marks its own same-origin requests as such.
    const vouched = await call("POST", "2611.00010", { cookie, origin: "null", "sec-fetch-site": "same-origin" });
    expect(vouched.status).toBe(200);
  });

  it("answers 404 for an unknown paper and 400 for something that is not an arXiv id", async () => {
    const { cookie } = await createSignedInUser(database.db, "typo@example.com");
    const unknown = await call("POST", "2611.09999", { cookie, origin: SITE_URL });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).message).toBe("There is no paper 2611.09999 here.");
    const invalid = await call("POST", "not-a-paper", { cookie, origin: SITE_URL });
    expect(invalid.status).toBe(400);
    expect((await errorOf(invalid)).message).toContain("is not an arXiv id");
  });

  it("moves the count by exactly one for 100 parallel requests by one user", async () => {
    await createPaper(database.db, "2611.00011", 3);
    const { cookie } = await createSignedInUser(database.db, "clicker@example.com");
    const responses = await Promise.all(Array.from({ length: 100 }, () => call("POST", "2611.00011", { cookie, origin: SITE_URL })));
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(200));
    const paper = await database.db.paper.findUniqueOrThrow({ where: { id: "2611.00011" } });
    expect(paper.localUpvotes).toBe(1);
    expect(await database.db.upvote.count({ where: { paperId: "2611.00011" } })).toBe(1);
  });

  it("answers 429 with Retry-After past the per-user limit, without changing the vote", async () => {
    const strict = createUpvoteHandler({
      db: database.db,
      siteUrl: SITE_URL,
      rateLimit: { limit: 3, windowMs: 60_000 },
      onChange: async () => {},
    });
    const { user, cookie } = await createSignedInUser(database.db, "fast@example.com");
    const headers = { cookie, origin: SITE_URL };
    for (const method of ["POST", "DELETE", "POST"] as const) expect((await call(method, "2611.00010", headers, strict)).status).toBe(200);
    const refused = await call("DELETE", "2611.00010", headers, strict);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await errorOf(refused)).message).toMatch(/^You are voting too fast\. Try again in (\d+ seconds?|1 minute)\.$/);
    expect(await database.db.upvote.count({ where: { userId: user.id } })).toBe(1);
  });
});
