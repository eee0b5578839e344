import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { env } from "@/env";

const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));

export interface AppServer {
  baseURL: string;
  /** Everything the server printed so far, stdout and stderr. */
  log(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * A second production server on the build and database under test, started as `npm start` runs
 * it, whose output the spec can read (the shared web server's output goes to the test log).
 */
export async function startAppServer(): Promise<AppServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: PROJECT_DIR,
    env: {
      ...process.env,
      DATABASE_URL: env.DATABASE_URL,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      SMTP_URL: `smtp://127.0.0.1:${env.E2E_SMTP_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: "--import ./scripts/strip-forwarded-headers.mjs",
    },
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    const ready = await fetch(baseURL).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseURL,
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
