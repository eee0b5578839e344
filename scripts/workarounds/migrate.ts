// Workaround (see README.md beside this file): Prisma Migrate through the wasm build of Prisma's
// schema engine, because the native engine the CLI wants cannot be downloaded here. It reads and writes the standard prisma/migrations folder and
// `_prisma_migrations` table, so a machine with the native engine can use `prisma migrate` too.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { PROJECT_ROOT } from "./local-postgres";

const SCHEMA = join(PROJECT_ROOT, "prisma", "schema.prisma");
const MIGRATIONS = join(PROJECT_ROOT, "prisma", "migrations");
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

// Introspection reads catalog columns of Postgres's internal "char" type, which @prisma/adapter-pg
// 7.10 rejects ("Column type 'char' could not be deserialized"). Reporting them as text lets the
// engine describe a real Postgres; the values are already single-character strings.
class CatalogFriendlyClient extends pg.Client {
  override query(...args: unknown[]): never {
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

async function readMigrations(): Promise<MigrationList> {
  const dirs = existsSync(MIGRATIONS)
    ? (await readdir(MIGRATIONS, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockfile = join(MIGRATIONS, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockfile) ? await readFile(lockfile, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(join(MIGRATIONS, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** Applies pending migrations; concurrent callers serialise on an advisory lock. */
export async function applyMigrations(url: string): Promise<string[]> {
  const lockClient = new pg.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const migrationsList = await readMigrations();
    const output = await withEngine(url, (engine) => engine.applyMigrations({ migrationsList, filters: FILTERS }));
    return output.appliedMigrationNames;
  } finally {
    await lockClient.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await lockClient.end();
  }
}

/**
 * Diffs the schema against the existing migrations (replayed into a throw-away shadow database on
 * the same server) and writes the difference as a new migration. Returns its folder, or null.
 */
export async function createMigration(serverUrl: string, name: string): Promise<string | null> {
  const shadowName = `prisma_shadow_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(shadowName)}`);
  const shadowUrl = new URL(serverUrl);
  shadowUrl.pathname = `/${shadowName}`;
  try {
    const migrationsList = await readMigrations();
    const files = [{ path: SCHEMA, content: await readFile(SCHEMA, "utf8") }];
    const sql = await withEngine(shadowUrl.toString(), async (engine) => {
      if (migrationsList.migrationDirectories.length > 0) await engine.applyMigrations({ migrationsList, filters: FILTERS });
      const diff = await engine.diff({
        from: { tag: "schemaDatasource", files, configDir: dirname(SCHEMA) },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        filters: FILTERS,
      });
      return diff.exitCode === 0 ? null : diff.stdout;
    });
    if (!sql) return null;
    const timestamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = join(MIGRATIONS, `${timestamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "migration.sql"), sql);
    await writeFile(
      join(MIGRATIONS, "migration_lock.toml"),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
    return dir;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(shadowName)} WITH (FORCE)`);
    await admin.end();
  }
}
