import { spawn } from "node:child_process";
import { env } from "@/env";
import { freePort } from "./free-port";
import { PROJECT_ROOT } from "./project-root";
import { childEnv, toolingEnv } from "./tooling-env";

export interface AppServer {
  baseURL: string;
  pid: number;
  /** Everything the server printed so far, stdout and stderr. */
  log(): string;
  /** Stops it gracefully (SIGINT), so exit-time work such as writing a CPU profile happens. */
  stop(): Promise<void>;
}

export interface AppServerOptions {
  /** Default: DATABASE_URL, the database under test. */
  databaseUrl?: string;
  /** Flags for node itself (some, like --cpu-prof, are not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
  /** PAGE_CACHE_MB for the server: 0 turns the anonymous page cache off. */
  pageCacheMb?: number;
  /**
   * More settings for the server. Unless given here, CLIENT_RENDERS_PER_SECOND is 0: every request
   * of a test or a benchmark comes from one address, which the per-client budget would throttle.
   */
  env?: Record<string, string>;
}

/** As `npm start` runs the server (package.json): V8's heap capped so the process stays under 512 MB. */
const SERVER_NODE_FLAGS = ["--max-old-space-size=320"];

/**
 * A production server on the current build, started as `npm start` runs it (no proxy in front,
 * client-sent forwarding headers dropped), whose output the caller can read: a second server for
 * specs that check the server's log, and the server the benchmarks drive.
 */
export async function startAppServer({
  databaseUrl = env.DATABASE_URL,
  nodeArgs = [],
  pageCacheMb,
  env: settings = {},
}: AppServerOptions = {}): Promise<AppServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    process.execPath,
    [...nodeArgs, ...SERVER_NODE_FLAGS, "--import", "tsx", "scripts/server.ts", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: PROJECT_ROOT,
      env: childEnv({
        ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
        NEXTAUTH_URL: baseURL,
        NEXTAUTH_SECRET: "test-only-secret-not-for-production",
        SMTP_URL: `smtp://127.0.0.1:${toolingEnv.E2E_SMTP_PORT}`,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_OPTIONS: "--import ./src/edge/strip-forwarded-headers.mjs",
        ...(pageCacheMb === undefined ? {} : { PAGE_CACHE_MB: String(pageCacheMb) }),
        CLIENT_RENDERS_PER_SECOND: "0",
        ...settings,
      }),
    },
  );
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${output}`);
    const ready = await fetch(`${baseURL}/robots.txt`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`The server did not answer within 90 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseURL,
    pid: child.pid!,
    log: () => output,
    stop: () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}
