import { defineConfig } from "@playwright/test";
import { env } from "../../src/env";

// scripts/test.ts prepares the database and the production build, and passes these in.
const port = env.E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: ".",
  timeout: 60_000,
  workers: 1,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: env.CHROMIUM_PATH,
      // Without the background-networking flags Chromium keeps dialling Google's hosts, which this
      // offline machine refuses; --no-sandbox because tests run as root here.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
    cwd: "../..",
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: env.DATABASE_URL ?? "",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production",
      SMTP_URL: `smtp://127.0.0.1:${env.E2E_SMTP_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
