import { describe, expect, it } from "vitest";
import { createDb } from "@/server/db";
import { checkHealth } from "@/server/health/check-health";
import { createPaper } from "../support/accounts";
import { closedPortUrl } from "../support/replay-server";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();

describe("checkHealth", () => {
  it("reports the database, the newest feed day and the last sync run", async () => {
    expect(await checkHealth(t.db, "1.2.3")).toEqual({ status: "ok", db: "ok", latestFeedDay: null, lastSync: null, version: "1.2.3" });
    await createPaper(t.db, "2611.00001");
    await t.db.syncRun.create({
      data: {
        source: "hf",
        status: "SUCCEEDED",
        startedAt: new Date("2026-11-02T10:00:00Z"),
        finishedAt: new Date("2026-11-02T10:00:05Z"),
      },
    });
    expect(await checkHealth(t.db, "1.2.3")).toEqual({
      status: "ok",
      db: "ok",
      latestFeedDay: "2026-11-02",
      lastSync: { source: "hf", status: "succeeded", startedAt: "2026-11-02T10:00:00.000Z", finishedAt: "2026-11-02T10:00:05.000Z" },
      version: "1.2.3",
    });
  });

  it("answers unreachable within its timeout when Postgres does not answer", async () => {
    const unreachable = createDb(`postgresql://nobody:secret@${new URL(await closedPortUrl()).host}/none`);
    const health = await checkHealth(unreachable, "1.2.3", 1_000);
    expect(health).toEqual({ status: "unavailable", db: "unreachable", latestFeedDay: null, lastSync: null, version: "1.2.3" });
    expect(JSON.stringify(health)).not.toContain("secret");
    await unreachable.$disconnect();
  });
});
