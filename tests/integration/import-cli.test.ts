import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARXIV_FIXTURES, HF_FIXTURES, PROJECT_DIR } from "../support/fixtures";
import { closedPortUrl, startReplayServer, type ReplayServer } from "../support/replay-server";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
let hf: ReplayServer;
let arxiv: ReplayServer;
let rateLimitedOnce: boolean;

function runImport(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(join(PROJECT_DIR, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/import.ts", ...args], {
      cwd: PROJECT_DIR,
      env: { ...process.env, DATABASE_URL: t.url, HF_API_URL: hf.url, ARXIV_API_URL: `${arxiv.url}/api/query`, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  rateLimitedOnce = false;
  hf = await startReplayServer(async (url) => {
    const date = url.searchParams.get("date") ?? "";
    if (url.pathname !== "/api/daily_papers" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { status: 400, body: "{}" };
    if (date === "2026-06-10" && !rateLimitedOnce) {
      rateLimitedOnce = true;
      return { status: 429, body: '{"error":"rate limited"}', headers: { "retry-after": "1" } };
    }
    // Like the real API, a day without papers is an empty array.
    const body = await readFile(join(HF_FIXTURES, `${date}.json`), "utf8").catch(() => "[]");
    return { status: 200, body };
  });
  const recorded = JSON.parse(await readFile(join(ARXIV_FIXTURES, "id_1605.08386_s0_m100_199195aa31ad.json"), "utf8")) as { body: string };
  arxiv = await startReplayServer((url) => {
    const ids = url.searchParams.get("id_list")?.split(",") ?? [];
    const body = ids.includes("1605.08386") ? recorded.body : recorded.body.replace(/<entry>[\s\S]*<\/entry>/, "");
    return { status: 200, body, headers: { "content-type": "application/atom+xml" } };
  });
});

afterAll(async () => {
  await Promise.all([hf.close(), arxiv.close()]);
});

describe("npm run import", () => {
  it("imports a folder with progress and a summary, and a second run changes nothing", async () => {
    const first = await runImport([HF_FIXTURES]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\[1\/6\] 2024-06-03\.json: 6 papers \(6 created, 0 updated, 0 unchanged\)/);
    expect(first.stdout).toMatch(/Done in [\d.]+ s: 108 papers created, 1 updated, 0 unchanged, 0 skipped \(6 sources\)\./);
    const papers = await t.db.paper.count();

    const second = await runImport([HF_FIXTURES]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 papers created, 0 updated, 109 unchanged, 0 skipped/);
    expect(await t.db.paper.count()).toBe(papers);
  });

  it("exits non-zero and names file, index and paper id when items are skipped", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dp-cli-"));
    const items = JSON.parse(await readFile(join(HF_FIXTURES, "2024-06-04.json"), "utf8")) as { paper: Record<string, unknown> }[];
    delete items[1]!.paper.summary;
    await writeFile(join(dir, "2024-06-04.json"), JSON.stringify(items));
    const result = await runImport([dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `skipped: ${join(dir, "2024-06-04.json")}, item 1, ${String(items[1]!.paper.id)}: paper.summary is missing`,
    );
  });

  it("fetches days live from the HF API, retrying after a 429", async () => {
    const result = await runImport(["--hf", "--since", "2026-06-10", "--until", "2026-06-11"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2026-06-10: HTTP 429, retry 1 in 1000 ms/);
    expect(result.stdout).toMatch(/\[2\/2\] 2026-06-11: 0 papers/);
    expect(hf.requests.map((url) => url.searchParams.get("date"))).toEqual(["2026-06-10", "2026-06-10", "2026-06-11"]);
  });

  it("reports a clear error when the HF API is unreachable", async () => {
    const result = await runImport(["--hf", "--date", "2026-06-10"], { HF_API_URL: await closedPortUrl() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /skipped: 2026-06-10: GET http:\/\/127\.0\.0\.1:\d+\/api\/daily_papers\?date=2026-06-10.* failed after 4 attempts: network error \(ECONNREFUSED\)/,
    );
  }, 20_000);

  it("imports by arXiv id and reports unknown ids without inventing papers", async () => {
    const result = await runImport(["--arxiv", "https://arxiv.org/abs/1605.08386v1", "0000.00001", "--date", "2026-06-12"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/1 papers created/);
    expect(result.stderr).toMatch(/skipped: arXiv, 0000\.00001: not found on arXiv/);
    const paper = await t.db.paper.findUniqueOrThrow({ where: { id: "1605.08386" } });
    expect(paper).toMatchObject({
      title: "Heat-bath random walks with Markov bases",
      authors: ["Caprice Stanley", "Tobias Windisch"],
      source: "ARXIV",
    });
    expect(paper.feedDate.toISOString().slice(0, 10)).toBe("2026-06-12");
    expect(await t.db.paper.count({ where: { title: "Error" } })).toBe(0);
  });

  it.each([
    [["--hf"], /--hf needs --date or --since/],
    [["--hf", "--date", "2026-13-45"], /must be a real date in the form YYYY-MM-DD/],
    [["--arxiv", "not-an-id"], /"not-an-id" is not an arXiv id/],
    [[], /give at least one file or folder/],
    [["--bogus"], /Unknown option '--bogus'/],
  ])("rejects bad arguments %j with usage help and exit code 2", async (args, message) => {
    const result = await runImport(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage:");
  });
});
