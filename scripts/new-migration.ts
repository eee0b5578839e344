// Usage: npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// existing migrations and prisma/schema.prisma, using a throw-away shadow database.
import { z } from "zod";
import { acquireDatabaseServer, createMigration } from "./lib/database";

const nameSchema = z
  .string({ error: "Give the migration a name: npm run db:migration -- add_paper_views" })
  .regex(/^[a-z0-9_]{1,60}$/, "Migration names use lowercase letters, digits and underscores (e.g. add_paper_views)");

async function main(): Promise<number> {
  const name = nameSchema.safeParse(process.argv[2]);
  if (!name.success) {
    console.error(name.error.issues[0]?.message);
    return 2;
  }
  const server = await acquireDatabaseServer((message) => console.log(`[db] ${message}`));
  try {
    const dir = await createMigration(server.adminUrl, name.data);
    console.log(dir ? `Created ${dir}/migration.sql; review it, then run npm run db:migrate` : "No schema changes: nothing to migrate.");
    return 0;
  } finally {
    await server.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
