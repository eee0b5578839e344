// Workaround (see README.md beside this file): Prisma Migrate through the wasm build of Prisma's
// schema engine, because the native engine the CLI wants cannot be downloaded here. It reads the
// standard migrations folder and writes the standard `_prisma_migrations` table, so a machine with
// the native engine can use `prisma migrate` on the same database. Only scripts/lib/database.ts
// calls it, and only when that engine is missing.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

const FILTERS = { externalTables: [], externalEnums: [] };
// Any constant works; it only has to be the same for every process migrating this project.
const MIGRATION_LOCK_KEY = 7_285_310_442;

async function loadEngineRuntime() {
  const require = createRequire(import.meta.url);
  const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(await readFile(wasmPath)), {
    "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return runtime;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// The schema engine's constraint query keeps every constraint but primary, unique and foreign keys;
// PostgreSQL 18 lists NOT NULL as constraints too (contype 'n'), on which the engine panics
// (prisma/orm#29635). Asking for the two kinds it reads, as its pending fix does
// (prisma/prisma-engines#5819), lets `npm run db:migration` diff against PostgreSQL 18.
const CONSTRAINT_KINDS_DENIED = "contype NOT IN ('p', 'u', 'f')";
const CONSTRAINT_KINDS_READ = "contype IN ('c', 'x')";

function rewritten(text: string): string {
  return text.includes(CONSTRAINT_KINDS_DENIED) ? text.replace(CONSTRAINT_KINDS_DENIED, CONSTRAINT_KINDS_READ) : text;
}

function withReadableConstraintKinds(args: unknown[]): void {
  const [query] = args;
  if (typeof query === "string") args[0] = rewritten(query);
  else if (query && typeof query === "object" && "text" in query && typeof query.text === "string")
    args[0] = { ...query, text: rewritten(query.text) };
}

// Introspection reads catalog columns of Postgres's internal "char" type, which @prisma/adapter-pg
// 7.10 rejects ("Column type 'char' could not be deserialized"). Reporting them as text lets the
// engine describe a real Postgres; the values are already single-character strings.
class CatalogFriendlyClient extends pg.Client {
  override query(...args: unknown[]): never {
    withReadableConstraintKinds(args);
    const relabel = (res: pg.QueryResult | undefined) => {
      for (const field of res?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      return res;
    };
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: Error | null, res: pg.QueryResult) => callback(error, relabel(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(relabel) : result) as never;
  }
}

// @prisma/adapter-pg 7.10 runs migration scripts by splitting them on every ";", which breaks
// PL/pgSQL bodies and comments. Postgres's simple query protocol runs a whole script at once, in
// one implicit transaction, so a failing migration leaves nothing half-applied.
function wholeScriptFactory(url: string, opened: { dispose(): Promise<void> }[]) {
  const factory = new PrismaPg({ connectionString: url, Client: CatalogFriendlyClient } as pg.PoolConfig);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    // The engine reads a constraint's kind as a character, which no Postgres type reaches through
    // the adapter (the "char" column arrives as text, see above): that one column is typed so.
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      const result = await queryRaw(query);
      const kind = result.columnNames.indexOf("constraint_type");
      if (kind !== -1) result.columnTypes[kind] = ColumnTypeEnum.Character;
      return result;
    };
    adapter.executeScript = async (script: string) => {
      await (adapter.underlyingDriver() as pg.Pool).query(script);
    };
    opened.push(adapter);
    return adapter;
  };
  return factory;
}

async function withEngine<T>(url: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const runtime = await loadEngineRuntime();
  // Connections are closed explicitly: a lingering pool keeps the process alive and blocks
  // CREATE DATABASE ... TEMPLATE on the migrated database.
  const opened: { dispose(): Promise<void> }[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptFactory(url, opened));
  const engine = await runtime.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((connection) => connection.dispose()));
  }
}

async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const dirs = existsSync(migrationsDir)
    ? (await readdir(migrationsDir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockfile = join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockfile) ? await readFile(lockfile, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(join(migrationsDir, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** Applies pending migrations; concurrent callers serialise on an advisory lock. */
export async function applyMigrations(url: string, migrationsDir: string): Promise<string[]> {
  const lockClient = new pg.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const migrationsList = await readMigrations(migrationsDir);
    const output = await withEngine(url, (engine) => engine.applyMigrations({ migrationsList, filters: FILTERS }));
    return output.appliedMigrationNames;
  } finally {
    await lockClient.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await lockClient.end();
  }
}

/**
 * The SQL that takes a database from the existing migrations to the schema file, or null when
 * they agree. The migrations are replayed into the given empty shadow database first.
 */
export async function diffMigrationsToSchema(shadowUrl: string, migrationsDir: string, schemaFile: string): Promise<string | null> {
  const migrationsList = await readMigrations(migrationsDir);
  const files = [{ path: schemaFile, content: await readFile(schemaFile, "utf8") }];
  return withEngine(shadowUrl, async (engine) => {
    if (migrationsList.migrationDirectories.length > 0) await engine.applyMigrations({ migrationsList, filters: FILTERS });
    const diff = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: dirname(schemaFile) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: FILTERS,
    });
    return diff.exitCode === 0 ? null : diff.stdout;
  });
}
