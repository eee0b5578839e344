// Provides a PostgreSQL server for the integration tests exactly as `npm run dev` does: DATABASE_URL
// when set, else the embedded local server. A migrated template database is cloned per test file.
import type { TestProject } from "vitest/node";
import { env } from "@/env";
import { TEMPLATE_DATABASE, dropStaleTestDatabases, serverUrlFor } from "./test-db-names";
import { acquireLocalPostgres, ensureDatabase, type LocalPostgres } from "../../scripts/workarounds/local-postgres";
import { applyMigrations } from "../../scripts/workarounds/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}

let local: LocalPostgres | null = null;

export async function setup(project: TestProject) {
  let serverUrl: string;
  if (env.DATABASE_URL) {
    serverUrl = serverUrlFor(env.DATABASE_URL, "postgres");
  } else {
    local = await acquireLocalPostgres();
    serverUrl = local.urlFor("postgres");
  }
  await dropStaleTestDatabases(serverUrl);
  await ensureDatabase(serverUrl, TEMPLATE_DATABASE);
  await applyMigrations(serverUrlFor(serverUrl, TEMPLATE_DATABASE));
  project.provide("testServerUrl", serverUrl);
}

export async function teardown() {
  await local?.release();
}
