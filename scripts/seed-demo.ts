// Run by `npm run dev` (scripts/run.ts --seed-demo; DEMO_DATA=off skips it): an empty database gets
// the recorded days in prisma/demo, so a fresh clone shows a feed.
import { join } from "node:path";
import { db } from "@/server/db";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { PROJECT_ROOT } from "./lib/project-root";

const DEMO_FOLDER = join(PROJECT_ROOT, "prisma", "demo");

const log = (message: string) => console.log(`[db] ${message}`);

async function main() {
  if ((await db.paper.count()) > 0) return;
  const files = await listImportFiles([DEMO_FOLDER]);
  log(`Empty database: importing ${files.length} days of demo papers from prisma/demo (DEMO_DATA=off to skip)`);
  const summary = await importDailyPaperFiles(db, files, {
    onSource: ({ position, total }) => {
      if (position === total || position % 10 === 0) log(`  ${position}/${total} days imported`);
    },
  });
  log(`Demo data ready: ${summary.created} papers`);
}

main()
  .finally(() => db.$disconnect())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
