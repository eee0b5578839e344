// Usage: tsx scripts/with-db.ts [--seed-demo] [-- command args...]
// Provides a migrated database (DATABASE_URL, or the embedded local server when it is unset), then
// runs the command with DATABASE_URL set. Without a command it only migrates (`npm run db:migrate`).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { childEnv, env } from "@/env";
import { createDb } from "@/server/db";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { acquireLocalPostgres, ensureDatabase, PROJECT_ROOT, type LocalPostgres } from "./workarounds/local-postgres";
import { applyMigrations } from "./workarounds/migrate";

const LOCAL_DATABASE = "daily_papers";
const DEMO_FOLDER = join(PROJECT_ROOT, "prisma", "demo");

const log = (message: string) => console.log(`[db] ${message}`);

async function provideDatabase(): Promise<{ url: string; local: LocalPostgres | null }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, local: null };
  const local = await acquireLocalPostgres(log);
  await ensureDatabase(local.urlFor("postgres"), LOCAL_DATABASE);
  return { url: local.urlFor(LOCAL_DATABASE), local };
}

async function seedDemoData(url: string) {
  const db = createDb(url);
  try {
    if ((await db.paper.count()) > 0) return;
    const files = await listImportFiles([DEMO_FOLDER]);
    log(`Empty database: importing ${files.length} days of demo papers from prisma/demo (DEMO_DATA=off to skip)`);
    const summary = await importDailyPaperFiles(db, files, {
      onSource: ({ position, total }) => {
        if (position === total || position % 10 === 0) log(`  ${position}/${total} days imported`);
      },
    });
    log(`Demo data ready: ${summary.created} papers`);
  } finally {
    await db.$disconnect();
  }
}

// next-auth needs a secret outside development; a newcomer should not have to invent one.
function localAuthSecret(): Record<string, string> {
  if (env.NEXTAUTH_SECRET) return {};
  const file = join(PROJECT_ROOT, ".data", "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return { NEXTAUTH_SECRET: readFileSync(file, "utf8").trim() };
}

// Without a trusted proxy, forwarding headers come from the client: the app must never see them.
function untrustedForwardingHeaders(): Record<string, string> {
  if (env.TRUST_PROXY > 0) return {};
  const preload = `--import ${pathToFileURL(join(PROJECT_ROOT, "scripts", "strip-forwarded-headers.mjs")).href}`;
  return { NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(" ") };
}

function runCommand(command: string[], url: string): Promise<number> {
  const [program, ...args] = command;
  if (!program) return Promise.resolve(0);
  const child = spawn(program, args, {
    stdio: "inherit",
    env: childEnv({ NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, ...localAuthSecret(), ...untrustedForwardingHeaders() }),
  });
  // The terminal delivers Ctrl-C to the child as well; wait for it to exit, then clean up.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", () => {});
  process.on("SIGTERM", forward);
  process.on("SIGHUP", forward);
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`Could not run ${program}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const separator = argv.indexOf("--");
  const options = separator === -1 ? argv : argv.slice(0, separator);
  const command = separator === -1 ? [] : argv.slice(separator + 1);
  const unknown = options.filter((option) => option !== "--seed-demo");
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(" ")}. Usage: tsx scripts/with-db.ts [--seed-demo] [-- command args...]`);
    return 2;
  }

  const { url, local } = await provideDatabase();
  try {
    const applied = await applyMigrations(url);
    log(applied.length > 0 ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date");
    if (options.includes("--seed-demo") && env.DEMO_DATA === "on") await seedDemoData(url);
    return await runCommand(command, url);
  } finally {
    await local?.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
