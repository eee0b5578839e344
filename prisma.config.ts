// Settings of the Prisma CLI. scripts/lib/database.ts runs `prisma migrate` with DATABASE_URL (and
// SHADOW_DATABASE_URL to write a migration) set; `prisma generate` (npm postinstall) needs neither.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL },
});
