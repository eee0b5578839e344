import { defineConfig } from "@playwright/test";
import { env } from "@/env";
import { resolveBrowser } from "../../scripts/lib/browser";
import { toolingEnv } from "../../scripts/lib/tooling-env";

// scripts/test.ts prepares the database and the production build, and passes these in.
const port = toolingEnv.E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const browser = await resolveBrowser(toolingEnv.CHROMIUM_PATH);

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
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
    trace: "retain-on-failure",
  },
  webServer: {
    command: `node_modules/.bin/tsx scripts/server.ts -p ${port} -H 127.0.0.1`,
    cwd: "../..",
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: env.DATABASE_URL ?? "",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production",
      SMTP_URL: `smtp://127.0.0.1:${toolingEnv.E2E_SMTP_PORT}`,
      HF_API_URL: `http://127.0.0.1:${toolingEnv.E2E_HF_PORT}`,
      // The sync's category lookup asks arXiv; the admin spec's replay answers there, never the real arXiv.
      ARXIV_API_URL: `http://127.0.0.1:${toolingEnv.E2E_HF_PORT}/arxiv/query`,
      SYNC_SOURCES: "hf",
      ADMIN_EMAILS: "operator@example.com",
      // Seals the channels the channels spec adds (32 bytes, base64).
      CHANNEL_SECRET_KEY: Buffer.from("e2e-only-channel-key-32-bytes!!!").toString("base64"),
      NEXT_TELEMETRY_DISABLED: "1",
      // Every spec's requests come from 127.0.0.1; resilience.spec.ts tests the per-client budget.
      CLIENT_RENDERS_PER_SECOND: "0",
      // As `npm start` runs it: no proxy in front, so client-sent forwarding headers are dropped.
      NODE_OPTIONS: "--import ./src/edge/strip-forwarded-headers.mjs",
    },
  },
});
