// npm run bench:import — times importing the bundled demo days (876 items in 36 files) into a
// fresh database, then again (every paper unchanged), and prints the figures.
import pg from "pg";
import { env } from "@/env";
import { createDb } from "@/server/db";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { applyMigrations } from "../scripts/workarounds/migrate";

const DATABASE = "daily_papers_bench_import";

async function main() {
  const serverUrl = new URL(env.DATABASE_URL!);
  serverUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  await applyMigrations(url.toString());
  const db = createDb(url.toString());
  try {
    const files = await listImportFiles(["prisma/demo"]);
    for (const run of ["first import (all new)", "second import (all unchanged)"]) {
      const started = performance.now();
      const summary = await importDailyPaperFiles(db, files);
      const seconds = (performance.now() - started) / 1000;
      const items = summary.created + summary.updated + summary.unchanged;
      console.log(
        `${run}: ${files.length} files, ${items} items in ${seconds.toFixed(2)} s ` +
          `(${(items / seconds).toFixed(0)} items/s, ${((seconds * 1000) / files.length).toFixed(1)} ms/file)`,
      );
    }
  } finally {
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
