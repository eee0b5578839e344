// Usage: npm run db:stop. Stops the embedded local PostgreSQL server even if a process still uses it.
import { stopEmbeddedServer } from "./lib/database";

stopEmbeddedServer((message) => console.log(`[db] ${message}`)).then(
  (stopped) => {
    console.log(stopped ? "[db] Local PostgreSQL server stopped." : "[db] The local PostgreSQL server is not running.");
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
