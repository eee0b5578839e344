// Provides a PostgreSQL server for the integration tests exactly as `npm run dev` does: DATABASE_URL
// when set, else the embedded local server. A migrated template database is cloned per test file.
import type { TestProject } from "vitest/node";
import { TEMPLATE_DATABASE, dropStaleTestDatabases } from "./test-db-names";
import { acquireDatabaseServer, ensureDatabase, migrate, type DatabaseServer } from "../../scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}

let server: DatabaseServer | null = null;

export async function setup(project: TestProject) {
  server = await acquireDatabaseServer();
  const serverUrl = server.urlFor("postgres");
  await dropStaleTestDatabases(serverUrl);
  await ensureDatabase(serverUrl, TEMPLATE_DATABASE);
  await migrate(server.urlFor(TEMPLATE_DATABASE));
  project.provide("testServerUrl", serverUrl);
}

export async function teardown() {
  await server?.release();
}
