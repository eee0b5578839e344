// Usage: tsx scripts/run.ts [--seed-demo] [<file.ts> [args...] | -- <command> [args...]]
// The npm scripts' one runner: provides a migrated database (DATABASE_URL, or the embedded local
// server when it is unset), then runs a TypeScript file (with the react-server condition, as
// Next.js runs server code) or a command with DATABASE_URL set. With neither it only migrates
// (`npm run db:migrate`). --seed-demo fills an empty database with the demo papers first.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { env } from "@/env";
import { migrate, provideDatabase } from "./lib/database";
import { PROJECT_ROOT } from "./lib/project-root";
import { childEnv } from "./lib/tooling-env";

const USAGE = "Usage: tsx scripts/run.ts [--seed-demo] [<file.ts> [args...] | -- <command> [args...]]";

const log = (message: string) => console.log(`[db] ${message}`);

function typeScriptCommand(file: string, args: string[]): string[] {
  return [process.execPath, "--conditions=react-server", "--import", "tsx", file, ...args];
}

/** What to run after migrating ([] for nothing), or null for a command line it does not understand. */
function parseCommandLine(argv: string[]): { seedDemo: boolean; command: string[] } | null {
  const seedDemo = argv[0] === "--seed-demo";
  const [first, ...rest] = seedDemo ? argv.slice(1) : argv;
  if (first === undefined) return { seedDemo, command: [] };
  if (first === "--") return { seedDemo, command: rest };
  if (/^[^-].*\.ts$/.test(first)) return { seedDemo, command: typeScriptCommand(first, rest) };
  return null;
}

// next-auth needs a secret outside development; a newcomer should not have to invent one.
function localAuthSecret(): Record<string, string> {
  if (env.NEXTAUTH_SECRET) return {};
  const file = join(PROJECT_ROOT, ".data", "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return { NEXTAUTH_SECRET: readFileSync(file, "utf8").trim() };
}

// Without a trusted proxy, forwarding headers come from the client: the app must never see them.
function untrustedForwardingHeaders(): Record<string, string> {
  if (env.TRUST_PROXY > 0) return {};
  const preload = `--import ${pathToFileURL(join(PROJECT_ROOT, "src", "edge", "strip-forwarded-headers.mjs")).href}`;
  return { NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(" ") };
}

function runCommand(command: string[], url: string): Promise<number> {
  const [program, ...args] = command;
  if (!program) return Promise.resolve(0);
  const child = spawn(program, args, {
    stdio: "inherit",
    env: childEnv({ NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, ...localAuthSecret(), ...untrustedForwardingHeaders() }),
  });
  // The terminal delivers Ctrl-C to the child as well; wait for it to exit, then clean up.
  const waitForChild = () => {};
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", waitForChild);
  process.on("SIGTERM", forward);
  process.on("SIGHUP", forward);
  return new Promise<number>((resolve) => {
    child.on("error", (error) => {
      console.error(`Could not run ${program}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  }).finally(() => {
    process.off("SIGINT", waitForChild);
    process.off("SIGTERM", forward);
    process.off("SIGHUP", forward);
  });
}

async function main(): Promise<number> {
  const commandLine = parseCommandLine(process.argv.slice(2));
  if (!commandLine) {
    console.error(`Unknown arguments ${process.argv.slice(2).join(" ")}. ${USAGE}`);
    return 2;
  }
  const database = await provideDatabase(log);
  try {
    const applied = await migrate(database.url);
    log(applied.length > 0 ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date");
    if (commandLine.seedDemo && env.DEMO_DATA === "on") {
      const seeded = await runCommand(typeScriptCommand(join(PROJECT_ROOT, "scripts", "seed-demo.ts"), []), database.url);
      if (seeded !== 0) return seeded;
    }
    return await runCommand(commandLine.command, database.url);
  } finally {
    await database.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
