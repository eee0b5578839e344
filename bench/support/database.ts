import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import pg from "pg";
import { z } from "zod";
import { parseDailyPapers } from "@/server/ingest/hf-daily-papers";
import { listImportFiles } from "@/server/ingest/import-files";
import { withDatabase } from "../../scripts/lib/database";

/** The seeded database `npm run bench:seed` fills and `npm run bench` reads. */
export const BENCH_DATABASE = "daily_papers_bench";
/** `--database <name>`: another seeded database than the default, e.g. a 10,000-paper one beside the 1M one. */
export const databaseNameSchema = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a PostgreSQL database name: lower-case letters, digits and _")
  .default(BENCH_DATABASE);

/** The newest feed day of the seeded data. */
export const BENCH_TODAY = "2026-11-27";

export function benchDatabaseUrl(serverUrl: string, name = BENCH_DATABASE): string {
  return withDatabase(serverUrl, name);
}

async function admin<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function recreateBenchDatabase(serverUrl: string, name = BENCH_DATABASE): Promise<void> {
  return admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

export function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  return admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

export interface CorpusPaper {
  title: string;
  abstract: string;
  authors: string[];
  org: string | null;
  orgFullName: string | null;
  orgAvatar: string | null;
}

/** The real recorded papers the generated ones are made from. */
export async function loadCorpus(folder: string): Promise<CorpusPaper[]> {
  const papers = new Map<string, CorpusPaper>();
  for (const file of await listImportFiles([folder])) {
    const { records } = parseDailyPapers(JSON.parse(await readFile(file, "utf8")), /(\d{4}-\d{2}-\d{2})/.exec(basename(file))?.[1] ?? null);
    for (const record of records) {
      papers.set(record.id, {
        title: record.title,
        abstract: record.abstract,
        authors: record.authors,
        org: record.organization?.name ?? null,
        orgFullName: record.organization?.fullName ?? null,
        orgAvatar: record.organization?.avatarUrl ?? null,
      });
    }
  }
  return [...papers.values()];
}
