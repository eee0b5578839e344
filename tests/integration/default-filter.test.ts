import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteUserAccount, exportUserData } from "@/server/accounts/account-data";
import type { CurrentUser } from "@/server/auth/session";
import type { PagesChange } from "@/server/changes/pages-changed";
import type * as DbModule from "@/server/db";
import type { Db } from "@/server/db";
import { clearDefaultFilter, saveDefaultFilter } from "@/server/filters/actions";
import { getDefaultFilter, setDefaultFilter } from "@/server/filters/default-filter";
import { createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

// The actions run as in a request: the signed-in user is whoever the test says, the shared client
// is this file's database, and the pages they change are recorded (Next.js's cache is not here).
const request = vi.hoisted(() => ({ user: null as CurrentUser | null, db: null as Db | null, changed: [] as PagesChange[] }));

vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => request.user }));
vi.mock("@/server/changes/pages-changed", () => ({
  pagesChanged: async (change: PagesChange) => {
    request.changed.push(change);
  },
}));
vi.mock("@/server/db", async (importOriginal) => ({
  ...(await importOriginal<typeof DbModule>()),
  db: (await import("../support/delegating-db")).delegatingDb(() => request.db!),
}));

const t = useTestDatabase();

beforeAll(() => {
  request.db = t.db;
});

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "User" CASCADE`);
  request.user = null;
  request.changed = [];
});

async function signIn(email: string): Promise<CurrentUser> {
  const { user } = await createSignedInUser(t.db, email);
  request.user = { id: user.id, email: user.email, name: user.name, handle: null, banned: false, density: null };
  return request.user;
}

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const stored = async (userId: string) =>
  (await t.db.user.findUniqueOrThrow({ where: { id: userId }, select: { defaultFilter: true } })).defaultFilter;

describe("a signed-in reader's default filter for the main feed", () => {
  it("saves the posted filter in its canonical spelling, reads it back, and refreshes the main feed and /me", async () => {
    const reader = await signIn("reader@example.com");
    expect(await getDefaultFilter(t.db, reader.id)).toBeNull();

    const state = await saveDefaultFilter(
      null,
      // As the bar posts it, with what Next.js adds to a form and a repeat: only the filter's parameters count.
      form([
        ["$ACTION_ID_0123", ""],
        ["not", "cs.RO"],
        ["not", "cs.CV"],
        ["code", "1"],
        ["not", "cs.CV"],
        ["sort", "newest"],
      ]),
    );
    const filter = { include: [], exclude: ["cs.CV", "cs.RO"], hasCode: true, minUpvotes: 0 };
    expect(state).toEqual({ ok: true, saved: filter });
    expect(await stored(reader.id)).toBe("not=cs.CV&not=cs.RO&code=1");
    expect(await getDefaultFilter(t.db, reader.id)).toEqual(filter);
    expect(request.changed).toEqual([{ from: "action", readerPages: ["/", "/me"] }]);

    // Saving another replaces it.
    expect(
      await saveDefaultFilter(
        null,
        form([
          ["cat", "cs.LG"],
          ["cat", "cs.CL"],
          ["min", "5"],
        ]),
      ),
    ).toEqual({
      ok: true,
      saved: { include: ["cs.CL", "cs.LG"], exclude: [], hasCode: false, minUpvotes: 5 },
    });
    expect(await stored(reader.id)).toBe("cat=cs.CL&cat=cs.LG&min=5");
  });

  it("parses the form again and refuses hostile values, naming the parameter and keeping the saved default", async () => {
    const reader = await signIn("careful@example.com");
    await saveDefaultFilter(null, form([["not", "cs.CV"]]));
    request.changed = [];

    const hostile: [string, [string, string | Blob][]][] = [
      ["cat", [["cat", "cs.XX"]]],
      ["cat", [["cat", "CS.CL"]]],
      ["not", [["not", "cs.CV\u0000"]]],
      ["not", Array.from({ length: 1000 }, (): [string, string] => ["not", "cs.CV"])],
      ["cat", [["cat", "%E0%A4%A"]]],
      ["cat", [["cat", "x".repeat(10_000)]]],
      [
        "not",
        [
          ["cat", "cs.CV"],
          ["not", "cs.CV"],
        ],
      ],
      ["code", [["code", "yes"]]],
      ["min", [["min", "-1"]]],
      ["min", [["min", "1e3"]]],
      ["min", [["min", "99999999"]]],
    ];
    for (const [param, entries] of hostile) {
      const state = await saveDefaultFilter(null, form(entries));
      expect(state?.ok, JSON.stringify(entries).slice(0, 80)).toBe(false);
      if (state && !state.ok) {
        expect(state.message).toContain(`That filter was not saved: ${param}: `);
        // A long value is not echoed whole.
        expect(state.message.length).toBeLessThan(300);
      }
    }
    // Not text at all.
    expect(await saveDefaultFilter(null, form([["cat", new Blob(["cs.CL"])]]))).toMatchObject({ ok: false });

    expect(await stored(reader.id)).toBe("not=cs.CV");
    expect(request.changed).toEqual([]);
  });

  it("clears the default with Clear default or by saving an empty filter; a signed-out reader has none to save", async () => {
    const reader = await signIn("clears@example.com");
    await saveDefaultFilter(null, form([["min", "10"]]));
    expect(await clearDefaultFilter(null)).toEqual({ ok: true, saved: null });
    expect(await stored(reader.id)).toBeNull();
    expect(await getDefaultFilter(t.db, reader.id)).toBeNull();

    await saveDefaultFilter(null, form([["code", "1"]]));
    // "Clear default" in the bar posts no filter; `code=0` and `min=0` are no filter either.
    expect(await saveDefaultFilter(null, form([]))).toEqual({ ok: true, saved: null });
    expect(await stored(reader.id)).toBeNull();
    expect(
      await saveDefaultFilter(
        null,
        form([
          ["code", "0"],
          ["min", "0"],
        ]),
      ),
    ).toEqual({ ok: true, saved: null });
    expect(await stored(reader.id)).toBeNull();

    request.user = null;
    request.changed = [];
    expect(await saveDefaultFilter(null, form([["not", "cs.CV"]]))).toMatchObject({ ok: false, message: expect.stringMatching(/Sign in/) });
    expect(await clearDefaultFilter(null)).toMatchObject({ ok: false });
    expect(request.changed).toEqual([]);
  });

  it("leaves other readers' defaults alone", async () => {
    const other = await signIn("other@example.com");
    await saveDefaultFilter(null, form([["cat", "math"]]));
    const reader = await signIn("reader@example.com");
    await saveDefaultFilter(null, form([["not", "cs.CV"]]));
    await clearDefaultFilter(null);

    expect(await getDefaultFilter(t.db, reader.id)).toBeNull();
    expect(await getDefaultFilter(t.db, other.id)).toEqual({ include: ["math"], exclude: [], hasCode: false, minUpvotes: 0 });
  });

  it("ignores a stored default that no longer parses, exports it with the account and goes with it", async () => {
    const reader = await signIn("leaving@example.com");
    await t.db.user.update({ where: { id: reader.id }, data: { defaultFilter: "not=xx.YY" } });
    expect(await getDefaultFilter(t.db, reader.id)).toBeNull();
    expect(await getDefaultFilter(t.db, "no-such-user")).toBeNull();

    expect(await setDefaultFilter(t.db, reader.id, new URLSearchParams("not=cs.CV&code=1"))).toMatchObject({ ok: true });
    const data = await exportUserData(t.db, reader.id);
    expect(data.defaultFilter).toBe("not=cs.CV&code=1");

    await deleteUserAccount(t.db, reader.id);
    expect(await t.db.user.count({ where: { defaultFilter: { not: null } } })).toBe(0);
  });
});
