// `npm test`: lint, formatting and type checks, unit and integration tests (vitest, real Postgres
// and SMTP), a production build, and browser tests (Playwright in Chromium) against it. Ends with
// one line: `N passed, N failed`.
// While working on one part: `npm test -- --vitest-only [vitest args]` or `--e2e-only [playwright args]`.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { z } from "zod";
import { createDb } from "@/server/db";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { resolveBrowser } from "./lib/browser";
import { acquireDatabaseServer, migrate, type DatabaseServer } from "./lib/database";
import { freePort } from "./lib/free-port";
import { PROJECT_ROOT } from "./lib/project-root";
import { childEnv, toolingEnv } from "./lib/tooling-env";

const RESULTS = join(PROJECT_ROOT, ".data", "test-results");
const E2E_DATABASE = "daily_papers_e2e";

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: PROJECT_ROOT, env: childEnv(extraEnv) });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(127));
  });
}

async function announceBrowser(): Promise<boolean> {
  try {
    const browser = await resolveBrowser(toolingEnv.CHROMIUM_PATH);
    console.log(`Browser tests use ${browser.executablePath} (${browser.source}).`);
    return true;
  } catch (error) {
    console.error(`No browser for the browser tests: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

async function prepareE2eDatabase(server: DatabaseServer): Promise<string> {
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${E2E_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${E2E_DATABASE}`);
  await admin.end();
  const url = server.urlFor(E2E_DATABASE);
  await migrate(url);
  const db = createDb(url);
  const fixtures = ["hf-daily-papers", "e2e"].map((folder) => join(PROJECT_ROOT, "tests", "fixtures", folder));
  await importDailyPaperFiles(db, await listImportFiles(fixtures));
  await db.$disconnect();
  return url;
}

// Each counts as one check in the summary: lint, formatting, types.
const STATIC_CHECKS: [string, string, string[]][] = [
  ["Lint (eslint)", "node_modules/.bin/eslint", ["."]],
  ["Formatting (prettier)", "node_modules/.bin/prettier", ["--check", "--log-level", "warn", "."]],
  ["Types (tsc)", "node_modules/.bin/tsc", ["--noEmit"]],
];

async function runStaticChecks(): Promise<{ passed: number; failed: number }> {
  const counts = { passed: 0, failed: 0 };
  for (const [title, command, args] of STATIC_CHECKS) {
    console.log(`\n== ${title}`);
    if ((await run(command, args)) === 0) counts.passed += 1;
    else counts.failed += 1;
  }
  return counts;
}

const vitestReport = z.object({ numPassedTests: z.number(), numFailedTests: z.number() });
const playwrightReport = z.object({ stats: z.object({ expected: z.number(), flaky: z.number(), unexpected: z.number() }) });

function readCounts<Report extends z.ZodType>(
  file: string,
  report: Report,
  pick: (report: z.infer<Report>) => { passed: number; failed: number },
) {
  try {
    return pick(report.parse(JSON.parse(readFileSync(file, "utf8"))));
  } catch {
    return { passed: 0, failed: 1 }; // the runner crashed before writing its report
  }
}

async function main(): Promise<number> {
  const [mode, ...extraArgs] = process.argv.slice(2);
  if (mode !== undefined && mode !== "--vitest-only" && mode !== "--e2e-only") {
    console.error(`Unknown option ${mode}. Usage: npm test [-- --vitest-only|--e2e-only [runner args]]`);
    return finish(0, 1);
  }
  const runVitest = mode !== "--e2e-only";
  const runE2e = mode !== "--vitest-only";
  const checks = mode === undefined ? await runStaticChecks() : { passed: 0, failed: 0 };
  if (runE2e && !(await announceBrowser())) return finish(checks.passed, checks.failed + 1);
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  const server = await acquireDatabaseServer((message) => console.log(`[db] ${message}`));
  try {
    const vitestJson = join(RESULTS, "vitest.json");
    const e2eJson = join(RESULTS, "e2e.json");

    let unit = { passed: 0, failed: 0 };
    if (runVitest) {
      console.log("\n== Unit and integration tests (vitest)");
      await run("node_modules/.bin/vitest", [
        "run",
        "--config",
        "tests/vitest.config.ts",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${vitestJson}`,
        ...(runE2e ? [] : extraArgs),
      ]);
      unit = readCounts(vitestJson, vitestReport, (report) => ({ passed: report.numPassedTests, failed: report.numFailedTests }));
    }
    if (!runE2e) return finish(checks.passed + unit.passed, checks.failed + unit.failed);

    console.log("\n== Production build (next build)");
    const buildCode = await run("node_modules/.bin/next", ["build"], { NEXT_TELEMETRY_DISABLED: "1" });

    let e2e = { passed: 0, failed: 1 };
    if (buildCode === 0) {
      console.log("\n== Browser tests (Playwright, Chromium)");
      const databaseUrl = await prepareE2eDatabase(server);
      await run(
        "node_modules/.bin/playwright",
        ["test", "--config", "tests/e2e/playwright.config.ts", "--reporter=list,json", ...(runVitest ? [] : extraArgs)],
        {
          DATABASE_URL: databaseUrl,
          E2E_PORT: String(await freePort()),
          // The sign-in spec runs an SMTP server on this port; the server under test sends its mail there.
          E2E_SMTP_PORT: String(await freePort()),
          // The admin spec replays Hugging Face on this port; the server under test syncs from it.
          E2E_HF_PORT: String(await freePort()),
          PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
        },
      );
      e2e = readCounts(e2eJson, playwrightReport, (report) => ({
        passed: report.stats.expected + report.stats.flaky,
        failed: report.stats.unexpected,
      }));
    } else {
      console.error("The production build failed, so the browser tests did not run.");
    }
    const passed = checks.passed + unit.passed + e2e.passed;
    const failed = checks.failed + unit.failed + e2e.failed + (buildCode === 0 ? 0 : 1);
    return finish(passed, failed);
  } finally {
    await server.release();
  }
}

let summary = "";
function finish(passed: number, failed: number): number {
  summary = `${passed} passed, ${failed} failed`;
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => {
    // Printed last, after the database has stopped, so it is the final line CI reads.
    console.log(summary);
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
