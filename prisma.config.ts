import { defineConfig } from "prisma/config";

// The Prisma CLI is only used for `generate` here (migrations go through scripts/lib/migrate.ts),
// so an unset DATABASE_URL must not make it fail.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
