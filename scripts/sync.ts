// `npm run sync -- [--source hf] [--source arxiv:cs.CL,cs.LG]`: syncs the configured sources
// (SYNC_SOURCES, default hf) once. Progress goes to stderr, the report as JSON to stdout. Exits 1
// when a source failed, with one line per failure naming the host, so cron mails the operator.
import { parseArgs } from "node:util";
import { z } from "zod";
import { env } from "@/env";
import { syncSourcesSchema, type SyncSource } from "@/lib/sync-sources";
import { configuredSyncEndpoints, runConfiguredSync } from "@/server/sync/configured-sync";

const USAGE = `Usage: npm run sync -- [--source <source>]...
  --source   sync only this source (repeatable): hf, or arxiv:<categories> such as arxiv:cs.CL,cs.LG
             (default: SYNC_SOURCES, now "${env.SYNC_SOURCES.map((source) => source.key).join(" ")}")`;

function parseCommandLine(argv: string[]): SyncSource[] | null {
  const { values } = parseArgs({
    args: argv,
    options: { source: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) return null;
  return values.source ? syncSourcesSchema.parse(values.source.join(" ")) : env.SYNC_SOURCES;
}

function hostOf(source: SyncSource): string {
  return new URL(configuredSyncEndpoints[source.kind]).host;
}

async function main(): Promise<number> {
  let sources: SyncSource[] | null;
  try {
    sources = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    const message =
      error instanceof z.ZodError ? error.issues.map((issue) => `--source: ${issue.message}`).join("\n") : (error as Error).message;
    console.error(`${message}\n${USAGE}`);
    return 2;
  }
  if (!sources) {
    console.log(USAGE);
    return 0;
  }
  const report = await runConfiguredSync((message) => console.error(message), sources);
  console.log(JSON.stringify(report, null, 2));
  if (report.status === "already-running") {
    console.error("Another sync is running (on this or another instance); this one did nothing.");
    return 0;
  }
  const failed = report.sources.filter((source) => source.status === "failed");
  for (const failure of failed) {
    const source = sources.find((candidate) => candidate.key === failure.source)!;
    console.error(`Sync of ${failure.source} failed (${hostOf(source)}): ${failure.error}`);
  }
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Sync failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
