// Settings only the tooling reads (npm test, the browser tests, the benchmarks, migrations), kept out of the
// app's src/env.ts and validated the same way: a bad value fails at start-up, naming the variable.
import "@/env"; // loads .env first, so these can be set there too
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  /** Unset: /usr/bin/chromium when present, else the Chromium inside the @sparticuz/chromium package. */
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** Port of the server under test; npm test picks a free one. */
  E2E_PORT: port.default(3100),
  /** Port of the SMTP server the browser tests start; the server under test sends its mail there. */
  E2E_SMTP_PORT: port.default(2525),
  /** Port of the Hugging Face replay server the admin spec starts; the server under test syncs from it. */
  E2E_HF_PORT: port.default(2526),
  /** Prisma's own: its native schema engine, instead of the one downloaded on install (see scripts/lib/database.ts). */
  PRISMA_SCHEMA_ENGINE_BINARY: z.string().min(1).optional(),
});

function parseToolingEnv(source: Record<string, string | undefined>): z.infer<typeof schema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new Error(`Invalid environment variables (see .env.example):\n${problems}`);
}

export const toolingEnv = parseToolingEnv(process.env);

/** The environment for a child process: this one's, with overrides. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
