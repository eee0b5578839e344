import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importDailyPaperFiles } from "@/server/ingest/import-files";
import { listenForPaperChanges, papersVersion } from "@/server/papers/cache";
import { HF_FIXTURES } from "../support/fixtures";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function waitForVersionAbove(version: number) {
  const deadline = Date.now() + 5000;
  while (papersVersion() <= version && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return papersVersion();
}

it("an import in another connection advances the cached-papers version; a no-op import does not", async () => {
  const booted = papersVersion();
  listenForPaperChanges(t.url);
  const connected = await waitForVersionAbove(booted); // the listener bumps once when it connects
  const file = join(HF_FIXTURES, "2024-06-03.json");

  await importDailyPaperFiles(t.db, [file]);
  const afterImport = await waitForVersionAbove(connected);
  expect(afterImport).toBe(connected + 1);

  await importDailyPaperFiles(t.db, [file]); // nothing changes, nothing is announced
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(papersVersion()).toBe(afterImport);
});
