// The app's only reader of process.env: every setting is validated here once, so the rest of the
// code gets typed values and a misconfiguration fails at start-up with a message naming the
// variable. (Test and bench tooling reads its own settings in scripts/lib/tooling-env.ts.)
import { createPrivateKey } from "node:crypto";
import { existsSync } from "node:fs";
import { z } from "zod";
import { syncSourcesSchema } from "@/lib/sync-sources";

// Next.js loads .env itself; command-line scripts do not, so load it here (existing values win).
if (existsSync(".env")) process.loadEnvFile(".env");

const optionalUrl = z.preprocess((value) => (value === "" ? undefined : value), z.url().optional());

const optionalText = z.preprocess((value) => (value === "" ? undefined : value), z.string().min(1).optional());

const fields = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
      .optional(),
  ),
  HF_API_URL: z.url().default("https://huggingface.co"),
  ARXIV_API_URL: z.url().default("https://export.arxiv.org/api/query"),
  SMTP_URL: optionalUrl,
  EMAIL_FROM: z.string().min(3).default("Daily Papers <papers@localhost>"),
  /** The site's public URL; code uses `siteUrl` below, next-auth reads the variable itself. */
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  /** Signs sessions and tokens. `npm run dev`/`start` generate one into .data/ when unset. */
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  /** How long an emailed sign-in or confirmation link stays valid. */
  EMAIL_LINK_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  /** Bearer secret for /api/cron/*; when unset the cron routes refuse every request. */
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /**
   * Reverse proxies in front of the app that append the client address to X-Forwarded-For (and set
   * X-Forwarded-Host/-Proto). Unset or 0: none, forwarding headers from clients are dropped.
   * `true` means 1.
   */
  TRUST_PROXY: z.preprocess(
    (value) => (value === "true" ? "1" : value === "false" || value === "" ? "0" : value),
    z.coerce.number().int().min(0, "must be a hop count: 0, 1, 2, ... (or true)").max(10).default(0),
  ),
  /**
   * Encrypts the secrets of chat channels (webhook URLs, Matrix access tokens) at rest: 32 bytes,
   * base64 (`openssl rand -base64 32`). Unset: channels cannot be added.
   */
  CHANNEL_SECRET_KEY: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .refine((value) => Buffer.from(value, "base64").length === 32 && /^[A-Za-z0-9+/]+=*$/.test(value), {
        message: "must be 32 bytes in base64 (make one with `openssl rand -base64 32`)",
      })
      .optional(),
  ),
  /** Shared secret that signs bounce and complaint reports sent to POST /api/email/events. */
  EMAIL_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /**
   * DKIM signing of outgoing mail: all three or none. The key is a PEM private key (RSA or
   * Ed25519); `\n` sequences stand for line breaks, so it fits on one line of a .env file.
   */
  DKIM_DOMAIN: optionalText,
  DKIM_SELECTOR: optionalText,
  DKIM_PRIVATE_KEY: z.preprocess(
    (value) => (typeof value === "string" && value !== "" ? value.replaceAll("\\n", "\n") : undefined),
    z.string().optional(),
  ),
  /**
   * Hosts pages may load images from (organization avatars, thumbnails), comma-separated. Imported
   * data names image URLs; any other host is blocked by the Content-Security-Policy.
   */
  IMAGE_HOSTS: z
    .string()
    .default("huggingface.co,cdn-avatars.huggingface.co,cdn-thumbnails.huggingface.co,cdn-uploads.huggingface.co")
    .transform((value) =>
      value
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().regex(/^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, "must be host names such as cdn.example.org, comma-separated")),
    ),
  /** Reported by /api/health; Vercel sets VERCEL_GIT_COMMIT_SHA, other hosts may set GIT_COMMIT_SHA. */
  GIT_COMMIT_SHA: z
    .string()
    .regex(/^[0-9a-f]{7,40}$/, "must be a git commit hash")
    .optional(),
  VERCEL_GIT_COMMIT_SHA: z.string().optional(),
  /** Where `npm run sync` and the cron route read papers from (see src/lib/sync-sources.ts). */
  SYNC_SOURCES: z.string().default("hf").pipe(syncSourcesSchema),
  /** Memory for the anonymous page cache of `npm start`, per instance; 0 turns it off. */
  PAGE_CACHE_MB: z.coerce.number().int().min(0, "must be 0 (off) or more").max(4096).default(64),
  /** Server processes `npm start` runs (a supervising primary restarts any that dies). */
  WEB_CONCURRENCY: z.coerce.number().int().min(1, "must be 1 or more").max(64).default(1),
  /** Pages rendered at once per server process; more wait in the queue. */
  RENDER_CONCURRENCY: z.coerce.number().int().min(1, "must be 1 or more").max(256).default(4),
  /** Renders that may wait for a slot; beyond it a request gets 503 with Retry-After at once. */
  RENDER_QUEUE: z.coerce.number().int().min(0, "must be 0 or more").max(10_000).default(64),
  /** Longest a render waits for a slot before the request gets 503 (a later answer is not worth it). */
  RENDER_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  /** Uncached renders one client address may have per second (burst: four times as many); 0 turns it off. */
  CLIENT_RENDERS_PER_SECOND: z.coerce.number().min(0, "must be 0 (off) or more").max(10_000).default(10),
  /** Who may open /admin, comma-separated; nobody when unset. */
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email("must be email addresses, comma-separated"))),
  /** Papers per digest email. */
  DIGEST_SIZE: z.coerce.number().int().min(1).max(50).default(10),
  /** Parallel SMTP connections (and messages in flight) while sending a digest. */
  DIGEST_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
  DEMO_DATA: z.enum(["on", "off"]).default("on"),
  /** Passed on to the processes the launcher starts, with its own preloads added. */
  NODE_OPTIONS: z.string().optional(),
});

const DKIM_VARIABLES = ["DKIM_DOMAIN", "DKIM_SELECTOR", "DKIM_PRIVATE_KEY"] as const;

const schema = fields.superRefine((values, ctx) => {
  const missing = DKIM_VARIABLES.filter((name) => !values[name]);
  if (missing.length > 0 && missing.length < DKIM_VARIABLES.length) {
    for (const name of missing)
      ctx.addIssue({ code: "custom", path: [name], message: "must be set with the other DKIM_* variables (or none of them)" });
  }
  if (values.DKIM_PRIVATE_KEY) {
    try {
      createPrivateKey(values.DKIM_PRIVATE_KEY);
    } catch {
      ctx.addIssue({ code: "custom", path: ["DKIM_PRIVATE_KEY"], message: "is not a PEM private key" });
    }
  }
});

export type Env = z.infer<typeof schema>;

/** Validates an environment (the process's by default); throws one error naming every problem. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new Error(`Invalid environment variables (see .env.example):\n${problems}`);
}

export const env = parseEnv();

/** The site's public URL without a trailing slash: the base of absolute links and the Origin its own pages send. */
export const siteUrl = env.NEXTAUTH_URL.replace(/\/+$/, "");
