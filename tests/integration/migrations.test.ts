import { describe, expect, it, inject } from "vitest";
import { schemaDrift } from "../../scripts/lib/database";

// Migrations are written by hand as often as by `npm run db:migration`: replayed into a shadow
// database, they must build exactly the schema prisma/schema.prisma describes (which the client is
// generated from). This also runs Prisma's schema engine against PostgreSQL 18, which needs the
// constraint-query workaround in scripts/workarounds/migrate.ts.

describe("the migrations", () => {
  it("build exactly prisma/schema.prisma", { timeout: 120_000 }, async () => {
    expect(await schemaDrift(inject("testServerUrl"))).toBeNull();
  });
});
