import { join } from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { onPapersChanged } from "@/server/changes/listener";
import { pagesChanged } from "@/server/changes/pages-changed";
import { importDailyPaperFiles } from "@/server/ingest/import-files";
import { followPaperChanges, papersVersion } from "@/server/papers/cache";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();

async function waitForVersionAbove(version: number) {
  const deadline = Date.now() + 5000;
  while (papersVersion() <= version && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return papersVersion();
}

it("an import in another connection advances the cached-papers version; a no-op import does not", async () => {
  const booted = papersVersion();
  followPaperChanges(t.url);
  const connected = await waitForVersionAbove(booted); // the listener bumps once when it connects
  const file = join(HF_FIXTURES, "2024-06-03.json");

  await importDailyPaperFiles(t.db, [file]);
  const afterImport = await waitForVersionAbove(connected);
  expect(afterImport).toBe(connected + 1);

  // A no-op import must not announce itself. Notifications reach a listening session in commit
  // order, so once a sentinel sent after the import has arrived, any announcement would have too.
  const observer = new pg.Client({ connectionString: t.url });
  await observer.connect();
  const heard: string[] = [];
  const sentinel = new Promise<void>((resolve) =>
    observer.on("notification", ({ channel }) => (channel === "test_sentinel" ? resolve() : heard.push(channel))),
  );
  try {
    await observer.query("LISTEN papers_changed; LISTEN test_sentinel");
    await importDailyPaperFiles(t.db, [file]);
    await t.db.$executeRaw`SELECT pg_notify('test_sentinel', '')`;
    await sentinel;
    expect(heard).toEqual([]);
    expect(papersVersion()).toBe(afterImport);
  } finally {
    await observer.end();
  }
});

it("every cache of a process hears a change on one shared LISTEN connection", async () => {
  const heard = { pageCache: 0, other: 0 };
  onPapersChanged(t.url, () => heard.pageCache++);
  onPapersChanged(t.url, () => heard.other++);
  followPaperChanges(t.url);
  const listening = async () => {
    const [row] = await t.db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pg_stat_activity
      WHERE datname = current_database() AND query ILIKE 'LISTEN papers_changed%'`;
    return row!.count;
  };
  const deadline = Date.now() + 5000;
  while ((await listening()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await listening()).toBe(1);

  const before = { ...heard };
  await pagesChanged({ from: "job", papers: "changed", db: t.db });
  while ((heard.other === before.other || heard.pageCache === before.pageCache) && Date.now() < deadline + 5000)
    await new Promise((resolve) => setTimeout(resolve, 20));
  // Both heard it (a reconnection's catch-up call may come too, but to both alike).
  expect(heard.pageCache - before.pageCache).toBeGreaterThan(0);
  expect(heard.other - before.other).toBe(heard.pageCache - before.pageCache);
  expect(await listening()).toBe(1);
});
