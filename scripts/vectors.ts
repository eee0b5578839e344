// `npm run vectors`: gives every paper its recommender vector and current weights now, instead of
// the sync's 5,000 papers a run (an instance upgraded with many papers: a million take ~20 minutes
// on two cores). Progress on stderr; safe to stop and run again, it goes on where it stopped.
import { parseArgs } from "node:util";
import { db } from "@/server/db";
import { refreshAllPaperVectors } from "@/server/recs/refresh-vectors";

const USAGE = "Usage: npm run vectors (no options): vectorises every paper without a vector and re-weighs old ones.";

async function main(): Promise<number> {
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { help: { type: "boolean", short: "h" } } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const total = await db.paper.count();
  const started = performance.now();
  const done = await refreshAllPaperVectors(
    db,
    () => new Date(),
    (progress) => {
      const seconds = (performance.now() - started) / 1000;
      console.error(
        `${progress.examined.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} papers looked at: ` +
          `${progress.vectorised.toLocaleString("en-US")} vectorised, ${progress.reweighed.toLocaleString("en-US")} weighed again (${seconds.toFixed(0)} s)`,
      );
    },
  );
  console.log(
    `Done: ${done.vectorised.toLocaleString("en-US")} papers vectorised, ${done.reweighed.toLocaleString("en-US")} weighed again.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Vectorising failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
