// The tooling's one way to a database (scripts, tests, benchmarks): provide a server or a database
// (DATABASE_URL, else the embedded local PostgreSQL), migrate it, write a new migration.
// Migrations take the standard path, the Prisma CLI set up by prisma.config.ts, when Prisma's
// native schema engine is installed, and the wasm workaround only when it is not. This is the only
// importer of scripts/workarounds/, so retiring a workaround touches this file alone.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { z } from "zod";
import { env } from "@/env";
import { PROJECT_ROOT } from "./project-root";
import { childEnv, toolingEnv } from "./tooling-env";
import { acquireLocalPostgres, stopLocalPostgres } from "../workarounds/local-postgres";
import { applyMigrations, diffMigrationsToSchema } from "../workarounds/migrate";

const SCHEMA_FILE = join(PROJECT_ROOT, "prisma", "schema.prisma");
const MIGRATIONS_DIR = join(PROJECT_ROOT, "prisma", "migrations");
const PRISMA_CLI = join(PROJECT_ROOT, "node_modules", ".bin", "prisma");
/** Where the Prisma packages put the native engines they download on install. */
const ENGINE_FOLDERS = [join(PROJECT_ROOT, "node_modules", "prisma"), join(PROJECT_ROOT, "node_modules", "@prisma", "engines")];
/** The app's database on the embedded server. */
const LOCAL_DATABASE = "daily_papers";

type Log = (message: string) => void;

export interface DatabaseServer {
  /** For CREATE/DROP DATABASE: DATABASE_URL as given, or the embedded server's `postgres` database. */
  adminUrl: string;
  /** Another database on the same server. */
  urlFor(database: string): string;
  /** Lets the embedded server stop once no other process uses it; nothing to do for DATABASE_URL. */
  release(): Promise<void>;
}

/** The URL of another database on the server `url` names. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The server of DATABASE_URL, or the embedded local PostgreSQL (started if needed) when it is unset. */
export async function acquireDatabaseServer(log: Log = () => {}): Promise<DatabaseServer> {
  const given = env.DATABASE_URL;
  if (given) return { adminUrl: given, urlFor: (database) => withDatabase(given, database), release: async () => {} };
  const local = await acquireLocalPostgres(log);
  return { adminUrl: local.urlFor("postgres"), urlFor: local.urlFor, release: local.release };
}

/** The app's database: DATABASE_URL as given, or `daily_papers` on the embedded server (created when missing). */
export async function provideDatabase(log: Log = () => {}): Promise<{ url: string; release(): Promise<void> }> {
  const server = await acquireDatabaseServer(log);
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, release: server.release };
  try {
    await ensureDatabase(server.adminUrl, LOCAL_DATABASE);
  } catch (error) {
    await server.release();
    throw error;
  }
  return { url: server.urlFor(LOCAL_DATABASE), release: server.release };
}

/** Stops the embedded server even if processes still use it (`npm run db:stop`); false when it was not running. */
export function stopEmbeddedServer(log: Log = () => {}): Promise<boolean> {
  return stopLocalPostgres(log);
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

// `prisma migrate` needs Prisma's native schema engine: PRISMA_SCHEMA_ENGINE_BINARY when set, else
// the schema-engine-<platform> file downloaded on install. It is there when that file runs and
// answers `--version` as the engine does ("schema-engine-cli <hash>"): a stand-in such as the one
// prisma-generate.mjs passes, or a build for another platform, does not count. Decided once per process.
let nativeSchemaEngine: boolean | undefined;

function hasNativeSchemaEngine(): boolean {
  nativeSchemaEngine ??= schemaEngineCandidates().some(
    (file) => spawnSync(file, ["--version"], { encoding: "utf8", timeout: 10_000 }).stdout?.startsWith("schema-engine") ?? false,
  );
  return nativeSchemaEngine;
}

function schemaEngineCandidates(): string[] {
  if (toolingEnv.PRISMA_SCHEMA_ENGINE_BINARY) return [toolingEnv.PRISMA_SCHEMA_ENGINE_BINARY];
  return ENGINE_FOLDERS.filter((folder) => existsSync(folder)).flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.startsWith("schema-engine-") && !/\.(gz|sha256)$/.test(name))
      .map((name) => join(folder, name)),
  );
}

/** Runs the Prisma CLI (which reads prisma.config.ts); fails with its output on an exit code not listed. */
function runPrismaCli(args: string[], variables: Record<string, string>, exitCodes = [0]): Promise<{ exitCode: number; stdout: string }> {
  const options = {
    cwd: PROJECT_ROOT,
    env: childEnv({ ...variables, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" }),
    maxBuffer: 64 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    execFile(PRISMA_CLI, args, options, (error, stdout, stderr) => {
      const exitCode = error ? error.code : 0;
      if (typeof exitCode === "number" && exitCodes.includes(exitCode)) resolve({ exitCode, stdout });
      else reject(new Error(`prisma ${args.join(" ")} failed (${exitCode ?? error?.message}):\n${stdout}${stderr}`));
    });
  });
}

const appliedMigrationRows = z.array(z.object({ migration_name: z.string() }));

async function appliedMigrationNames(url: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").then(
      (result) => result.rows,
      (error: { code?: string }) => {
        if (error.code === "42P01") return []; // no migration has run here yet
        throw error;
      },
    );
    return new Set(appliedMigrationRows.parse(rows).map((row) => row.migration_name));
  } finally {
    await client.end();
  }
}

/** Applies the pending migrations of prisma/migrations; returns the names of those it applied. */
export async function migrate(url: string): Promise<string[]> {
  if (!hasNativeSchemaEngine()) return applyMigrations(url, MIGRATIONS_DIR);
  const before = await appliedMigrationNames(url);
  await runPrismaCli(["migrate", "deploy"], { DATABASE_URL: url });
  return [...(await appliedMigrationNames(url))].filter((name) => !before.has(name)).sort();
}

async function diffToSchema(shadowUrl: string): Promise<string | null> {
  if (!hasNativeSchemaEngine()) return diffMigrationsToSchema(shadowUrl, MIGRATIONS_DIR, SCHEMA_FILE);
  const args = ["migrate", "diff", "--from-migrations", MIGRATIONS_DIR, "--to-schema", SCHEMA_FILE, "--script", "--exit-code"];
  // --exit-code: 0 when there is no difference, 2 when there is one.
  const { exitCode, stdout } = await runPrismaCli(args, { SHADOW_DATABASE_URL: shadowUrl }, [0, 2]);
  return exitCode === 2 ? stdout : null;
}

/**
 * The SQL that prisma/schema.prisma adds to the existing migrations, found by replaying them into a
 * throw-away shadow database on the server; null when they already build exactly that schema.
 */
export async function schemaDrift(adminUrl: string): Promise<string | null> {
  const shadowName = `prisma_shadow_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(shadowName)}`);
  try {
    return await diffToSchema(withDatabase(adminUrl, shadowName));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(shadowName)} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql: what prisma/schema.prisma adds to the
 * existing migrations (schemaDrift). Returns the new folder, or null when there is nothing to add.
 */
export async function createMigration(adminUrl: string, name: string): Promise<string | null> {
  const sql = await schemaDrift(adminUrl);
  if (!sql) return null;
  const timestamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${timestamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "migration.sql"), sql);
  await writeFile(
    join(MIGRATIONS_DIR, "migration_lock.toml"),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return dir;
}
