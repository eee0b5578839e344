import { describe, expect, it } from "vitest";
import { API_TOKEN_PATTERN } from "@/lib/api-token";
import { isAppError } from "@/lib/errors";
import { exportUserData } from "@/server/accounts/account-data";
import { createLibraryListHandler, createLibrarySaveHandler } from "@/server/library/library-api-handlers";
import {
  assertTokenMayWrite,
  createApiToken,
  listApiTokens,
  MAX_TOKENS_PER_USER,
  revokeApiToken,
  userFromBearer,
} from "@/server/tokens/api-tokens";
import { useTestDatabase } from "../support/test-db";

// Personal access tokens against a real PostgreSQL: shown once and stored hashed, accepted as a
// bearer token, refused (401) once revoked, for a suspended or deleted account, or when unknown,
// and refused (403) on writes when read-only.

const t = useTestDatabase();
const NOW = new Date("2026-12-07T08:00:00Z");
const bearer = (token: string) =>
  new Request("https://papers.example.org/api/me/library", { headers: { authorization: `Bearer ${token}` } });

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("personal access tokens", () => {
  it("are shown once, stored as a hash, and sign in the API as their reader", async () => {
    const user = await t.db.user.create({ data: { email: "scripter@example.org", handle: "scripter" } });
    const { token, summary } = await createApiToken(t.db, user.id, { name: "my script", scope: "READ" });
    expect(token).toMatch(API_TOKEN_PATTERN);
    expect(summary.prefix).toBe(token.slice(0, 10));
    const stored = await t.db.apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    expect(JSON.stringify(stored)).not.toContain(token.slice(10));
    expect((await listApiTokens(t.db, user.id)).map((row) => row.name)).toEqual(["my script"]);

    expect(await userFromBearer(t.db, new Request("https://papers.example.org/api/x"), NOW)).toBeNull();
    const signedIn = await userFromBearer(t.db, bearer(token), NOW);
    expect(signedIn).toMatchObject({ user: { id: user.id, handle: "scripter" }, scope: "READ", tokenId: summary.id });
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt).toEqual(NOW);
    // A busy script does not write on every call: last use is kept to the minute.
    await userFromBearer(t.db, bearer(token), new Date(NOW.getTime() + 10_000));
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt).toEqual(NOW);

    expect(await refusal(Promise.resolve().then(() => assertTokenMayWrite(signedIn!)))).toMatchObject({ code: "FORBIDDEN" });

    // The account export says what tokens exist, never a token or its hash.
    const exported = await exportUserData(t.db, user.id, NOW);
    expect(exported.apiTokens).toEqual([expect.objectContaining({ name: "my script", scope: "READ", prefix: summary.prefix })]);
    expect(JSON.stringify(exported)).not.toContain(token.slice(10));
    expect(JSON.stringify(exported)).not.toContain(stored.tokenHash);
  });

  it("refuse malformed, unknown and revoked tokens, each saying which", async () => {
    const user = await t.db.user.create({ data: { email: "reviser@example.org" } });
    const { token, summary } = await createApiToken(t.db, user.id, { name: "old", scope: "WRITE" });
    expect(await refusal(userFromBearer(t.db, bearer("not-a-token"), NOW))).toMatchObject({
      code: "UNAUTHORIZED",
      message: expect.stringContaining("Bearer dp_"),
    });
    expect(await refusal(userFromBearer(t.db, bearer(`dp_${"A".repeat(43)}`), NOW))).toMatchObject({
      message: expect.stringContaining("not known here"),
    });
    const other = await t.db.user.create({ data: { email: "other@example.org" } });
    expect(await revokeApiToken(t.db, other.id, summary.id, NOW)).toBe(false);
    expect(await userFromBearer(t.db, bearer(token), NOW)).toMatchObject({ scope: "WRITE" });
    expect(await revokeApiToken(t.db, user.id, summary.id, NOW)).toBe(true);
    expect(await refusal(userFromBearer(t.db, bearer(token), NOW))).toMatchObject({ message: expect.stringContaining("revoked") });
    expect(await listApiTokens(t.db, user.id)).toEqual([]);
  });

  it("stop working at once for a suspended or deleted account", async () => {
    const user = await t.db.user.create({ data: { email: "suspended@example.org" } });
    const { token } = await createApiToken(t.db, user.id, { name: "t", scope: "READ" });
    await t.db.user.update({ where: { id: user.id }, data: { bannedAt: NOW } });
    expect(await refusal(userFromBearer(t.db, bearer(token), NOW))).toMatchObject({ message: expect.stringContaining("suspended") });
    await t.db.user.delete({ where: { id: user.id } });
    expect(await refusal(userFromBearer(t.db, bearer(token), NOW))).toMatchObject({ message: expect.stringContaining("not known here") });
  });

  it(`are at most ${MAX_TOKENS_PER_USER} a reader`, async () => {
    const user = await t.db.user.create({ data: { email: "hoarder@example.org" } });
    for (let index = 0; index < MAX_TOKENS_PER_USER; index += 1) await createApiToken(t.db, user.id, { name: `t${index}`, scope: "READ" });
    expect(await refusal(createApiToken(t.db, user.id, { name: "one more", scope: "READ" }))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("the library over the API", () => {
  // Made on first use: the test database exists once the file's beforeAll has run.
  const call = (method: string, token: string | null, id?: string) => {
    const request = new Request(`https://papers.example.org/api/me/library${id ? `/${encodeURIComponent(id)}` : ""}`, {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return id
      ? createLibrarySaveHandler(t.db, method === "PUT")(request, { params: Promise.resolve({ id: encodeURIComponent(id) }) })
      : createLibraryListHandler(t.db)(request, undefined);
  };

  it("lists, saves and unsaves with a read-and-write token; a read-only one reads but may not write", async () => {
    await t.db.paper.create({
      data: {
        id: "2612.00001",
        title: "A saved paper",
        abstract: "A.",
        authors: ["Ada Lovelace"],
        publishedAt: NOW,
        feedDate: NOW,
        source: "HF_DAILY",
      },
    });
    const user = await t.db.user.create({ data: { email: "librarian@example.org" } });
    const writer = (await createApiToken(t.db, user.id, { name: "w", scope: "WRITE" })).token;
    const reader = (await createApiToken(t.db, user.id, { name: "r", scope: "READ" })).token;

    expect((await call("GET", null)).status).toBe(401);
    expect((await call("PUT", reader, "2612.00001")).status).toBe(403);
    expect((await call("PUT", writer, "2612.00001")).status).toBe(200);
    expect((await call("PUT", writer, "2612.00001")).status).toBe(200);
    expect((await call("PUT", writer, "2612.99999")).status).toBe(404);
    expect((await call("PUT", writer, "not an id")).status).toBe(400);
    const listed = await call("GET", reader);
    expect(listed.headers.get("cache-control")).toBe("private, no-store");
    expect(await listed.json()).toEqual([
      { paper: expect.objectContaining({ id: "2612.00001", title: "A saved paper" }), note: null, savedAt: expect.any(String) },
    ]);
    expect((await call("DELETE", writer, "2612.00001")).status).toBe(200);
    expect(await (await call("GET", reader)).json()).toEqual([]);

    // Revoked: refused at once.
    const { id } = await t.db.apiToken.findFirstOrThrow({ where: { name: "r" } });
    await revokeApiToken(t.db, user.id, id, NOW);
    expect((await call("GET", reader)).status).toBe(401);
  });
});
